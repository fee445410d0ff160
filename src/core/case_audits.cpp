#include "core/case_audits.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace assure {
namespace {

constexpr std::size_t kMaxPseudonym = 40;
constexpr std::size_t kMaxCaseSummary = 1000;
constexpr std::size_t kMaxComment = 2000;

std::optional<int> grade_number(const std::string& g) {
    if (g.size() == 1 && g[0] >= '1' && g[0] <= '4') return g[0] - '0';
    return std::nullopt;
}

const char* grade_words(int g) {
    switch (g) {
        case 1: return "outstanding";
        case 2: return "good";
        case 3: return "requires improvement";
        default: return "inadequate";
    }
}

}  // namespace

std::vector<CaseAuditQuestion> default_case_audit_questions() {
    return {{"1", "Was the child seen, and seen alone, and are their wishes and feelings recorded and acted on?"},
            {"2", "Was the family's history known and used to understand the risk to the child?"},
            {"3", "Did the agencies share information promptly and with the right people?"},
            {"4", "Was the risk assessed, reviewed as things changed, and escalated when it grew?"},
            {"5", "Did the plan say who would do what by when, and did it make a difference for the child?"},
            {"6", "Did managers oversee the work, and did supervision challenge it?"}};
}

FieldErrors check_audited_case(const AuditedCaseInput& in, const std::vector<AgencyId>& partnership_agencies,
                               const std::vector<AuditedCase>& already, AuditedCase& out) {
    FieldErrors errors;
    out.pseudonym = trim(in.pseudonym);
    if (out.pseudonym.empty()) {
        errors.push_back({"pseudonym", "Enter a pseudonym for the case, like Case A"});
    } else if (char_count(out.pseudonym) > kMaxPseudonym) {
        errors.push_back({"pseudonym", "A pseudonym is at most 40 characters: it stands for the child, it does not describe them"});
    } else if (std::any_of(already.begin(), already.end(), [&](const AuditedCase& c) { return lower(c.pseudonym) == lower(out.pseudonym); })) {
        errors.push_back({"pseudonym", out.pseudonym + " is already a case of this audit: give each case its own pseudonym"});
    }
    out.summary = trim(in.summary);
    if (out.summary.empty()) errors.push_back({"summary", "Say in a sentence what the case is about, without names"});
    else if (char_count(out.summary) > kMaxCaseSummary) errors.push_back({"summary", "The summary must be 1000 characters or fewer"});
    out.agencies.clear();
    for (const auto& raw : in.agency_ids) {
        const auto at = std::find_if(partnership_agencies.begin(), partnership_agencies.end(), [&](AgencyId a) { return a.str() == trim(raw); });
        if (at == partnership_agencies.end()) {
            errors.push_back({"agency_ids", "Select agencies of this partnership"});
            break;
        }
        if (std::find(out.agencies.begin(), out.agencies.end(), *at) == out.agencies.end()) out.agencies.push_back(*at);
    }
    const bool agencies_refused = std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "agency_ids"; });
    if (out.agencies.empty() && !agencies_refused) {
        errors.push_back({"agency_ids", "Select the agencies that will audit the case"});
    }
    if (already.size() >= kMaxAuditedCases && errors.empty()) {
        errors.push_back({"pseudonym", "An audit has at most " + std::to_string(kMaxAuditedCases) + " cases"});
    }
    return errors;
}

FieldErrors check_case_answers(const std::vector<CaseAuditQuestion>& questions, const std::vector<CaseAnswer>& in, bool complete,
                               std::vector<CaseAnswer>& out) {
    FieldErrors errors;
    out.clear();
    for (const auto& q : questions) {
        const auto given = std::find_if(in.begin(), in.end(), [&](const CaseAnswer& a) { return a.code == q.code; });
        CaseAnswer a{q.code, given == in.end() ? "" : trim(given->grade), given == in.end() ? "" : trim(given->comment)};
        const std::string field = "grade_" + q.code;
        if (!a.grade.empty() && !grade_number(a.grade)) {
            errors.push_back({field, "Question " + q.code + ": choose a grade from 1 (outstanding) to 4 (inadequate)"});
        } else if (a.grade.empty() && complete) {
            errors.push_back({field, "Question " + q.code + ": choose a grade"});
        }
        if (char_count(a.comment) > kMaxComment) errors.push_back({"comment_" + q.code, "Question " + q.code + ": the comment must be 2000 characters or fewer"});
        out.push_back(std::move(a));
    }
    for (const auto& a : in) {
        if (std::none_of(questions.begin(), questions.end(), [&](const CaseAuditQuestion& q) { return q.code == a.code; })) {
            errors.push_back({"answers", "Question " + a.code + " is not one of this audit's"});
        }
    }
    return errors;
}

std::vector<CaseQuestionResult> case_audit_results(const std::vector<CaseAuditQuestion>& questions, const std::vector<AuditedCase>& cases,
                                               const std::vector<AgencyCaseAudit>& audits, const std::vector<CaseModeration>& moderations) {
    std::map<std::int64_t, const CaseModeration*> moderated;
    for (const auto& m : moderations) {
        if (m.version > 0) moderated[m.case_id] = &m;
    }
    std::vector<CaseQuestionResult> out;
    for (const auto& q : questions) {
        CaseQuestionResult r;
        r.question = q;
        auto count = [&](const std::vector<CaseAnswer>& answers) {
            for (const auto& a : answers) {
                if (a.code != q.code) continue;
                if (const auto g = grade_number(a.grade)) {
                    ++r.counts[*g - 1];
                    ++r.graded;
                }
            }
        };
        for (const auto& c : cases) {
            if (const auto m = moderated.find(c.id); m != moderated.end()) {
                const int before = r.graded;
                count(m->second->agreed);
                r.moderated_cases += r.graded - before;
                continue;
            }
            for (const auto& a : audits) {
                if (a.case_id == c.id && a.submitted) count(a.answers);
            }
        }
        out.push_back(r);
    }
    return out;
}

std::vector<DrawnFinding> draw_findings(const std::vector<CaseQuestionResult>& results) {
    std::vector<DrawnFinding> out;
    for (const auto& r : results) {
        if (r.graded == 0) continue;
        const int weak = r.graded - r.good_or_better();
        auto counts = [&] {
            std::string text;
            for (int g = 1; g <= 4; ++g) {
                if (r.counts[g - 1] == 0) continue;
                text += (text.empty() ? "" : ", ") + std::to_string(r.counts[g - 1]) + " " + grade_words(g);
            }
            return text + " (" + count_of(r.graded, "grade", "grades") + (r.moderated_cases == r.graded ? ", all agreed at moderation" : "") + ")";
        };
        if (weak * 2 >= r.graded) {
            out.push_back({true, "Question " + r.question.code + ", " + r.question.text + " Graded requires improvement or worse in " +
                                     std::to_string(weak) + " of " + std::to_string(r.graded) + ": " + counts() + "."});
        } else if (r.good_or_better() * 4 >= r.graded * 3) {
            out.push_back({false, "Question " + r.question.code + ", " + r.question.text + " Graded good or better in " +
                                      std::to_string(r.good_or_better()) + " of " + std::to_string(r.graded) + ": " + counts() + "."});
        }
    }
    return out;
}

}  // namespace assure
