#pragma once
// Training's evaluation in three stages (issue 16 item 4; docs/decisions/0030): straight after
// the session each delegate who attended answers set questions on 1-5 scales and says what
// they will do differently; a follow-up some months later asks the practitioner (and their
// manager) what changed in practice; and the business unit links impact evidence (an audit or
// a dataset indicator) to the course. Results are worked out here from counts the store makes,
// never typed.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/training.hpp"

namespace assure {

using EvaluationId = Id<struct EvaluationTag>;
using ImpactEvidenceId = Id<struct ImpactEvidenceTag>;

// after_session: reaction and learning, straight after. follow_up: what changed in practice.
enum class EvaluationStage { after_session, follow_up };
// The set questions of the stage after the session, each on a 1-5 scale.
enum class EvaluationQuestion { outcomes_met, confidence_before, confidence_after, relevance };
inline constexpr std::size_t kEvaluationQuestions = 4;
// Where impact evidence comes from.
enum class ImpactSource { audit, dataset };

// The follow-up is due this many calendar months after the session (the "3 months").
// A partnership-wide default kept here, as partnership settings hold no training options yet.
inline constexpr int kFollowUpMonths = 3;

inline constexpr int kLowestScore = 1;
inline constexpr int kHighestScore = 5;

struct Evaluation {
    EvaluationId id;
    PartnershipId partnership;
    BookingId booking;
    EvaluationStage stage = EvaluationStage::after_session;
    // after_session: each question's score, 1-5, in EvaluationQuestion's order; 0 in a follow-up.
    std::array<int, kEvaluationQuestions> scores{};
    std::string do_differently;  // after_session: what they will do differently
    std::string manager_email;   // after_session, optional: who is asked too at the follow-up
    // follow_up: whether their practice changed, what changed, and their manager's view (optional).
    std::optional<bool> changed_practice;
    std::string practice_change;
    std::string manager_view;
    Instant submitted_at = 0;
    // Read with the evaluation: its booking's session and course, and the delegate's name.
    TrainingSessionId session;
    CourseId course;
    std::string delegate;
};
FieldErrors validate_evaluation(const Evaluation& e);
// Reads a score as typed: "1" to "5"; nullopt for anything else.
std::optional<int> parse_score(std::string_view text);

// The day the follow-up becomes due for a session held on `on`.
Date follow_up_due(Date on);

// The server's daily job sends each request by itself within this many days of its falling due
// (the session's day, or the follow-up's due day), so a register taken a few days late, or a
// server down for a day, still gets them out; a request older than that is left to the
// business unit's button, so that a job switched on late does not write to delegates of
// sessions long past.
inline constexpr int kRequestCatchUpDays = 14;
// The stages whose requests the daily job sends today for a session held on `on`.
std::vector<EvaluationStage> requests_due_by_job(Date on, Date today);
// The earliest session day whose requests the job may still send on `today`: sessions before
// it need not be read.
Date earliest_session_for_job(Date today);

// Whether this booking may give this stage's evaluation today, or why not (one error naming
// "booking" or "stage"). Only delegates who attended evaluate, once per stage: the first stage
// from the session's day, the follow-up from its due day.
FieldErrors evaluation_refusal(const Booking& booking, const TrainingSession& session, EvaluationStage stage, Date today,
                               bool already_given);

// A certificate is for a delegate who attended; anyone else is refused, naming "booking".
FieldErrors certificate_refusal(const Booking& booking);

// Stage three: evidence of impact, linked by the business unit to an audit or a dataset indicator.
struct ImpactEvidence {
    ImpactEvidenceId id;
    PartnershipId partnership;
    CourseId course;
    ImpactSource source = ImpactSource::audit;
    std::string link;  // a page of Assure ("/audits/3") or an https address
    std::string note;  // what the evidence shows
    Instant recorded_at = 0;
};
FieldErrors validate_impact_evidence(const ImpactEvidence& e);

// What the store counts for a course or a session: delegates who attended, the evaluations of
// those delegates by stage, the sums of each question's scores, and follow-ups reporting a change.
struct EvaluationCounts {
    int attended = 0;
    int after_session = 0;
    std::array<std::int64_t, kEvaluationQuestions> score_sums{};
    int follow_up = 0;
    int changed = 0;
    bool operator==(const EvaluationCounts&) const = default;
};

struct QuestionResult {
    EvaluationQuestion question = EvaluationQuestion::outcomes_met;
    std::optional<int> mean_tenths;  // the mean score in tenths (43 is 4.3); none without answers
};
struct EvaluationResults {
    int attended = 0;
    int after_session = 0, follow_up = 0, changed = 0;
    std::vector<QuestionResult> questions;          // in EvaluationQuestion's order
    std::optional<int> after_session_response_percent;  // evaluations of the attended
    std::optional<int> follow_up_response_percent;
    std::optional<int> changed_percent;             // of the follow-ups, those reporting a change
    // The rise in mean confidence, after less before, in tenths; none without answers.
    std::optional<int> confidence_rise_tenths;
};
EvaluationResults evaluation_results(const EvaluationCounts& counts);
// Counts of several courses (or sessions) put together: attended, answers, score sums and
// changes added, so that results worked out from the total weigh every answer alike (a mean
// of the courses' means would weigh a course of three as much as one of thirty).
EvaluationCounts total_counts(const std::vector<EvaluationCounts>& parts);
// "4.3"
std::string tenths_text(int tenths);

// ---- keys and labels ------------------------------------------------------------------------

#define ASSURE_EVALUATION_NAMES(Enum, lower)                     \
    std::string_view lower##_key(Enum v);                        \
    std::string_view lower##_label(Enum v);                      \
    std::optional<Enum> parse_##lower(std::string_view key);     \
    std::vector<Enum> all_##lower##s();
ASSURE_EVALUATION_NAMES(EvaluationStage, evaluation_stage)
ASSURE_EVALUATION_NAMES(EvaluationQuestion, evaluation_question)
ASSURE_EVALUATION_NAMES(ImpactSource, impact_source)
#undef ASSURE_EVALUATION_NAMES

}  // namespace assure
