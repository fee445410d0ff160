#include "store/sql/access_log_writer.hpp"

#include <iterator>

#include "store/sql/request_effects.hpp"

namespace assure::sql {

BatchedAccessLog::BatchedAccessLog(std::function<void(const std::vector<AccessEntry>&)> append, Timing timing)
    : append_(std::move(append)), timing_(timing), thread_([this] { run(); }) {}

BatchedAccessLog::~BatchedAccessLog() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    try {
        write_queued();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot report; flush() first to know
    }
}

void BatchedAccessLog::record(AccessEntry entry) {
    ++request_effects::logged_reads;  // this request showed a restricted record
    if (request_effects::collected != nullptr) request_effects::collected->push_back(entry);
    bool full = false;
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back(std::move(entry));
        full = queue_.size() >= timing_.batch;
    }
    if (full) wake_.notify_one();
}

void BatchedAccessLog::flush() { write_queued(); }

void BatchedAccessLog::write_queued() {
    std::lock_guard writing(write_mutex_);
    std::vector<AccessEntry> batch;
    {
        std::lock_guard lock(queue_mutex_);
        batch.swap(queue_);
    }
    if (batch.empty()) return;
    try {
        append_(batch);
    } catch (...) {
        // Nothing of the batch was stored: put it back ahead of what came since, to try again.
        std::lock_guard lock(queue_mutex_);
        queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
        throw;
    }
}

void BatchedAccessLog::run() {
    std::unique_lock lock(queue_mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, timing_.interval, [this] { return stopping_ || queue_.size() >= timing_.batch; });
        if (stopping_ || queue_.empty()) continue;
        lock.unlock();
        try {
            write_queued();
        } catch (...) {  // NOLINT(bugprone-empty-catch): kept queued and tried again next interval
        }
        lock.lock();
    }
}

}  // namespace assure::sql
