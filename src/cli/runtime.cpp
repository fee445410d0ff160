#include "cli/runtime.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>

namespace assure::cli {

Instant SystemClock::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

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
