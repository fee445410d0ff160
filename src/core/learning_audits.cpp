// Section 11 and Section 175 audits: grade scales, cycles, returns, moderation, year-on-year
// comparison and partnership-wide results.
#include <algorithm>
#include <map>

#include "core/audit_letter.hpp"
#include "core/date_words.hpp"
#include "core/fields.hpp"
#include "core/learning.hpp"
#include "core/text.hpp"

namespace assure {

const std::vector<GradeChoice>& grade_choices(GradeScale scale) {
    static const std::vector<GradeChoice> four{{"1", "1 – Outstanding", 1}, {"2", "2 – Good", 2},
                                               {"3", "3 – Requires improvement", 3}, {"4", "4 – Inadequate", 4}};
    static const std::vector<GradeChoice> rag{{"green", "Green – met", 1}, {"amber", "Amber – partly met", 2},
                                              {"red", "Red – not met", 3}};
    return scale == GradeScale::rag ? rag : four;
}

std::optional<GradeChoice> grade_of(GradeScale scale, std::string_view key) {
    for (const auto& g : grade_choices(scale)) if (g.key == key) return g;
    return std::nullopt;
}

bool cycle_open_on(const AuditCycle& c, Date day) { return !c.closed && c.opens <= day && day <= c.closes; }

std::string effective_grade(const StandardAnswer& a) { return a.moderated_grade.empty() ? a.grade : a.moderated_grade; }

bool is_gap(GradeScale scale, std::string_view grade) {
    const auto g = grade_of(scale, grade);
    return g && g->rank >= (scale == GradeScale::rag ? 2 : 3);
}

bool letter_ready(const AuditReturn& r) { return r.status == ReturnStatus::submitted && r.moderated_on.has_value(); }

FieldErrors validate_cycle(const CycleInput& in, const LearningRules& rules, const std::vector<Agency>& agencies, AuditCycle& out) {
    FieldErrors errors;
    const auto kind = parse_audit_kind(trim(in.kind));
    if (!kind) errors.push_back({"kind", "Select Section 11 or Section 175"});
    else out.kind = *kind;
    out.title = trim(in.title);
    if (out.title.empty()) errors.push_back({"title", "Enter a title, for example Section 11 audit 2026"});
    check_length(errors, "title", out.title, 200, "Title");
    const auto opens = date_field(errors, "opens", in.opens, "the date the cycle opens", true);
    const auto closes = date_field(errors, "closes", in.closes, "the date the cycle closes", true);
    if (opens) out.opens = *opens;
    if (closes) out.closes = *closes;
    if (opens && closes && *closes < *opens) errors.push_back({"closes", "The closing date must be on or after the opening date"});
    const auto scale = parse_grade_scale(trim(in.scale));
    if (!scale) errors.push_back({"scale", "Select how standards are graded"});
    else out.scale = *scale;
    out.invited.clear();
    for (const auto& raw : in.invited_ids) {
        const auto a = agency_choice(errors, "invited_ids", trim(raw), agencies, "Invite agencies of this partnership");
        if (!a) break;
        if (a->valid() && std::find(out.invited.begin(), out.invited.end(), *a) == out.invited.end()) out.invited.push_back(*a);
    }
    if (out.invited.empty() && errors.empty()) errors.push_back({"invited_ids", "Select at least one agency to invite"});
    if (kind) out.standards = *kind == AuditKind::section_11 ? rules.section_11 : rules.section_175;
    return errors;
}

FieldErrors validate_answers(const AuditCycle& cycle, const std::vector<AnswerInput>& in, bool submit, Date today,
                             std::vector<StandardAnswer>& out) {
    FieldErrors errors;
    if (submit && !cycle_open_on(cycle, today)) {
        errors.push_back({"submit", cycle.closed || cycle.closes < today
                                        ? "The cycle closed on " + date_in_words(cycle.closes) + "; returns can no longer be submitted"
                                        : "The cycle opens on " + date_in_words(cycle.opens) + "; returns can be submitted from then"});
    }
    std::map<std::string, const AnswerInput*> by_code;
    for (const auto& a : in) by_code[trim(a.code)] = &a;
    for (const auto& [code, a] : by_code) {
        const bool known = std::any_of(cycle.standards.begin(), cycle.standards.end(), [&](const AuditStandard& s) { return s.code == code; });
        if (!known) errors.push_back({"grade-" + code, "Standard " + code + " is not part of this audit"});
    }
    std::vector<StandardAnswer> next;
    for (const auto& standard : cycle.standards) {
        StandardAnswer answer;
        for (const auto& old : out) if (old.code == standard.code) answer = old;
        answer.code = standard.code;
        if (const auto it = by_code.find(standard.code); it != by_code.end()) {
            answer.grade = trim(it->second->grade);
            answer.narrative = trim(it->second->narrative);
            answer.evidence = trim(it->second->evidence);
        }
        const std::string field = "grade-" + standard.code;
        if (!answer.grade.empty() && !grade_of(cycle.scale, answer.grade)) {
            errors.push_back({field, "Standard " + standard.code + ": choose a grade on the cycle's scale (" +
                                         std::string(grade_scale_label(cycle.scale)) + ")"});
        } else if (submit && answer.grade.empty()) {
            errors.push_back({field, "Standard " + standard.code + ": choose a grade before submitting"});
        }
        if (submit && answer.narrative.empty()) {
            errors.push_back({"narrative-" + standard.code, "Standard " + standard.code + ": say how the agency meets it"});
        }
        check_length(errors, "narrative-" + standard.code, answer.narrative, 5000, "Standard " + standard.code + ": narrative");
        check_length(errors, "evidence-" + standard.code, answer.evidence, 5000, "Standard " + standard.code + ": evidence");
        next.push_back(answer);
    }
    if (errors.empty()) out = std::move(next);
    return errors;
}

FieldErrors validate_moderation(const AuditCycle& cycle, const std::vector<ModerationInput>& in, std::vector<StandardAnswer>& answers) {
    FieldErrors errors;
    std::vector<StandardAnswer> next = answers;
    for (const auto& m : in) {
        const std::string code = trim(m.code);
        auto it = std::find_if(next.begin(), next.end(), [&](const StandardAnswer& a) { return a.code == code; });
        if (it == next.end()) {
            errors.push_back({"moderated-" + code, "Standard " + code + " is not part of this audit"});
            continue;
        }
        const std::string grade = trim(m.grade);
        if (!grade.empty() && !grade_of(cycle.scale, grade)) {
            errors.push_back({"moderated-" + code, "Standard " + code + ": choose a moderated grade on the cycle's scale (" +
                                                   std::string(grade_scale_label(cycle.scale)) + ")"});
        }
        it->moderated_grade = grade;
        it->moderation_note = trim(m.note);
        check_length(errors, "note-" + code, it->moderation_note, 2000, "Standard " + code + ": moderation note");
    }
    if (errors.empty()) answers = std::move(next);
    return errors;
}

std::vector<StandardTrend> compare_returns(const AuditCycle& now_cycle, const AuditReturn& now, const AuditCycle& before_cycle,
                                           const AuditReturn& before) {
    std::vector<StandardTrend> out;
    for (const auto& a : now.answers) {
        StandardTrend t{a.code, effective_grade(a), "", Trend::new_standard};
        for (const auto& b : before.answers) {
            if (b.code != a.code) continue;
            t.before = effective_grade(b);
            const auto g_now = grade_of(now_cycle.scale, t.now);
            const auto g_before = grade_of(before_cycle.scale, t.before);
            if (!g_now || !g_before) break;
            // Different scales compare by whether the standard was a gap, not by rank.
            const int r_now = now_cycle.scale == before_cycle.scale ? g_now->rank : (is_gap(now_cycle.scale, t.now) ? 2 : 1);
            const int r_before = now_cycle.scale == before_cycle.scale ? g_before->rank : (is_gap(before_cycle.scale, t.before) ? 2 : 1);
            t.trend = r_now < r_before ? Trend::better : r_now > r_before ? Trend::worse : Trend::same;
        }
        out.push_back(t);
    }
    return out;
}

std::vector<StandardResult> results_by_standard(const AuditCycle& cycle, const std::vector<AuditReturn>& returns) {
    std::vector<StandardResult> out;
    for (const auto& standard : cycle.standards) {
        StandardResult r{standard, {}, 0, 0, std::nullopt};
        for (const auto& g : grade_choices(cycle.scale)) r.counts.push_back({g.key, 0});
        double ranks = 0;
        for (const auto& ret : returns) {
            if (ret.status != ReturnStatus::submitted || ret.cycle != cycle.id) continue;
            for (const auto& a : ret.answers) {
                if (a.code != standard.code) continue;
                const std::string grade = effective_grade(a);
                const auto g = grade_of(cycle.scale, grade);
                if (!g) continue;
                for (auto& [key, n] : r.counts) if (key == grade) ++n;
                ++r.graded;
                ranks += g->rank;
                if (is_gap(cycle.scale, grade)) ++r.gaps;
            }
        }
        if (r.graded > 0) r.mean_rank = ranks / r.graded;
        out.push_back(r);
    }
    return out;
}

std::optional<double> share_meeting(const StandardResult& r) {
    if (r.graded == 0) return std::nullopt;
    return static_cast<double>(r.graded - r.gaps) / r.graded;
}

std::optional<AuditCycle> cycle_before(const AuditCycle& cycle, const std::vector<AuditCycle>& cycles) {
    std::optional<AuditCycle> best;
    for (const auto& c : cycles) {
        if (c.id == cycle.id || c.kind != cycle.kind || !(c.opens < cycle.opens)) continue;
        if (!best || best->opens < c.opens || (best->opens == c.opens && best->id < c.id)) best = c;
    }
    return best;
}

}  // namespace assure
