#pragma once
// The training needs analysis (issue 16 item 5; seed 004: "Undertake a bi-annual training needs
// analysis"; DOMAIN §6: "a training needs analysis every two years"). The business unit opens one
// for a set of topics (the courses of the offer and any other subject) and the agencies of the
// sectors it asks; each agency's lead answers for their agency: how many of its staff work with
// children, how many of them are trained to the level their role needs, how many need each topic
// in the next two years, and what the offer does not cover. The results by agency and by topic
// are counted here, never typed, and set against the places the calendar holds.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/training.hpp"  // CourseId

namespace assure {

using NeedsAnalysisId = Id<struct NeedsAnalysisTag>;

// The analysis comes round every two years: the default of the date the next is due by.
inline constexpr int kNeedsAnalysisIntervalMonths = 24;
inline constexpr std::size_t kMaxNeedsTopics = 30;

// One thing the agencies are asked about: a course of the offer, or a subject the offer may not
// cover yet ("Contextual safeguarding").
struct NeedsTopic {
    std::string title;
    CourseId course;  // invalid when a subject of its own
};

struct NeedsAnalysis {
    NeedsAnalysisId id;
    PartnershipId partnership;
    std::string title;
    Date opens, closes;  // returns are taken from `opens` to `closes` inclusive
    Date next_due;       // when the next analysis is due to open
    std::vector<NeedsTopic> topics;  // in the order asked
    std::vector<AgencyId> invited;
    int version = 1;
};

struct NeedsAnalysisInput {
    std::string title, opens, closes, next_due;  // next_due "" for two years after it opens
    std::vector<CourseId> courses;               // chosen from the offer, in the offer's order
    std::string other_topics;                    // one a line
    std::vector<std::string> sectors;            // the sectors whose agencies are asked; none for every one
};
// What the input says, with the courses' titles from `offer`; field errors "title", "opens",
// "closes", "next_due", "topics", "sectors". Agencies are not chosen here: the use case asks
// every active agency of the sectors chosen.
std::optional<NeedsAnalysis> check_needs_analysis(const NeedsAnalysisInput& in, const std::vector<Course>& offer, FieldErrors& errors);
// The title and dates alone, into `a` (a change after opening keeps the topics and agencies);
// false with field errors.
bool check_needs_heading(const NeedsAnalysisInput& in, NeedsAnalysis& a, FieldErrors& errors);

enum class NeedsAnalysisStage { not_open, open, closed };
NeedsAnalysisStage needs_stage(const NeedsAnalysis& a, Date today);
std::string_view needs_stage_label(NeedsAnalysisStage s);  // "Not open yet", "Open", "Closed"

enum class NeedsReturnState { not_started, draft, submitted };
std::string_view needs_state_key(NeedsReturnState s);    // "not_started"
std::string_view needs_state_label(NeedsReturnState s);  // "Not started", "Draft", "Submitted"
std::optional<NeedsReturnState> parse_needs_state(std::string_view key);

// One agency's answer.
struct NeedsReturn {
    NeedsAnalysisId analysis;
    AgencyId agency;
    std::string agency_name;  // read with the row
    NeedsReturnState state = NeedsReturnState::not_started;
    std::optional<int> workforce;  // staff who work with children or their families
    std::optional<int> trained;    // of them, trained to the level their role needs and in date
    std::vector<std::optional<int>> needs;  // staff needing each topic in the next two years, by the topics' order
    std::string gaps;  // what the offer does not cover, in the agency's words
    std::optional<Date> submitted_on;
    std::string submitted_by;  // the person's name, read with the row
    int version = 0;           // 0 until first saved
};

struct NeedsReturnInput {
    std::string workforce, trained;
    std::vector<std::string> needs;  // by the topics' order; missing ones are blank
    std::string gaps;
};
// The answer as typed, checked against the analysis's topics. A draft may leave figures blank;
// a return to submit answers every one (0 for a topic nobody needs). Field errors "workforce",
// "trained", "need-1" … "need-N" (by topic, from 1), "gaps".
std::optional<NeedsReturn> check_needs_return(const NeedsAnalysis& a, const NeedsReturnInput& in, bool submitting, FieldErrors& errors);

// ---- the results -------------------------------------------------------------------------

struct NeedsTopicLine {
    std::string title;
    CourseId course;
    int agencies = 0;      // submitted returns needing it for at least one member of staff
    int staff = 0;         // staff needing it, over those returns
    std::optional<int> places;  // places on the course's sessions from the analysis's opening to the next being due; none for a subject of its own
    std::optional<int> short_by;  // staff still needing a place once those are taken; none without places
};
struct NeedsAgencyLine {
    AgencyId agency;
    std::string name;
    NeedsReturnState state = NeedsReturnState::not_started;
    std::optional<Date> submitted_on;
    std::optional<int> workforce, trained;
    std::optional<int> trained_percent;
    int staff_needing = 0;  // places asked for over every topic (one person may need two)
    std::vector<int> needs; // staff needing each topic, in the order asked; empty until submitted
    std::string gaps;       // what the agency said the offer does not cover
};
struct NeedsFigures {
    int invited = 0, submitted = 0;
    std::optional<int> returned_percent;
    int workforce = 0, trained = 0;       // over submitted returns
    std::optional<int> trained_percent;   // recomputed from the sums, not an average of agencies' shares
    std::vector<NeedsTopicLine> by_topic;   // in the order asked
    std::vector<NeedsAgencyLine> by_agency; // by name
};
// `returns`: one for each invited agency that saved one (others count as not started), with
// `names` giving every invited agency's name; `places` the places planned for each course.
NeedsFigures needs_figures(const NeedsAnalysis& a, const std::vector<NeedsReturn>& returns,
                           const std::vector<std::pair<AgencyId, std::string>>& names, const std::vector<std::pair<CourseId, int>>& places);

// "6 of 9 agencies have returned (67%)."
std::string needs_returned_sentence(const NeedsFigures& f);

}  // namespace assure
