// Password hashing under a burst of sign-ins: at most `slots` hashes hold their memory at once,
// `queue` more wait, and the rest are told to try again at once instead of tying up threads.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/failure.hpp"
#include "crypto/bounded_hasher.hpp"

namespace assure::testing {
namespace {

// A hasher that holds every caller until the test opens the gate, and counts who is inside.
class GatedHasher final : public PasswordHasher {
public:
    std::string hash(const std::string& password) const override { return pass(password); }
    bool verify(const std::string& hash, const std::string& password) const override { return pass(password) == hash; }
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        opened_.notify_all();
    }
    int inside() const { return inside_.load(); }

private:
    std::string pass(const std::string& password) const {
        ++inside_;
        std::unique_lock lock(mutex_);
        opened_.wait(lock, [&] { return open_; });
        --inside_;
        return "h:" + password;
    }
    mutable std::mutex mutex_;
    mutable std::condition_variable opened_;
    mutable bool open_ = false;
    mutable std::atomic<int> inside_{0};
};

TEST(BoundedHasher, ABurstHashesInItsSlotsQueuesAFewAndTurnsTheRestAwayAtOnce) {
    GatedHasher gate;
    crypto::BoundedHasher hasher(gate, 2, 3);
    std::atomic<int> verified{0}, turned_away{0}, other{0};
    std::vector<std::thread> burst;
    for (int i = 0; i < 20; ++i) {
        burst.emplace_back([&] {
            try {
                if (hasher.verify("h:secret", "secret")) ++verified;
            } catch (const Failure& f) {
                (f.code() == FailureCode::unavailable && f.detail() == crypto::kHashQueueFull ? turned_away : other)++;
            }
        });
    }
    // Two hash, three wait; the other fifteen are answered while the gate is still shut.
    for (int i = 0; i < 2000 && turned_away.load() < 15; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(turned_away.load(), 15);
    EXPECT_EQ(gate.inside(), 2) << "no more than the slots hash at once";
    gate.open();
    for (auto& t : burst) t.join();
    EXPECT_EQ(verified.load(), 5) << "the two hashing and the three queued all finish";
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(hasher.most_at_once(), 2);
}

TEST(BoundedHasher, NoSlotsConfiguredMeansOnePerCoreAndAHashStillWorks) {
    GatedHasher gate;
    gate.open();
    crypto::BoundedHasher hasher(gate, 0, 0);
    EXPECT_GE(hasher.slots(), 1);
    EXPECT_EQ(hasher.hash("x"), "h:x");
    EXPECT_TRUE(hasher.verify("h:x", "x"));
}

}  // namespace
}  // namespace assure::testing
