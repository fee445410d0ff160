#pragma once
// libsodium adapters: argon2id password hashing and CSPRNG tokens.
#include "app/ports.hpp"

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

// Constant-time comparison, for CSRF tokens.
bool equal_secrets(const std::string& a, const std::string& b);

}  // namespace assure::crypto
