// The limits on failed sign-ins per address and in total, on a frozen clock.
#include <gtest/gtest.h>

#include "core/sign_in_limits.hpp"

namespace assure {
namespace {

constexpr Instant kNine = 1'796'115'600;  // a fixed instant: 1 December 2026, 09:00 UTC

TEST(SignInThrottle, AnAddressIsLimitedAfterItsFailuresUntilTheOldestLeavesTheWindow) {
    SignInThrottle t({.per_address = 3, .address_window_seconds = 900, .per_minute = 1000});
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(t.check("198.51.100.7", kNine + i * 100), SignInVerdict::allowed) << i;
        t.failed("198.51.100.7", kNine + i * 100);
    }
    EXPECT_EQ(t.check("198.51.100.7", kNine + 300), SignInVerdict::address_limited);
    EXPECT_EQ(t.retry_after("198.51.100.7", kNine + 300), 600) << "until the first failure is 15 minutes old";
    EXPECT_EQ(t.check("203.0.113.9", kNine + 300), SignInVerdict::allowed) << "another address is not affected";
    EXPECT_EQ(t.check("198.51.100.7", kNine + 899), SignInVerdict::address_limited) << "a second before the window ends";
    EXPECT_EQ(t.check("198.51.100.7", kNine + 900), SignInVerdict::allowed) << "the first failure has left the window";
    EXPECT_EQ(t.retry_after("198.51.100.7", kNine + 900), 0);
}

TEST(SignInThrottle, EveryoneIsLimitedWhenTheFailuresOfAMinuteReachTheTotal) {
    SignInThrottle t({.per_address = 100, .address_window_seconds = 900, .per_minute = 5});
    for (int i = 0; i < 5; ++i) t.failed("192.0.2." + std::to_string(i), kNine + i);
    EXPECT_EQ(t.check("192.0.2.200", kNine + 10), SignInVerdict::everyone_limited) << "a fresh address too";
    EXPECT_EQ(t.retry_after("192.0.2.200", kNine + 10), 50) << "until the first failure is a minute old";
    EXPECT_EQ(t.check("192.0.2.200", kNine + 60), SignInVerdict::allowed);
}

TEST(SignInThrottle, MemoryIsBoundedUnderAFloodOfAddresses) {
    SignInThrottle t({.per_address = 1000, .address_window_seconds = 60, .per_minute = 1000});
    // A flood from more addresses than are ever held: old ones are dropped, not kept for ever.
    const std::size_t many = SignInThrottle::kMaxAddresses + 10;
    for (std::size_t i = 0; i < many; ++i) t.failed("a" + std::to_string(i), kNine + static_cast<Instant>(i / 1000));
    EXPECT_LE(t.addresses_held(), SignInThrottle::kMaxAddresses);
    EXPECT_GT(t.addresses_held(), 0U);
}

}  // namespace
}  // namespace assure
