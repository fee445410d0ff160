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
    virtual std::vector<AuditEntry> query(const AuditFilter& filter) = 0;
    virtual int count(const AuditFilter& filter) = 0;
};

}  // namespace assure
