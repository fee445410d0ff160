#pragma once
// RFC 6238 time-based one-time passwords through liboath (docs/decisions/0031-two-factor.md).
#include "app/ports/two_factor.hpp"

namespace assure::crypto {

class OathCodes final : public OneTimeCodes {
public:
    OathCodes();  // initialises liboath once per process
    [[nodiscard]] std::string new_secret() const override;
    [[nodiscard]] std::string base32(const std::string& secret) const override;
    [[nodiscard]] std::optional<std::int64_t> matching_step(const std::string& secret, const std::string& code, Instant now,
                                                            int window) const override;
    // The code an authenticator app shows at `now`: for tests, which sign in as a person would.
    [[nodiscard]] static std::string code_at(const std::string& secret, Instant now);
    // The raw secret behind its base32 text (as the enrolment page shows it); empty if unreadable.
    [[nodiscard]] static std::string from_base32(const std::string& text);
};

}  // namespace assure::crypto
