#pragma once
// What the current thread's request did besides reading: writes it made and reads of restricted
// records it logged. A rendered page may be kept and served again only if it wrote nothing (a
// kept page must not skip a change); a page that showed restricted records may be kept only with
// the access-log entries it made, which are written again on every view it is served for
// (docs/decisions/0017), so every view still reaches the access log.
#include <cstdint>
#include <vector>

#include "core/access_log.hpp"

namespace assure::sql::request_effects {

inline thread_local std::int64_t writes = 0;         // write transactions begun on this thread
inline thread_local std::int64_t logged_reads = 0;   // access-log entries recorded on this thread
// Where the access-log entries recorded on this thread are also copied, while a Collect lives.
inline thread_local std::vector<AccessEntry>* collected = nullptr;

// What happened on this thread since construction.
class Watch {
public:
    Watch() : writes_(writes), logged_reads_(logged_reads) {}
    [[nodiscard]] bool wrote() const { return writes != writes_; }
    [[nodiscard]] std::int64_t logged() const { return logged_reads - logged_reads_; }
    [[nodiscard]] bool quiet() const { return !wrote() && logged() == 0; }

private:
    std::int64_t writes_;
    std::int64_t logged_reads_;
};

// Copies this thread's access-log entries into `into` while it lives.
class Collect {
public:
    explicit Collect(std::vector<AccessEntry>& into) : previous_(collected) { collected = &into; }
    ~Collect() { collected = previous_; }
    Collect(const Collect&) = delete;
    Collect& operator=(const Collect&) = delete;

private:
    std::vector<AccessEntry>* previous_;
};

}  // namespace assure::sql::request_effects
