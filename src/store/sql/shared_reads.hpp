#pragma once
// One read transaction for a whole request. A page calls several use cases, and each reads in a
// transaction of its own: on PostgreSQL every BEGIN and COMMIT is a round trip, and the home
// page ran eight of each. While a Scope lives on a thread, the store's reads on that thread share
// one read transaction (one BEGIN, one COMMIT, one snapshot for the whole page), begun by the
// first read and ended with the scope.
//
// A write on the thread ends the shared read first, so a request still reads what it wrote; an
// SQL error inside a read ends it too (PostgreSQL aborts the transaction). Only the store that
// began it joins a shared read; another store on the same thread reads on its own.
#include <utility>

namespace assure::sql::shared_reads {

inline thread_local bool wanted = false;
// Set by the store while it holds a shared read open on this thread: commits it and returns
// the connection to the store's pool. Never throws.
inline thread_local void (*end_open)() noexcept = nullptr;

// Ends the shared read open on this thread, if any.
inline void end() noexcept {
    if (auto finish = std::exchange(end_open, nullptr)) finish();
}

class Scope {
public:
    explicit Scope(bool on) : on_(on && !wanted) {
        if (on_) wanted = true;
    }
    ~Scope() {
        if (!on_) return;
        end();
        wanted = false;
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    bool on_;
};

}  // namespace assure::sql::shared_reads
