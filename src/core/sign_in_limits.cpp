#include "core/sign_in_limits.hpp"

#include <algorithm>

namespace assure {

void SignInThrottle::forget_before(std::deque<Instant>& times, Instant start) const {
    while (!times.empty() && times.front() < start) times.pop_front();
}

SignInVerdict SignInThrottle::check(const std::string& address, Instant now) {
    std::lock_guard lock(mutex_);
    forget_before(everyone_, now - 60 + 1);
    if (static_cast<int>(everyone_.size()) >= limits_.per_minute) return SignInVerdict::everyone_limited;
    const auto it = by_address_.find(address);
    if (it == by_address_.end()) return SignInVerdict::allowed;
    forget_before(it->second, now - limits_.address_window_seconds + 1);
    if (it->second.empty()) {
        by_address_.erase(it);
        return SignInVerdict::allowed;
    }
    return static_cast<int>(it->second.size()) >= limits_.per_address ? SignInVerdict::address_limited
                                                                       : SignInVerdict::allowed;
}

void SignInThrottle::failed(const std::string& address, Instant now) {
    std::lock_guard lock(mutex_);
    everyone_.push_back(now);
    // Only the latest `per_minute` failures can decide a verdict: keep no more than that.
    while (static_cast<int>(everyone_.size()) > limits_.per_minute) everyone_.pop_front();
    if (by_address_.size() >= kMaxAddresses && by_address_.find(address) == by_address_.end()) prune(now);
    auto& times = by_address_[address];
    times.push_back(now);
    while (static_cast<int>(times.size()) > limits_.per_address) times.pop_front();
}

int SignInThrottle::retry_after(const std::string& address, Instant now) {
    std::lock_guard lock(mutex_);
    Instant until = now;
    if (static_cast<int>(everyone_.size()) >= limits_.per_minute) until = std::max(until, everyone_.front() + 60);
    const auto it = by_address_.find(address);
    if (it != by_address_.end() && static_cast<int>(it->second.size()) >= limits_.per_address) {
        until = std::max(until, it->second.front() + limits_.address_window_seconds);
    }
    return static_cast<int>(until - now);
}

std::size_t SignInThrottle::addresses_held() {
    std::lock_guard lock(mutex_);
    return by_address_.size();
}

// Drops the addresses with no failure left in the window; if every one is still in its window
// (a flood from a great many addresses), drops the whole table: the per-minute limit still holds.
void SignInThrottle::prune(Instant now) {
    const Instant start = now - limits_.address_window_seconds + 1;
    std::erase_if(by_address_, [&](const auto& entry) { return entry.second.empty() || entry.second.back() < start; });
    if (by_address_.size() >= kMaxAddresses) by_address_.clear();
}

}  // namespace assure
