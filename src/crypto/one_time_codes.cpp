#include "crypto/one_time_codes.hpp"

#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include <liboath/oath.h>
#include <sodium.h>

#include "core/two_factor.hpp"

namespace assure::crypto {
namespace {

void initialise_oath() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not initialise");
    });
}

constexpr std::size_t kSecretBytes = 20;

}  // namespace

OathCodes::OathCodes() { initialise_oath(); }

std::string OathCodes::new_secret() const {
    std::string secret(kSecretBytes, '\0');
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string OathCodes::base32(const std::string& secret) const {
    char* out = nullptr;
    std::size_t length = 0;
    if (oath_base32_encode(secret.data(), secret.size(), &out, &length) != OATH_OK) {
        throw std::runtime_error("liboath could not encode a secret");
    }
    std::string text(out, length);
    std::free(out);
    // Authenticator apps take the secret without base32's padding.
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

std::optional<std::int64_t> OathCodes::matching_step(const std::string& secret, const std::string& code, Instant now,
                                                     int window) const {
    const TwoFactorPolicy& policy = two_factor_policy();
    int position = 0;
    const int rc = oath_totp_validate2(secret.data(), secret.size(), static_cast<time_t>(now),
                                       static_cast<unsigned>(policy.step_seconds), OATH_TOTP_DEFAULT_START_TIME,
                                       static_cast<std::size_t>(window), &position, code.c_str());
    if (rc < 0) return std::nullopt;  // OATH_INVALID_OTP, or a code of the wrong shape
    return time_step(now, policy) + position;
}

std::string OathCodes::code_at(const std::string& secret, Instant now) {
    initialise_oath();
    const TwoFactorPolicy& policy = two_factor_policy();
    char code[16] = {};
    if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(now), static_cast<unsigned>(policy.step_seconds),
                           OATH_TOTP_DEFAULT_START_TIME, static_cast<unsigned>(policy.digits), code) != OATH_OK) {
        throw std::runtime_error("liboath could not compute a code");
    }
    return code;
}

std::string OathCodes::from_base32(const std::string& text) {
    initialise_oath();
    std::string padded = text;
    while (padded.size() % 8 != 0) padded += '=';
    char* out = nullptr;
    std::size_t length = 0;
    if (oath_base32_decode(padded.data(), padded.size(), &out, &length) != OATH_OK) return {};
    std::string secret(out, length);
    std::free(out);
    return secret;
}

}  // namespace assure::crypto
