#pragma once
// The ports the use cases need, one header per area under app/ports/. Adapters live in store/,
// crypto/ and cli/. See docs/decisions/0007-one-store-pattern.md for how a port is shaped.
#include <functional>

#include "app/ports/services.hpp"
#include "app/ports/access.hpp"
#include "app/ports/partnership.hpp"
#include "app/ports/reviews.hpp"
#include "app/ports/governance.hpp"
#include "app/ports/learning.hpp"
#include "app/ports/audit.hpp"
#include "app/ports/case_key.hpp"
#include "app/ports/health.hpp"
#include "app/ports/registers.hpp"
#include "app/ports/dataset.hpp"
#include "app/ports/mail.hpp"
#include "app/ports/training.hpp"
#include "app/ports/report.hpp"
#include "app/ports/xml.hpp"

namespace assure {

// One unit of work. Everything done through one Transaction commits together or not at all.
struct Transaction {
    virtual ~Transaction() = default;
    virtual PartnershipRepo& partnerships() = 0;
    virtual AgencyRepo& agencies() = 0;
    virtual AgencyLinkRepo& agency_links() = 0;
    virtual PersonRepo& people() = 0;
    virtual UserRepo& users() = 0;
    virtual SessionRepo& sessions() = 0;
    virtual ApiTokenRepo& api_tokens() = 0;
    virtual AuditRepo& audit() = 0;
    virtual AccessEntryRepo& access_entries() = 0;
    virtual CaseRepo& cases() = 0;
    virtual GovernanceRepo& governance() = 0;
    virtual LearningRepo& learning() = 0;
    virtual CaseKeyRepo& case_key() = 0;
    virtual HealthRepo& health() = 0;
    virtual RegisterRepo& registers() = 0;
    virtual DatasetRepo& dataset() = 0;
    virtual MailRepo& mail() = 0;
    virtual TrainingRepo& training() = 0;
    virtual ReportRepo& report() = 0;
};

struct Store {
    virtual ~Store() = default;
    // Runs `work` in a read transaction (a consistent snapshot).
    virtual void read(const std::function<void(Transaction&)>& work) = 0;
    // Runs `work` in a write transaction; commits if it returns, rolls back if it throws.
    virtual void write(const std::function<void(Transaction&)>& work) = 0;
    // Reads of restricted records are logged here, outside any transaction (decision 0008).
    virtual AccessLog& access_log() = 0;
};

}  // namespace assure
