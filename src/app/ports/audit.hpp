#pragma once
// Ports: the audit trail of changes.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "app/paging.hpp"

namespace assure {

struct AuditRepo {
    virtual ~AuditRepo() = default;
    virtual void append(const AuditEntry& entry) = 0;
    // Newest first (at, then id), a page at a time: the cursor is the last entry's (at, id).
    virtual Page<AuditEntry> query(const AuditFilter& filter, const PageRequest& page) = 0;
    virtual int count(const AuditFilter& filter) = 0;
};

}  // namespace assure
