#include "crypto/case_key_file.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace assure::crypto {
namespace {

constexpr std::size_t kKeyBytes = crypto_secretbox_KEYBYTES;

std::string octal_mode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// A key that others on the machine can read is no longer a secret: refuse it rather than warn,
// as a warning in a log nobody reads would leave the children's details open.
void refuse_loose_permissions(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw std::runtime_error("cannot read case key file " + path + ": " + std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) throw std::runtime_error("case key file " + path + " is not a regular file");
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        throw std::runtime_error("case key file " + path + " can be read by others (mode " + octal_mode(st.st_mode) +
                                 "): only its owner may read it; run chmod 600 " + path + " and start again");
    }
}

}  // namespace

std::string case_key_from_hex(const std::string& hex, const std::string& what) {
    std::string key(kKeyBytes, '\0');
    std::size_t len = 0;
    if (hex.size() != 2 * kKeyBytes ||
        sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != key.size()) {
        throw std::runtime_error(what + " must be 64 hexadecimal characters (32 bytes)");
    }
    return key;
}

std::string read_case_key_file(const std::string& path) {
    refuse_loose_permissions(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read case key file " + path);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (content.size() == kKeyBytes) return content;  // 32 raw bytes, as Assure writes it
    // 64 hexadecimal characters, as `openssl rand -hex 32 > file` writes them (with a newline).
    std::string hex = content;
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
    const std::string wanted = "case key file " + path +
                               " must hold the key as 64 hexadecimal characters or as 32 raw bytes; it holds " +
                               std::to_string(content.size()) + " bytes";
    if (hex.size() != 2 * kKeyBytes) throw std::runtime_error(wanted);
    try {
        return case_key_from_hex(hex, "case key file " + path);
    } catch (const std::runtime_error&) {
        throw std::runtime_error(wanted + ", not all of them hexadecimal");
    }
}

std::string load_case_key(const std::string& hex_from_env, const std::string& key_file, bool& created) {
    created = false;
    if (!hex_from_env.empty()) return case_key_from_hex(hex_from_env, "ASSURE_CASE_KEY");
    if (::access(key_file.c_str(), F_OK) == 0) return read_case_key_file(key_file);
    std::string key(kKeyBytes, '\0');
    const int fd = ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw std::runtime_error("cannot create case key file " + key_file + ": " + std::strerror(errno));
    randombytes_buf(key.data(), key.size());
    const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write case key file " + key_file);
    created = true;
    return key;
}

}  // namespace assure::crypto
