// Training's evaluation rules: who may evaluate and when, what an answer must be, and the
// results (means, response rates, the share reporting a change) worked out from counts.
#include "core/training_evaluation.hpp"

#include "core/date_words.hpp"
#include "core/names.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr Names<EvaluationStage, 2> kStages{{{
    {EvaluationStage::after_session, {"after_session", "Straight after the session"}},
    {EvaluationStage::follow_up, {"follow_up", "Follow-up: what changed in practice"}},
}}};
constexpr Names<EvaluationQuestion, 4> kQuestions{{{
    {EvaluationQuestion::outcomes_met, {"outcomes_met", "The session met its learning outcomes"}},
    {EvaluationQuestion::confidence_before, {"confidence_before", "My confidence before the session"}},
    {EvaluationQuestion::confidence_after, {"confidence_after", "My confidence after the session"}},
    {EvaluationQuestion::relevance, {"relevance", "The session was relevant to my work"}},
}}};
constexpr Names<ImpactSource, 2> kSources{{{
    {ImpactSource::audit, {"audit", "An audit"}},
    {ImpactSource::dataset, {"dataset", "A dataset indicator"}},
}}};

constexpr std::size_t kMaxAnswer = 4000;
constexpr std::size_t kMaxLink = 500;

void answer_text(FieldErrors& e, const std::string& field, const std::string& value, bool required, const std::string& what) {
    if (required && trim(value).empty()) e.push_back({field, "Enter " + what});
    else if (char_count(value) > kMaxAnswer) e.push_back({field, "Keep " + what + " to " + std::to_string(kMaxAnswer) + " characters or fewer"});
}

// Half up, in tenths: 43 of 10 answers is 4.3.
std::optional<int> mean_tenths(std::int64_t sum, int count) {
    if (count <= 0) return std::nullopt;
    return static_cast<int>((sum * 20 + count) / (2 * static_cast<std::int64_t>(count)));
}

}  // namespace

std::optional<int> parse_score(std::string_view text) {
    const std::string t = trim(text);
    if (t.size() != 1 || t[0] < '0' + kLowestScore || t[0] > '0' + kHighestScore) return std::nullopt;
    return t[0] - '0';
}

FieldErrors validate_evaluation(const Evaluation& e) {
    FieldErrors errors;
    if (e.stage == EvaluationStage::after_session) {
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
            const int score = e.scores.at(i);
            if (score < kLowestScore || score > kHighestScore) {
                const auto q = static_cast<EvaluationQuestion>(i);
                errors.push_back({std::string(evaluation_question_key(q)),
                                  "Select a score from 1 to 5 for \u201c" + std::string(evaluation_question_label(q)) + "\u201d"});
            }
        }
        answer_text(errors, "do_differently", e.do_differently, true, "what you will do differently");
        if (!trim(e.manager_email).empty() && (!looks_like_email(e.manager_email) || e.manager_email.size() > 254)) {
            errors.push_back({"manager_email", "Enter your manager's email address like name@example.org, or leave it empty"});
        }
    } else {
        for (const int score : e.scores) {
            if (score != 0) {
                errors.push_back({"stage", "The follow-up asks what changed in practice, not the scores"});
                break;
            }
        }
        if (!e.changed_practice) errors.push_back({"changed_practice", "Select yes if your practice changed after the session, or no"});
        answer_text(errors, "practice_change", e.practice_change, true, "what changed in practice, or why nothing did");
        answer_text(errors, "manager_view", e.manager_view, false, "the manager's view");
    }
    return errors;
}

Date follow_up_due(Date on) { return add_months_clamped(on, kFollowUpMonths); }

std::vector<EvaluationStage> requests_due_by_job(Date on, Date today) {
    const auto within = [&](Date due) { return due <= today && today.days() - due.days() <= kRequestCatchUpDays; };
    std::vector<EvaluationStage> out;
    if (within(on)) out.push_back(EvaluationStage::after_session);
    if (within(follow_up_due(on))) out.push_back(EvaluationStage::follow_up);
    return out;
}

Date earliest_session_for_job(Date today) {
    // The follow-up is due kFollowUpMonths calendar months on, clamped to the month's end: a
    // session up to three days earlier than the months back can fall due on the same day.
    const Date months_back = add_months_clamped(Date::from_days(today.days() - kRequestCatchUpDays), -kFollowUpMonths);
    return Date::from_days(months_back.days() - 3);
}

