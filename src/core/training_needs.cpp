#include "core/training_needs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/fields.hpp"
#include "core/partnership.hpp"  // is_sector
#include "core/text.hpp"

namespace assure {
namespace {

constexpr int kMostStaff = 1'000'000;

// A count of staff as typed: "" is none (left for later), else a whole number from 0 up.
std::optional<int> staff_field(FieldErrors& errors, const std::string& field, const std::string& raw, const std::string& what,
                               bool required) {
    const std::string t = trim(raw);
    if (t.empty()) {
        if (required) errors.push_back({field, "Enter " + what + ", 0 if none"});
        return std::nullopt;
    }
    const auto n = to_int(t);
    if (!n || *n < 0 || *n > kMostStaff) {
        errors.push_back({field, "Enter " + what + " as a whole number, 0 or more"});
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        line = trim(line);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

}  // namespace

bool check_needs_heading(const NeedsAnalysisInput& in, NeedsAnalysis& a, FieldErrors& errors) {
    const std::size_t before = errors.size();
    a.title = trim(in.title);
    if (a.title.empty()) errors.push_back({"title", "Enter a title, for example Training needs analysis 2026 to 2028"});
    else check_length(errors, "title", a.title, 200, "The title");
    const auto opens = date_field(errors, "opens", in.opens, "the day it opens", true);
    const auto closes = date_field(errors, "closes", in.closes, "the day returns close", true);
    const auto next_due = date_field(errors, "next_due", in.next_due, "the day the next analysis is due", false);
    if (opens && closes && *closes < *opens) errors.push_back({"closes", "The day returns close must be on or after the day it opens"});
    if (opens && next_due && *next_due <= *opens) errors.push_back({"next_due", "The next analysis must be due after this one opens"});
    if (opens) a.opens = *opens;
    if (closes) a.closes = *closes;
    if (opens) a.next_due = next_due ? *next_due : add_months_clamped(*opens, kNeedsAnalysisIntervalMonths);
    return errors.size() == before;
}

std::optional<NeedsAnalysis> check_needs_analysis(const NeedsAnalysisInput& in, const std::vector<Course>& offer, FieldErrors& errors) {
    const std::size_t before = errors.size();
    NeedsAnalysis a;
    check_needs_heading(in, a, errors);

    std::set<std::string> seen;
    bool topics_ok = true;
    const auto add_topic = [&](const std::string& title, CourseId course) {
        if (!seen.insert(lower(title)).second) {
            errors.push_back({"topics", title + " is asked about twice: name each topic once"});
            topics_ok = false;
            return;
        }
        a.topics.push_back({title, course});
    };
    for (const CourseId id : in.courses) {
        const auto c = std::find_if(offer.begin(), offer.end(), [&](const Course& x) { return x.id == id; });
        if (c == offer.end()) {
            errors.push_back({"topics", "Choose courses from the partnership’s offer"});
            topics_ok = false;
            continue;
        }
        add_topic(c->title, id);
    }
    for (const std::string& line : lines_of(in.other_topics)) {
        if (char_count(line) > 150) {
            errors.push_back({"topics", "Each other topic must be 150 characters or fewer"});
            topics_ok = false;
            continue;
        }
        add_topic(line, CourseId{});
    }
    if (topics_ok && a.topics.empty()) errors.push_back({"topics", "Choose at least one course or name another topic to ask about"});
    if (a.topics.size() > kMaxNeedsTopics) {
        errors.push_back({"topics", "Ask about " + std::to_string(kMaxNeedsTopics) + " topics at most: agencies answer each one"});
    }
    for (const std::string& s : in.sectors) {
        if (!is_sector(s)) {
            errors.push_back({"sectors", "Choose sectors from the list"});
            break;
        }
    }
    if (errors.size() != before) return std::nullopt;
    return a;
}

NeedsAnalysisStage needs_stage(const NeedsAnalysis& a, Date today) {
    if (today < a.opens) return NeedsAnalysisStage::not_open;
    if (today > a.closes) return NeedsAnalysisStage::closed;
    return NeedsAnalysisStage::open;
}

std::string_view needs_stage_label(NeedsAnalysisStage s) {
    switch (s) {
        case NeedsAnalysisStage::not_open: return "Not open yet";
        case NeedsAnalysisStage::open: return "Open";
        case NeedsAnalysisStage::closed: return "Closed";
    }
    return "";
}

std::string_view needs_state_key(NeedsReturnState s) {
    switch (s) {
        case NeedsReturnState::not_started: return "not_started";
        case NeedsReturnState::draft: return "draft";
        case NeedsReturnState::submitted: return "submitted";
    }
    return "";
}

std::string_view needs_state_label(NeedsReturnState s) {
    switch (s) {
        case NeedsReturnState::not_started: return "Not started";
        case NeedsReturnState::draft: return "Draft";
        case NeedsReturnState::submitted: return "Submitted";
    }
    return "";
}

std::optional<NeedsReturnState> parse_needs_state(std::string_view key) {
    for (const auto s : {NeedsReturnState::not_started, NeedsReturnState::draft, NeedsReturnState::submitted}) {
        if (needs_state_key(s) == key) return s;
    }
    return std::nullopt;
}

std::optional<NeedsReturn> check_needs_return(const NeedsAnalysis& a, const NeedsReturnInput& in, bool submitting, FieldErrors& errors) {
    const std::size_t before = errors.size();
    NeedsReturn r;
    r.analysis = a.id;
    r.workforce = staff_field(errors, "workforce", in.workforce, "how many staff work with children or their families", submitting);
    r.trained = staff_field(errors, "trained", in.trained, "how many of them are trained to the level their role needs", submitting);
    if (r.workforce && r.trained && *r.trained > *r.workforce) {
        errors.push_back({"trained", "Staff trained cannot be more than the " + std::to_string(*r.workforce) + " who work with children"});
    }
    for (std::size_t i = 0; i < a.topics.size(); ++i) {
        const std::string field = "need-" + std::to_string(i + 1);
        const std::string raw = i < in.needs.size() ? in.needs[i] : "";
        auto n = staff_field(errors, field, raw, "how many staff need " + a.topics[i].title, submitting);
        if (n && r.workforce && *n > *r.workforce) {
            errors.push_back({field, "Staff needing " + a.topics[i].title + " cannot be more than the " + std::to_string(*r.workforce) +
                                         " who work with children"});
        }
        r.needs.push_back(n);
    }
    r.gaps = trim(in.gaps);
    check_length(errors, "gaps", r.gaps, 4000, "What the offer does not cover");
    if (errors.size() != before) return std::nullopt;
    r.state = submitting ? NeedsReturnState::submitted : NeedsReturnState::draft;
    return r;
}

NeedsFigures needs_figures(const NeedsAnalysis& a, const std::vector<NeedsReturn>& returns,
                           const std::vector<std::pair<AgencyId, std::string>>& names, const std::vector<std::pair<CourseId, int>>& places) {
    NeedsFigures f;
    std::map<AgencyId, const NeedsReturn*> by_agency;
    for (const auto& r : returns) by_agency[r.agency] = &r;
    std::map<CourseId, int> planned(places.begin(), places.end());
    for (const auto& t : a.topics) {
        NeedsTopicLine line;
        line.title = t.title;
        line.course = t.course;
        if (t.course.valid()) line.places = planned.contains(t.course) ? planned[t.course] : 0;
        f.by_topic.push_back(line);
    }
    for (const auto& [agency, name] : names) {
        NeedsAgencyLine line;
        line.agency = agency;
        line.name = name;
        ++f.invited;
        if (const auto found = by_agency.find(agency); found != by_agency.end()) {
            const NeedsReturn& r = *found->second;
            line.state = r.state;
            // A draft is the agency's work in progress: its figures are counted once submitted.
            if (r.state == NeedsReturnState::submitted) {
                ++f.submitted;
                line.submitted_on = r.submitted_on;
                line.workforce = r.workforce;
                line.trained = r.trained;
                line.gaps = r.gaps;
                line.trained_percent = percent(r.trained.value_or(0), r.workforce.value_or(0));
                f.workforce += r.workforce.value_or(0);
                f.trained += r.trained.value_or(0);
                line.needs.assign(f.by_topic.size(), 0);
                for (std::size_t i = 0; i < f.by_topic.size() && i < r.needs.size(); ++i) {
                    const int n = r.needs[i].value_or(0);
                    line.needs[i] = n;
                    line.staff_needing += n;
                    f.by_topic[i].staff += n;
                    if (n > 0) ++f.by_topic[i].agencies;
                }
            }
        }
        f.by_agency.push_back(line);
    }
    std::sort(f.by_agency.begin(), f.by_agency.end(), [](const NeedsAgencyLine& x, const NeedsAgencyLine& y) {
        return std::make_pair(lower(x.name), x.agency) < std::make_pair(lower(y.name), y.agency);
    });
    for (auto& t : f.by_topic) {
        if (t.places) t.short_by = std::max(0, t.staff - *t.places);
    }
    f.returned_percent = percent(f.submitted, f.invited);
    f.trained_percent = percent(f.trained, f.workforce);
    return f;
}

std::string needs_returned_sentence(const NeedsFigures& f) {
    if (f.invited == 0) return "No agency was asked.";
    return std::to_string(f.submitted) + " of " + count_of(f.invited, "agency", "agencies") + (f.submitted == 1 || f.invited == 1 ? " has" : " have") +
           " returned" + (f.returned_percent ? " (" + std::to_string(*f.returned_percent) + "%)" : "") + ".";
}

}  // namespace assure
