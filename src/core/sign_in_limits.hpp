#pragma once
// Limits on failed sign-ins beyond the per-account lockout: per network address (one source
// guessing at many accounts) and in total (many sources guessing at once). The account lockout
// is counted in the database; these counters live in each server's memory, where losing them at
// a restart only resets a window of minutes.
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/date.hpp"

namespace assure {

struct SignInLimits {
    int per_address = 30;                // failed sign-ins from one address within the window
    int address_window_seconds = 15 * 60;
    int per_minute = 300;                // failed sign-ins from everyone within a minute
};

enum class SignInVerdict { allowed, address_limited, everyone_limited };

class SignInThrottle {
public:
    explicit SignInThrottle(SignInLimits limits) : limits_(limits) {}

    // Whether a sign-in from `address` may be tried now.
    [[nodiscard]] SignInVerdict check(const std::string& address, Instant now);
    // A sign-in from `address` was refused (a wrong password or an unknown email).
    void failed(const std::string& address, Instant now);
    // Seconds until `address` may try again (0 when it may now).
    [[nodiscard]] int retry_after(const std::string& address, Instant now);

    [[nodiscard]] const SignInLimits& limits() const { return limits_; }
    [[nodiscard]] std::size_t addresses_held();

    // Addresses held at most: beyond it, those with no failure left in the window are dropped.
    static constexpr std::size_t kMaxAddresses = 100'000;

private:
    void forget_before(std::deque<Instant>& times, Instant start) const;
    void prune(Instant now);

    SignInLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Instant>> by_address_;
    std::deque<Instant> everyone_;
};

}  // namespace assure
