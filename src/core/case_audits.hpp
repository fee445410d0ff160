#pragma once
// The per-case multi-agency audit tool (issue 20 item 5): a thematic audit lists the cases it
// audits (by pseudonym: a case audit never names a child), each agency involved audits each case
// against the audit's set questions with a grade and a comment, a moderation meeting agrees one
// multi-agency grade per question for each case, and the audit's findings are drawn from those
// grades (seeds 001, 002 and 004: the neglect, domestic abuse and harmful sexual behaviour audits).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

inline constexpr std::size_t kMaxAuditedCases = 60;  // a thematic audit looks at a handful to a few dozen

struct CaseAuditQuestion {
    std::string code;  // "1"
    std::string text;  // "Was the child seen, and seen alone, and were their wishes and feelings recorded?"
};
// The questions the seeds' audits ask of every case, whatever the theme.
std::vector<CaseAuditQuestion> default_case_audit_questions();

// A grade of practice on one question: 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.
struct CaseAnswer {
    std::string code;
    std::string grade;    // "1"–"4", or "" when not graded
    std::string comment = {};
};

struct AuditedCase {
    std::int64_t id = 0;
    PartnershipId partnership;
    LearningSourceId audit;
    std::string pseudonym;             // "Case A"
    std::string summary;               // what the case is about, without names
    std::vector<AgencyId> agencies;    // the agencies asked to audit it
    int version = 1;
};

// One agency's audit of one case: a draft until submitted.
struct AgencyCaseAudit {
    std::int64_t case_id = 0;
    AgencyId agency;
    std::vector<CaseAnswer> answers;
    bool submitted = false;
    std::string by = {};   // who saved it last, by name
    Instant at = 0;
    int version = 0;       // 0: not yet saved
};

// The moderation meeting's agreed grades for one case, one per question.
struct CaseModeration {
    std::int64_t case_id = 0;
    Date met_on;
    std::vector<CaseAnswer> agreed;
    std::string notes = {};
    std::string by = {};
    int version = 0;  // 0: not yet moderated
};

struct AuditedCaseInput {
    std::string pseudonym, summary;
    std::vector<std::string> agency_ids;
};
// A pseudonym (never a name: at most 40 characters, "Case A" or "Child H"), once per audit; a
// summary; at least one of the partnership's agencies.
FieldErrors check_audited_case(const AuditedCaseInput& in, const std::vector<AgencyId>& partnership_agencies,
                               const std::vector<AuditedCase>& already, AuditedCase& out);

// Each answer graded 1–4 on a question of the audit (a grade may be left empty in a draft);
// submitting (or moderating) needs every question graded. Errors name "grade_<code>".
FieldErrors check_case_answers(const std::vector<CaseAuditQuestion>& questions, const std::vector<CaseAnswer>& in, bool complete,
                               std::vector<CaseAnswer>& out);

// What the graded cases say about one question: the agreed grade where the case was moderated,
// otherwise each submitted agency audit's grade (so an audit not yet moderated still shows).
struct CaseQuestionResult {
    CaseAuditQuestion question;
    int counts[4] = {0, 0, 0, 0};  // grades 1–4
    int graded = 0;
    int moderated_cases = 0;       // of the graded, how many are moderated cases' agreed grades
    [[nodiscard]] int good_or_better() const { return counts[0] + counts[1]; }
};
std::vector<CaseQuestionResult> case_audit_results(const std::vector<CaseAuditQuestion>& questions, const std::vector<AuditedCase>& cases,
                                               const std::vector<AgencyCaseAudit>& audits, const std::vector<CaseModeration>& moderations);

// The findings the grades support: a question graded requires improvement or worse in at least
// half of what was graded is an area for development; one graded good or better in at least
// three quarters is good practice. Each names its counts, so the finding is traceable.
struct DrawnFinding {
    bool development = false;
    std::string text;
};
std::vector<DrawnFinding> draw_findings(const std::vector<CaseQuestionResult>& results);

}  // namespace assure
