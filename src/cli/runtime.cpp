#include "cli/runtime.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace assure::cli {

namespace {
Instant real_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

SystemClock::SystemClock() {
    const char* today = std::getenv("ASSURE_TODAY");
    if (today == nullptr || *today == '\0') return;
    const auto date = Date::parse(today);
    if (!date) throw std::runtime_error("ASSURE_TODAY must be a date as YYYY-MM-DD, not '" + std::string(today) + "'");
    const Instant now = real_now();
    shift_ = moved_to_london_date(now, *date) - now;
}

Instant SystemClock::now() const { return real_now() + shift_; }

ServeLock::ServeLock(const std::string& db_path) {
    fd_ = ::open((db_path + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

ServeLock::~ServeLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace assure::cli
