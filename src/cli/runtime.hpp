#pragma once
// Run-time pieces the composition root needs: the real clock, and the lock that marks a
// database as being served.
#include <string>

#include "app/ports.hpp"

namespace assure::cli {

class SystemClock final : public Clock {
public:
    [[nodiscard]] Instant now() const override;
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
