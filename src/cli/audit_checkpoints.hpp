#pragma once
// The server's watch over the audit trail: checks the hash chain in the background and writes
// its head to the log, so a copy of the log outside the database can show later that rows
// were cut from the end (docs/decisions/0012-audit-hash-chain.md).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/audit.hpp"

namespace assure::cli {

class AuditCheckpoints {
public:
    // Checks the whole trail at once, then the new rows every `every`, and the whole trail again
    // every `whole_every` checks. Stops when destroyed.
    AuditCheckpoints(Store& store, const Clock& clock, AuditTrailWatch& watch, std::chrono::seconds every,
                     int whole_every);
    ~AuditCheckpoints();
    AuditCheckpoints(const AuditCheckpoints&) = delete;
    AuditCheckpoints& operator=(const AuditCheckpoints&) = delete;

private:
    void loop();

    Store& store_;
    const Clock& clock_;
    AuditTrailWatch& watch_;
    std::chrono::seconds every_;
    int whole_every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Writes one check's finding to the log: the head as a checkpoint, or the broken row.
void log_audit_check(const AuditChainCheck& check, bool whole);

}  // namespace assure::cli
