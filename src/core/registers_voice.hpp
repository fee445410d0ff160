#pragma once
// The last two of the partnership's registers on the registers pattern (decision 0013; how
// they share one shape is decision 0028): the voice of children and young people (surveys,
// consultations, young scrutineers' and advisers' work, the challenge day, and each group's
// report of how it heard children) and independent scrutiny (the scrutiny plan, frontline and
// focus visits, audits, the scrutineer's reports and the yearly challenge event). An activity
// keeps its points in order: what children said or the scrutineer recommended, and the
// partnership's response to each ("you said, we did"), a recommendation linked to the action
// plan. Counts of points, responses and links are worked out here and stored for SQL.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/registers.hpp"

namespace assure {

using ActivityId = Id<struct ActivityTag>;

// Which register an activity belongs to; the API and pages name it ("voice", "scrutiny").
enum class Strand { voice, scrutiny };
enum class ActivityKind {
    survey,             // voice: a questionnaire of children and young people
    consultation,       // voice: a consultation or focus group with children
    young_scrutineers,  // voice: the young scrutineers' work
    young_advisers,     // voice: young advisers, the children in care council
    group_report,       // voice: a group's report of how it heard children
    challenge_day,      // both: the yearly challenge day or event, partners held to account
    scrutiny_plan,      // scrutiny: the scrutineer's plan for the year
    frontline_visit,    // scrutiny: a visit to practitioners at work
    focus_visit,        // scrutiny: a focus visit with children
    audit,              // scrutiny: an audit or review of case files
    scrutiny_report,    // scrutiny: a written report at an agreed milestone
};

constexpr std::size_t kMaxActivityPoints = 8;

// "You said, we did": a finding (voice) or recommendation (scrutiny), and the partnership's response.
struct ActivityPoint {
    std::string point;
    std::string response;                 // empty while the partnership has not answered
    std::optional<ImprovementId> action;  // the action-plan action it feeds
    std::optional<Date> responded_on;     // the day the response was given: with a response only
};

struct Activity {
    ActivityId id;
    PartnershipId partnership;
    Strand strand = Strand::voice;
    ActivityKind kind = ActivityKind::survey;
    std::string title;
    std::string led_by;        // who ran it: "Voice for Children", "Independent scrutineer", a sub-group
    Date held_on;              // the day held, or a report's date
    int children_heard = 0;    // children and young people who took part (respondents, visitors met)
    std::string how_heard;     // how children were heard: required for the voice register
    std::string summary;
    std::vector<ActivityPoint> points;
    Instant created_at = 0;
    int version = 1;
};

// The kinds each register records, in the order its forms offer them.
std::vector<ActivityKind> kinds_of(Strand strand);
bool kind_in(ActivityKind kind, Strand strand);
// Derived on write and kept for SQL: points answered, and points linked to the action plan.
int points_answered(const Activity& a);
int points_linked(const Activity& a);
// A response is dated: on or after the day the activity was held, and not after today.
FieldErrors validate_activity(const Activity& a, Date today);

// What the store counts for a financial year, by kind, of one register (held in the year).
struct KindCount {
    int activities = 0, children = 0, points = 0, answered = 0, linked = 0;
};
struct KindLine {
    ActivityKind kind = ActivityKind::survey;
    KindCount count;
};
struct ActivityFigures {
    FinancialYear year;
    Strand strand = Strand::voice;
    KindCount total;
    std::optional<int> answered_percent;  // of points
    std::optional<int> linked_percent;    // of points
    std::vector<KindLine> by_kind;        // every kind of the register, in its order
};
ActivityFigures activity_figures(FinancialYear year, Strand strand, const std::map<ActivityKind, KindCount>& counts);

#define ASSURE_REGISTER_NAMES(Enum, lower)                   \
    std::string_view lower##_key(Enum v);                    \
    std::string_view lower##_label(Enum v);                  \
    std::optional<Enum> parse_##lower(std::string_view key); \
    std::vector<Enum> all_##lower##s();
ASSURE_REGISTER_NAMES(Strand, strand)
ASSURE_REGISTER_NAMES(ActivityKind, activity_kind)
#undef ASSURE_REGISTER_NAMES

}  // namespace assure
