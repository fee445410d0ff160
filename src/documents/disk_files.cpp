#include "documents/disk_files.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/failure.hpp"

namespace assure::documents {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void cannot_write(const std::string& what) {
    throw Failure(FailureCode::unavailable, "The file could not be saved. Try again later. Nothing was saved.", {},
                  "documents folder: " + what + ": " + std::strerror(errno));
}

bool is_hex_digest(const std::string& s) {
    if (s.size() != 64) return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

DiskFiles::DiskFiles(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec || !fs::is_directory(dir_)) {
        throw std::runtime_error("documents folder '" + dir_ + "' cannot be created: " + ec.message());
    }
}

std::string DiskFiles::keep(std::string_view bytes) {
    const std::string sha = sha256_hex(bytes);
    const fs::path folder = fs::path(dir_) / sha.substr(0, 2);
    const fs::path final_path = folder / sha;
    std::error_code ec;
    if (fs::exists(final_path, ec) && fs::file_size(final_path, ec) == bytes.size()) return sha;  // the same bytes, kept before
    fs::create_directories(folder, ec);
    // Written beside its final name, flushed, then renamed: a file under a checksum is whole,
    // whatever happened while writing (a crash leaves only a .part file behind).
    std::string temp = (folder / (sha + ".XXXXXX.part")).string();
    const int fd = ::mkstemps(temp.data(), 5);
    if (fd < 0) cannot_write("create " + temp);
    std::size_t at = 0;
    while (at < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + at, bytes.size() - at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(temp.c_str());
            cannot_write("write " + temp);
        }
        at += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(temp.c_str());
        cannot_write("flush " + temp);
    }
    if (::rename(temp.c_str(), final_path.c_str()) != 0) {
        ::unlink(temp.c_str());
        cannot_write("rename " + temp);
    }
    // The rename itself survives a power cut once the folder is flushed.
    if (const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return sha;
}

std::optional<std::string> DiskFiles::path_of(const std::string& sha256) const {
    if (!is_hex_digest(sha256)) return std::nullopt;  // never a path from anything but a checksum
    const fs::path p = fs::path(dir_) / sha256.substr(0, 2) / sha256;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    return p.string();
}

}  // namespace assure::documents
