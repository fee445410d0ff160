#pragma once
// libsodium adapters: argon2id password hashing and CSPRNG tokens.
#include "app/ports.hpp"
#include "crypto/blake2b.hpp"

namespace assure::crypto {

// Throws if libsodium cannot initialise (no entropy source): nothing is safe without it.
void initialise();

class Argon2idHasher final : public PasswordHasher {
public:
    // Defaults: libsodium's INTERACTIVE limits (2 passes, 64 MiB), OWASP's recommended floor.
    Argon2idHasher();
    Argon2idHasher(unsigned long long ops_limit, std::size_t mem_limit) : ops_(ops_limit), mem_(mem_limit) {}
    [[nodiscard]] std::string hash(const std::string& password) const override;
    [[nodiscard]] bool verify(const std::string& hash, const std::string& password) const override;

private:
    unsigned long long ops_;
    std::size_t mem_;
};

class SodiumTokens final : public TokenSource {
public:
    [[nodiscard]] std::string random_token() const override;
    [[nodiscard]] std::string digest(const std::string& token) const override;
};

// Identifiable case details sealed with XSalsa20-Poly1305 (crypto_secretbox): a fresh random
// nonce per seal, stored as base64(nonce || ciphertext). Tampering or a wrong key fails open().
class SecretboxSealer final : public Sealer {
public:
    explicit SecretboxSealer(std::string key);  // exactly 32 bytes
    [[nodiscard]] std::string seal(const std::string& plain) const override;
    [[nodiscard]] std::string open(const std::string& sealed) const override;
    // BLAKE2b keyed with a subkey derived from the case key (crypto_kdf, context "datasetk"),
    // so the digest key is never the sealing key itself: its first 60 bits, as 15 hex characters.
    [[nodiscard]] std::string keyed_digest(std::string_view context, std::string_view text) const override;
    [[nodiscard]] std::string key_id() const override { return key_id_; }
    [[nodiscard]] std::string digest_key() const override { return digest_key_; }
    void use_digest_key(std::string key) override;

private:
    std::string key_;
    std::string digest_key_;
    KeyedBlake2b digest_hash_;  // digest_key_'s block compressed once
    std::string key_id_;
};

// Constant-time comparison, for CSRF tokens.
bool equal_secrets(const std::string& a, const std::string& b);

}  // namespace assure::crypto
