#pragma once
// Port: the per-case multi-agency audit tool (issue 20 item 5). A side interface of the SQL
// store's transaction, as the schools register is, so that the widely included Transaction is
// unchanged.
#include <optional>
#include <vector>

#include "core/case_audits.hpp"

namespace assure {

struct CaseAuditRepo {
    virtual ~CaseAuditRepo() = default;
    // The audit's questions; none while the tool has not been used for it.
    virtual std::optional<std::vector<CaseAuditQuestion>> questions(PartnershipId partnership, LearningSourceId audit) = 0;
    virtual void set_questions(PartnershipId partnership, LearningSourceId audit, const std::vector<CaseAuditQuestion>& questions) = 0;
    // The audit's cases, in the order added.
    virtual std::vector<AuditedCase> cases(PartnershipId partnership, LearningSourceId audit) = 0;
    virtual std::optional<AuditedCase> find_case(PartnershipId partnership, std::int64_t id) = 0;
    // The new case's id; 0 when the audit has a case of that pseudonym already.
    virtual std::int64_t insert_case(const AuditedCase& c) = 0;
    // Every agency's audit of every case of the audit.
    virtual std::vector<AgencyCaseAudit> agency_audits(PartnershipId partnership, LearningSourceId audit) = 0;
    // Stores `a` at one more than `expected_version` (0: a new one). False when another change came first.
    virtual bool save_agency_audit(PartnershipId partnership, const AgencyCaseAudit& a, int expected_version) = 0;
    virtual std::vector<CaseModeration> moderations(PartnershipId partnership, LearningSourceId audit) = 0;
    virtual bool save_moderation(PartnershipId partnership, const CaseModeration& m, int expected_version) = 0;
};

struct CaseAuditTransaction {
    virtual ~CaseAuditTransaction() = default;
    virtual CaseAuditRepo& case_audits() = 0;
};

}  // namespace assure
