#include "crypto/bounded_hasher.hpp"

#include <algorithm>
#include <thread>

#include "core/failure.hpp"

namespace assure::crypto {

namespace {
constexpr const char* kBusy = "Too many people are signing in at this moment. Wait a few seconds and try again.";
}

class BoundedHasher::Slot {
public:
    explicit Slot(const BoundedHasher& h) : h_(h) {
        std::unique_lock lock(h_.mutex_);
        if (h_.running_ >= h_.slots_) {
            if (h_.waiting_ >= h_.queue_) throw Failure(FailureCode::unavailable, kBusy, {}, kHashQueueFull);
            ++h_.waiting_;
            h_.freed_.wait(lock, [&] { return h_.running_ < h_.slots_; });
            --h_.waiting_;
        }
        ++h_.running_;
        h_.most_ = std::max(h_.most_, h_.running_);
    }
    ~Slot() {
        {
            std::lock_guard lock(h_.mutex_);
            --h_.running_;
        }
        h_.freed_.notify_one();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

private:
    const BoundedHasher& h_;
};

BoundedHasher::BoundedHasher(const PasswordHasher& inner, int slots, int queue)
    : inner_(inner),
      slots_(slots > 0 ? slots : std::max(1, static_cast<int>(std::thread::hardware_concurrency()))),
      queue_(std::max(0, queue)) {}

std::string BoundedHasher::hash(const std::string& password) const {
    Slot slot(*this);
    return inner_.hash(password);
}

bool BoundedHasher::verify(const std::string& hash, const std::string& password) const {
    Slot slot(*this);
    return inner_.verify(hash, password);
}

int BoundedHasher::most_at_once() const {
    std::lock_guard lock(mutex_);
    return most_;
}

}  // namespace assure::crypto
