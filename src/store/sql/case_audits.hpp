#pragma once
// The per-case multi-agency audit tool, over sql::Connection (app/ports/case_audits.hpp).
#include "app/ports/case_audits.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlCaseAudits final : public CaseAuditRepo {
public:
    explicit SqlCaseAudits(Connection& db) : db_(db) {}
    std::optional<std::vector<CaseAuditQuestion>> questions(PartnershipId partnership, LearningSourceId audit) override;
    void set_questions(PartnershipId partnership, LearningSourceId audit, const std::vector<CaseAuditQuestion>& questions) override;
    std::vector<AuditedCase> cases(PartnershipId partnership, LearningSourceId audit) override;
    std::optional<AuditedCase> find_case(PartnershipId partnership, std::int64_t id) override;
    std::int64_t insert_case(const AuditedCase& c) override;
    std::vector<AgencyCaseAudit> agency_audits(PartnershipId partnership, LearningSourceId audit) override;
    bool save_agency_audit(PartnershipId partnership, const AgencyCaseAudit& a, int expected_version) override;
    std::vector<CaseModeration> moderations(PartnershipId partnership, LearningSourceId audit) override;
    bool save_moderation(PartnershipId partnership, const CaseModeration& m, int expected_version) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
