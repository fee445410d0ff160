// The voice and scrutiny registers' rules: which kinds each records, what an activity must
// keep, the counts derived from its points, and the yearly figures.
#include "core/registers_voice.hpp"

#include "core/names.hpp"
#include "core/register_rules.hpp"
#include "core/text.hpp"

namespace assure {
using register_rules::text_field;
namespace {

constexpr Names<Strand, 2> kStrands{{{
    {Strand::voice, {"voice", "Voice of children and young people"}},
    {Strand::scrutiny, {"scrutiny", "Independent scrutiny"}},
}}};
constexpr Names<ActivityKind, 11> kKinds{{{
    {ActivityKind::survey, {"survey", "Survey"}},
    {ActivityKind::consultation, {"consultation", "Consultation or focus group"}},
    {ActivityKind::young_scrutineers, {"young_scrutineers", "Young scrutineers"}},
    {ActivityKind::young_advisers, {"young_advisers", "Young advisers or children in care council"}},
    {ActivityKind::group_report, {"group_report", "A group's report of how it heard children"}},
    {ActivityKind::challenge_day, {"challenge_day", "Challenge day"}},
    {ActivityKind::scrutiny_plan, {"scrutiny_plan", "Scrutiny plan"}},
    {ActivityKind::frontline_visit, {"frontline_visit", "Frontline visit"}},
    {ActivityKind::focus_visit, {"focus_visit", "Focus visit with children"}},
    {ActivityKind::audit, {"audit", "Audit of practice"}},
    {ActivityKind::scrutiny_report, {"scrutiny_report", "Scrutiny report"}},
}}};

}  // namespace

ASSURE_REGISTER_NAMES_FROM(Strand, strand, kStrands)
ASSURE_REGISTER_NAMES_FROM(ActivityKind, activity_kind, kKinds)

std::vector<ActivityKind> kinds_of(Strand strand) {
    using K = ActivityKind;
    if (strand == Strand::voice) return {K::survey, K::consultation, K::young_scrutineers, K::young_advisers, K::group_report, K::challenge_day};
    return {K::scrutiny_plan, K::frontline_visit, K::focus_visit, K::audit, K::scrutiny_report, K::challenge_day};
}

bool kind_in(ActivityKind kind, Strand strand) {
    for (const auto k : kinds_of(strand)) {
        if (k == kind) return true;
    }
    return false;
}

int points_answered(const Activity& a) {
    int n = 0;
    for (const auto& p : a.points) n += trim(p.response).empty() ? 0 : 1;
    return n;
}

int points_linked(const Activity& a) {
    int n = 0;
    for (const auto& p : a.points) n += p.action ? 1 : 0;
    return n;
}

FieldErrors validate_activity(const Activity& a, Date today) {
    FieldErrors e;
    const bool voice = a.strand == Strand::voice;
    if (!kind_in(a.kind, a.strand)) {
        e.push_back({"kind", voice ? "Select a kind of activity of the voice register" : "Select a kind of activity of the scrutiny register"});
    }
    text_field(e, "title", a.title, 200, "a title", true);
    text_field(e, "led_by", a.led_by, 200, voice ? "who ran it" : "who carried it out", true);
    if (a.held_on > today) e.push_back({"held_on", "The date must be today or in the past"});
    if (a.children_heard < 0 || a.children_heard > 1'000'000) {
        e.push_back({"children_heard", "The number of children and young people heard must be a whole number from 0 to 1,000,000"});
    }
    // Every voice activity says how it heard children (seed 004: "voice in every report").
    text_field(e, "how_heard", a.how_heard, 2000, "how children and young people were heard", voice);
    text_field(e, "summary", a.summary, 4000, "summary", false);
    if (a.points.size() > kMaxActivityPoints) e.push_back({"point1", "Record 8 points or fewer"});
    // A point's error names its field only: a form's slots are numbered apart from the points kept.
    const std::string what = voice ? "what children said" : "the recommendation";
    for (std::size_t i = 0; i < a.points.size() && i < kMaxActivityPoints; ++i) {
        const auto& p = a.points[i];
        const std::string n = std::to_string(i + 1);
        if (trim(p.point).empty()) e.push_back({"point" + n, "Enter " + what + " that the response answers"});
        else if (p.point.size() > 2000) e.push_back({"point" + n, std::string(voice ? "What children said" : "The recommendation") + " must be 2000 characters or fewer"});
        text_field(e, "response" + n, p.response, 4000, "response", false);
        // "You said, we did" says when: a response is dated, and only a response.
        const bool answered = !trim(p.response).empty();
        if (answered && !p.responded_on) {
            e.push_back({"responded_on" + n, "Enter the date the response was given"});
        } else if (!answered && p.responded_on) {
            e.push_back({"responded_on" + n, "Leave the date of the response empty until a response is given"});
        } else if (p.responded_on && *p.responded_on < a.held_on) {
            e.push_back({"responded_on" + n, "The date of the response must be on or after the day the activity was held"});
        } else if (p.responded_on && *p.responded_on > today) {
            e.push_back({"responded_on" + n, "The date of the response must be today or in the past"});
        }
    }
    return e;
}

ActivityFigures activity_figures(FinancialYear year, Strand strand, const std::map<ActivityKind, KindCount>& counts) {
    ActivityFigures f;
    f.year = year;
    f.strand = strand;
    for (const auto kind : kinds_of(strand)) {
        const auto it = counts.find(kind);
        const KindCount c = it == counts.end() ? KindCount{} : it->second;
        f.by_kind.push_back({kind, c});
        f.total.activities += c.activities;
        f.total.children += c.children;
        f.total.points += c.points;
        f.total.answered += c.answered;
        f.total.linked += c.linked;
    }
    f.answered_percent = percent(f.total.answered, f.total.points);
    f.linked_percent = percent(f.total.linked, f.total.points);
    return f;
}

}  // namespace assure
