#pragma once
// The access log's writer (docs/decisions/0008-access-log.md). A request thread only queues its
// entry; a writer thread appends what has queued in one short write transaction every
// `interval`, or sooner once `batch` entries wait. So logging a read never waits for, and never
// takes, the write lock on a request thread, and a hundred reads cost one write, not a hundred.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "app/ports.hpp"

namespace assure::sql {

class BatchedAccessLog final : public AccessLog {
public:
    struct Timing {
        std::chrono::milliseconds interval{100};
        std::size_t batch = 200;
    };
    // `append` stores a batch in one write transaction, or throws and stores none of it.
    explicit BatchedAccessLog(std::function<void(const std::vector<AccessEntry>&)> append, Timing timing);
    // Stores what is still queued before returning.
    ~BatchedAccessLog() override;
    BatchedAccessLog(const BatchedAccessLog&) = delete;
    BatchedAccessLog& operator=(const BatchedAccessLog&) = delete;

    void record(AccessEntry entry) override;
    void flush() override;

private:
    void run();
    void write_queued();  // one batch writer at a time, so entries are stored in the order recorded

    std::function<void(const std::vector<AccessEntry>&)> append_;
    Timing timing_;
    std::mutex queue_mutex_;
    std::condition_variable wake_;
    std::vector<AccessEntry> queue_;
    bool stopping_ = false;
    std::mutex write_mutex_;
    std::thread thread_;  // last: starts once everything it uses exists
};

}  // namespace assure::sql
