#pragma once
// How many SQL statements the current thread has run: each driver notes every statement it sends
// (a prepared statement's execution, an exec), so a test or a benchmark can see whether a page's
// cost grows with the rows it lists (docs/decisions/0007: no page issues a query per row).
//
// Off unless switched on at start-up (ASSURE_COUNT_QUERIES=1): then each counting point is one
// relaxed load of a flag that is false, and nothing else.
#include <atomic>
#include <cstdint>

namespace assure::sql::statements {

inline std::atomic<bool> counting{false};
inline thread_local std::int64_t run_on_this_thread = 0;

// Called by the drivers as a statement is sent.
inline void note() {
    if (counting.load(std::memory_order_relaxed)) ++run_on_this_thread;
}

// Counts the statements run on this thread between construction and total().
class Tally {
public:
    Tally() : start_(run_on_this_thread) {}
    [[nodiscard]] std::int64_t total() const { return run_on_this_thread - start_; }

private:
    std::int64_t start_;
};

}  // namespace assure::sql::statements
