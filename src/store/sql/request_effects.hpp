#pragma once
// What the current thread's request did besides reading: writes it made and reads of restricted
// records it logged. A rendered page may be kept and served again only if it did neither
// (docs/decisions/0017): a kept page must not skip a change, and every view of a restricted
// record must reach the access log.
#include <cstdint>

namespace assure::sql::request_effects {

inline thread_local std::int64_t writes = 0;         // write transactions begun on this thread
inline thread_local std::int64_t logged_reads = 0;   // access-log entries recorded on this thread

// Whether anything of the kind happened on this thread since construction.
class Watch {
public:
    Watch() : writes_(writes), logged_reads_(logged_reads) {}
    [[nodiscard]] bool quiet() const { return writes == writes_ && logged_reads == logged_reads_; }

private:
    std::int64_t writes_;
    std::int64_t logged_reads_;
};

}  // namespace assure::sql::request_effects
