#pragma once
// Use cases: the per-case multi-agency audit tool (issue 20 item 5). The business unit adds the
// cases a thematic audit (or deep dive) looks at, by pseudonym, with the agencies asked to audit
// each; each agency's safeguarding lead (or the business unit) grades the case on the audit's
// questions and submits; the moderation meeting's agreed grades are recorded by the business
// unit; the findings the grades support are drawn and, on request, added to the audit's
// findings. Everyone who sees learning reads it. Every change is audited in its transaction.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/case_audits.hpp"
#include "core/learning.hpp"

namespace assure {

struct CaseAuditLine {
    AuditedCase audited;
    int asked = 0;       // agencies asked to audit it
    int submitted = 0;   // of those, audits submitted
    std::optional<Date> moderated_on;
};

struct CaseAuditView {
    LearningSource audit;
    std::vector<CaseAuditQuestion> questions;  // the defaults until the first case is added
    std::vector<CaseAuditLine> lines;
    std::vector<CaseQuestionResult> results;
    std::vector<DrawnFinding> drawn;
    std::map<AgencyId, std::string> agency_names;
    bool may_manage = false;
};
CaseAuditView read_case_audit(Services& s, const Actor& actor, LearningSourceId audit);
// The first case sets the audit's questions (the defaults); refused for a kind of learning that
// audits no cases (a practice review, an inspection).
AuditedCase add_audited_case(Services& s, const Actor& actor, LearningSourceId audit, const AuditedCaseInput& input);

struct AuditedCaseView {
    LearningSource audit;
    std::vector<CaseAuditQuestion> questions;
    AuditedCase audited;
    std::vector<AgencyCaseAudit> audits;  // one per agency asked, in the case's order (version 0: not begun)
    std::vector<AgencyId> may_edit;       // the agencies whose audit this person may write
    CaseModeration moderation;            // version 0: not yet moderated
    bool may_moderate = false;
    std::map<AgencyId, std::string> agency_names;
};
AuditedCaseView read_audited_case(Services& s, const Actor& actor, LearningSourceId audit, std::int64_t case_id);

// The agency's audit of the case, saved as a draft or submitted (every question graded); a
// submitted audit is closed to its agency. Only the agency's lead or the business unit.
AgencyCaseAudit save_agency_case_audit(Services& s, const Actor& actor, LearningSourceId audit, std::int64_t case_id, AgencyId agency,
                                       int expected_version, const std::vector<CaseAnswer>& answers, bool submit);
// The moderation meeting's date, agreed grade for every question, and notes.
CaseModeration moderate_audited_case(Services& s, const Actor& actor, LearningSourceId audit, std::int64_t case_id, int expected_version,
                                     const std::string& met_on, const std::vector<CaseAnswer>& agreed, const std::string& notes);
// Adds each drawn finding the audit does not have yet to its findings, in one change; answers how
// many were added (0 refused: nothing to add).
int add_drawn_findings(Services& s, const Actor& actor, LearningSourceId audit, int expected_version);

}  // namespace assure
