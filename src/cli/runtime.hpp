#pragma once
// Run-time pieces the composition root needs: the real clock, and the lock that marks a
// database as being served.
#include <string>

#include "app/ports.hpp"

namespace assure::cli {

// The real time; or, when ASSURE_TODAY=YYYY-MM-DD is set (training sites, end-to-end tests),
// that date in England with the real time of day on London's clocks, so statutory clocks can
// be shown on a chosen day.
class SystemClock final : public Clock {
public:
    SystemClock();  // throws std::runtime_error on a malformed ASSURE_TODAY
    [[nodiscard]] Instant now() const override;

private:
    Instant shift_ = 0;
};

// An exclusive advisory lock on "<db>.lock", held for as long as the object lives. `serve`
// holds it; `restore` and `demo` refuse to replace a database whose lock is taken.
class ServeLock {
public:
    explicit ServeLock(const std::string& db_path);
    ~ServeLock();
    ServeLock(const ServeLock&) = delete;
    ServeLock& operator=(const ServeLock&) = delete;
    [[nodiscard]] bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

}  // namespace assure::cli
