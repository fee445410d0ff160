#include "core/two_factor.hpp"

#include <cctype>

namespace assure {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Percent-encodes all but RFC 3986's unreserved characters, for the otpauth address.
std::string uri_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

}  // namespace

std::int64_t time_step(Instant now, const TwoFactorPolicy& policy) {
    // Floor division: an instant before the epoch still falls in the step that holds it.
    const std::int64_t step = policy.step_seconds;
    return now >= 0 ? now / step : -((-now + step - 1) / step);
}

CodeVerdict judge_code_step(std::int64_t matched, Instant now, std::int64_t last_used_step, const TwoFactorPolicy& policy) {
    const std::int64_t current = time_step(now, policy);
    if (matched < current - policy.window_steps || matched > current + policy.window_steps) return CodeVerdict::outside_window;
    if (matched <= last_used_step) return CodeVerdict::replayed;
    return CodeVerdict::accepted;
}

std::optional<std::string> normalise_code(std::string_view typed, const TwoFactorPolicy& policy) {
    std::string digits;
    for (const char c : typed) {
        if (c == ' ' || c == '\t') continue;
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    if (digits.size() != static_cast<std::size_t>(policy.digits)) return std::nullopt;
    return digits;
}

std::string recovery_code_from(std::string_view random_text) {
    std::string code;
    for (const char c : random_text) {
        if (code.size() == kRecoveryCodeLength) break;
        code += kBase32[static_cast<unsigned char>(c) % kBase32.size()];
    }
    return code;
}

std::optional<std::string> normalise_recovery_code(std::string_view typed) {
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (kBase32.find(upper) == std::string_view::npos) return std::nullopt;
        code += upper;
    }
    if (code.size() != kRecoveryCodeLength) return std::nullopt;
    return code;
}

std::string recovery_code_lookup(const std::string& normalised) { return normalised.substr(0, kRecoveryLookupLength); }

std::string format_recovery_code(const std::string& normalised) {
    std::string out;
    for (std::size_t i = 0; i < normalised.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += '-';
        out += normalised[i];
    }
    return out;
}

bool challenge_live(Instant created_at, Instant now, const TwoFactorPolicy& policy) {
    return now >= created_at && now - created_at < policy.challenge_seconds;
}

bool role_sees_case_records(Role role) {
    return role_allows(role, Permission::view_reviews) || role_allows(role, Permission::view_registers) ||
           role_allows(role, Permission::view_voice);
}

bool must_enrol_two_factor(bool required_by_partnership, Role role, bool enrolled) {
    return required_by_partnership && !enrolled && role_sees_case_records(role);
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret,
                        const TwoFactorPolicy& policy) {
    return "otpauth://totp/" + uri_encode(issuer) + ":" + uri_encode(account) + "?secret=" + std::string(base32_secret) +
           "&issuer=" + uri_encode(issuer) + "&algorithm=SHA1&digits=" + std::to_string(policy.digits) +
           "&period=" + std::to_string(policy.step_seconds);
}

}  // namespace assure
