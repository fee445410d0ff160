#pragma once
// Ports: the audit trail of changes, and the access log of reads (docs/decisions/0008).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access_log.hpp"
#include "core/audit.hpp"
#include "app/paging.hpp"

namespace assure {

struct AuditRepo {
    virtual ~AuditRepo() = default;
    virtual void append(const AuditEntry& entry) = 0;
    // Newest first (at, then id), a page at a time: the cursor is the last entry's (at, id).
    virtual Page<AuditEntry> query(const AuditFilter& filter, const PageRequest& page) = 0;
    virtual int count(const AuditFilter& filter) = 0;
    // As count, but stops at `at_most`: a page that says "more than 10,000" need not visit a
    // partnership's whole trail (millions of rows after ten years) on every view.
    virtual int count_up_to(const AuditFilter& filter, int at_most) = 0;
    // Checks the hash chain over every partnership's rows after `from`, in id order, and the
    // chain's head as the database records it. Stops at the first broken row.
    virtual AuditChainCheck verify_chain(const AuditCheckpoint& from) = 0;
};

// The questions the access log page asks. Order: newest first.
struct AccessQuery {
    PartnershipId partnership;
    std::string actor_text;             // "" = anyone; part of a name or email
    std::optional<AccessKind> kind;
    std::string record_type;            // with record_id: "" = any type
    std::string record_id;              // "" = any record; otherwise entries that showed it
    std::optional<Date> from;           // inclusive
    std::optional<Date> to;             // inclusive
    PageRequest page;
};

// The access log's table, inside a transaction: the writer appends batches, pages read them.
struct AccessEntryRepo {
    virtual ~AccessEntryRepo() = default;
    virtual void append(const std::vector<AccessEntry>& entries) = 0;
    virtual Page<AccessEntry> query(const AccessQuery& query) = 0;
};

// Where a read of a restricted record is logged. It belongs to the Store, not to a transaction:
// reads run in read transactions and must never wait for the write lock to log themselves.
struct AccessLog {
    virtual ~AccessLog() = default;
    // Hands the entry over and returns at once; it is stored with the next batch.
    virtual void record(AccessEntry entry) = 0;
    // Returns once everything recorded before the call is stored (shutdown, tests).
    virtual void flush() = 0;
};

}  // namespace assure
