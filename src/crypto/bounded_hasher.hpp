#pragma once
// Password hashing with bounded memory: each Argon2id hash holds its memory (64 MiB by default)
// while it runs, so a burst of sign-ins must queue for a few slots rather than all hash at once.
// The queue is short too: a sign-in that finds it full is refused at once as unavailable (the
// person is asked to try again in a moment), so a burst cannot hold every request thread.
#include <condition_variable>
#include <mutex>

#include "app/ports.hpp"

namespace assure::crypto {

// The detail of the Failure (unavailable) thrown when the queue is full.
inline constexpr const char* kHashQueueFull = "password hashing queue full";

class BoundedHasher final : public PasswordHasher {
public:
    // `slots` hashes at once and `queue` more waiting; 0 slots: one per core.
    BoundedHasher(const PasswordHasher& inner, int slots, int queue);
    [[nodiscard]] std::string hash(const std::string& password) const override;
    [[nodiscard]] bool verify(const std::string& hash, const std::string& password) const override;

    [[nodiscard]] int slots() const { return slots_; }
    // The most hashes that ever ran at once (for the tests that prove the bound).
    [[nodiscard]] int most_at_once() const;

private:
    class Slot;  // held for the length of one hash
    const PasswordHasher& inner_;
    int slots_;
    int queue_;
    mutable std::mutex mutex_;
    mutable std::condition_variable freed_;
    mutable int running_ = 0;
    mutable int waiting_ = 0;
    mutable int most_ = 0;
};

}  // namespace assure::crypto
