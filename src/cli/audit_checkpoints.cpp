#include "cli/audit_checkpoints.hpp"

#include <spdlog/spdlog.h>


namespace assure::cli {

void log_audit_check(const AuditChainCheck& check, bool whole) {
    if (check.intact) {
        spdlog::info("audit checkpoint: head row {} hash {} ({} rows sound, {})", check.head.id,
                     check.head.hash.empty() ? "(none)" : check.head.hash, check.rows, whole ? "whole trail checked" : "new rows checked");
    } else {
        spdlog::error("audit trail broken at row {}: {}. Run 'assure audit verify' and compare with earlier checkpoints",
                      check.broken_row, check.problem);
    }
}

AuditCheckpoints::AuditCheckpoints(Store& store, const Clock& clock, AuditTrailWatch& watch, std::chrono::seconds every,
                                   int whole_every)
    : store_(store), clock_(clock), watch_(watch), every_(every), whole_every_(whole_every < 1 ? 1 : whole_every),
      thread_([this] { loop(); }) {}

AuditCheckpoints::~AuditCheckpoints() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void AuditCheckpoints::loop() {
    for (int n = 0;; ++n) {
        const bool whole = n % whole_every_ == 0;
        try {
            log_audit_check(watch_.check(store_, whole, clock_.now()), whole);
        } catch (const std::exception& e) {  // the database unreachable: try again next time
            spdlog::warn("audit checkpoint skipped: {}", e.what());
        }
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, every_, [this] { return stopping_; })) return;
    }
}

}  // namespace assure::cli