FieldErrors evaluation_refusal(const Booking& b, const TrainingSession& t, EvaluationStage stage, Date today, bool already_given) {
    if (b.status != BookingStatus::booked || b.attendance != Attendance::attended) {
        return {{"booking", (b.name.empty() ? std::string("This person") : b.name) +
                                " is not recorded as having attended this session: only delegates who attended evaluate it"}};
    }
    if (already_given) {
        return {{"stage", stage == EvaluationStage::after_session ? "This delegate has already evaluated the session"
                                                                   : "This delegate has already answered the follow-up"}};
    }
    if (stage == EvaluationStage::after_session && today < t.on) {
        return {{"stage", "The session can be evaluated from " + date_in_words(t.on) + ", the day it takes place"}};
    }
    if (stage == EvaluationStage::follow_up && today < follow_up_due(t.on)) {
        return {{"stage", "The follow-up opens on " + date_in_words(follow_up_due(t.on)) + ", " + std::to_string(kFollowUpMonths) +
                              " months after the session"}};
    }
    return {};
}

FieldErrors certificate_refusal(const Booking& b) {
    if (b.status == BookingStatus::booked && b.attendance == Attendance::attended) return {};
    std::string why = "is not recorded as having attended";
    if (b.attendance == Attendance::no_show) why = "did not attend";
    else if (b.attendance == Attendance::cancelled_late) why = "cancelled late";
    else if (b.status != BookingStatus::booked) why = "did not hold a place";
    return {{"booking", (b.name.empty() ? std::string("This person") : b.name) + " " + why +
                            ": a certificate is given only to delegates who attended"}};
}

FieldErrors validate_impact_evidence(const ImpactEvidence& e) {
    FieldErrors errors;
    const std::string link = trim(e.link);
    const bool local = link.size() > 1 && link[0] == '/' && link[1] != '/';
    const bool https = link.rfind("https://", 0) == 0 && link.size() > 8;
    if (link.empty()) errors.push_back({"link", "Enter the link to the audit or the dataset indicator"});
    else if ((!local && !https) || link.find_first_of(" \t\r\n\"<>") != std::string::npos || link.size() > kMaxLink) {
        errors.push_back({"link", "Enter a link to a page of Assure, like /audits/3, or an address starting https://"});
    }
    answer_text(errors, "note", e.note, true, "what the evidence shows");
    return errors;
}

EvaluationResults evaluation_results(const EvaluationCounts& c) {
    EvaluationResults r;
    r.attended = c.attended;
    r.after_session = c.after_session;
    r.follow_up = c.follow_up;
    r.changed = c.changed;
    for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
        r.questions.push_back({static_cast<EvaluationQuestion>(i), mean_tenths(c.score_sums.at(i), c.after_session)});
    }
    r.after_session_response_percent = percent(c.after_session, c.attended);
    r.follow_up_response_percent = percent(c.follow_up, c.attended);
    r.changed_percent = percent(c.changed, c.follow_up);
    const auto& before = r.questions.at(static_cast<std::size_t>(EvaluationQuestion::confidence_before)).mean_tenths;
    const auto& after = r.questions.at(static_cast<std::size_t>(EvaluationQuestion::confidence_after)).mean_tenths;
    if (before && after) r.confidence_rise_tenths = *after - *before;
    return r;
}

EvaluationCounts total_counts(const std::vector<EvaluationCounts>& parts) {
    EvaluationCounts t;
    for (const auto& p : parts) {
        t.attended += p.attended;
        t.after_session += p.after_session;
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) t.score_sums.at(i) += p.score_sums.at(i);
        t.follow_up += p.follow_up;
        t.changed += p.changed;
    }
    return t;
}

std::string tenths_text(int tenths) {
    const bool negative = tenths < 0;
    const int v = negative ? -tenths : tenths;
    return (negative ? "-" : "") + std::to_string(v / 10) + "." + std::to_string(v % 10);
}

#define ASSURE_EVALUATION_NAMES(Enum, lower, table)                                                \
    std::string_view lower##_key(Enum v) { return table.key(v); }                                  \
    std::string_view lower##_label(Enum v) { return table.label(v); }                              \
    std::optional<Enum> parse_##lower(std::string_view key) { return table.parse(key); }           \
    std::vector<Enum> all_##lower##s() { return table.values(); }
ASSURE_EVALUATION_NAMES(EvaluationStage, evaluation_stage, kStages)
ASSURE_EVALUATION_NAMES(EvaluationQuestion, evaluation_question, kQuestions)
ASSURE_EVALUATION_NAMES(ImpactSource, impact_source, kSources)
#undef ASSURE_EVALUATION_NAMES

}  // namespace assure
