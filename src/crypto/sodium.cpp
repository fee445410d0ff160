#include "crypto/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace assure::crypto {

void initialise() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Argon2idHasher::Argon2idHasher()
    : ops_(crypto_pwhash_OPSLIMIT_INTERACTIVE), mem_(crypto_pwhash_MEMLIMIT_INTERACTIVE) {}

std::string Argon2idHasher::hash(const std::string& password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_, mem_, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool Argon2idHasher::verify(const std::string& hash, const std::string& password) const {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumTokens::random_token() const {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string SodiumTokens::digest(const std::string& token) const {
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

bool equal_secrets(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace assure::crypto
