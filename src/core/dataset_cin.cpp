#include "core/dataset_cin.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr std::array<std::string_view, 5> kCategories{"NEG", "PHY", "EMO", "SAB", "MUL"};

bool is_category(std::string_view code) { return std::find(kCategories.begin(), kCategories.end(), code) != kCategories.end(); }

// The census writes booleans as true/false or 1/0.
std::optional<bool> flag_of(std::string_view text) {
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return std::nullopt;
}

std::string on_line(int line) { return " (line " + std::to_string(line) + ")"; }

// trim() without the copy: a census has seven million elements' texts to look at.
std::string_view trimmed(std::string_view text) {
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

}  // namespace

CinCensusReader::CinCensusReader(int year, Pseudonymise pseudonymise) : year_(year), pseudonymise_(std::move(pseudonymise)) {}

CinCensusReader::Element CinCensusReader::element_of(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, Element>, 25> kNames{{
        {"Message", Element::Message},
        {"Header", Element::Header},
        {"CollectionDetails", Element::CollectionDetails},
        {"ReferenceDate", Element::ReferenceDate},
        {"Children", Element::Children},
        {"Child", Element::Child},
        {"ChildIdentifiers", Element::ChildIdentifiers},
        {"LAchildID", Element::LAchildID},
        {"CINdetails", Element::CINdetails},
        {"CINreferralDate", Element::CINreferralDate},
        {"CINclosureDate", Element::CINclosureDate},
        {"ReferralNFA", Element::ReferralNFA},
        {"Assessments", Element::Assessments},
        {"AssessmentActualStartDate", Element::AssessmentActualStartDate},
        {"AssessmentAuthorisationDate", Element::AssessmentAuthorisationDate},
        {"Section47", Element::Section47},
        {"S47ActualStartDate", Element::S47ActualStartDate},
        {"DateOfInitialCPC", Element::DateOfInitialCPC},
        {"ICPCnotRequired", Element::ICPCnotRequired},
        {"ChildProtectionPlans", Element::ChildProtectionPlans},
        {"CPPstartDate", Element::CPPstartDate},
        {"CPPendDate", Element::CPPendDate},
        {"InitialCategoryOfAbuse", Element::InitialCategoryOfAbuse},
        {"LatestCategoryOfAbuse", Element::LatestCategoryOfAbuse},
        {"NumberOfPreviousCPP", Element::NumberOfPreviousCPP},
    }};
    for (const auto& [text, element] : kNames) {
        if (text == name) return element;  // lengths first: most names are passed over on that
    }
    return Element::other;
}

bool CinCensusReader::inside(Element element) const {
    const auto end = path_.begin() + static_cast<std::ptrdiff_t>(depth_);
    return std::find(path_.begin(), end, element) != end;
}

void CinCensusReader::open(std::string_view name, int line) {
    if (out_.file_refused) return;
    const Element element = element_of(name);
    if (path_.size() == depth_) path_.emplace_back();
    path_[depth_++] = element;
    text_.clear();
    line_ = line;
    const std::size_t depth = depth_;
    if (depth == 1) {
        if (element != Element::Message) {
            fail(line, "the file's first element is <" + std::string(name) + ">, where a CIN census has <Message>: is it the right file?");
            return;
        }
        saw_message_ = true;
    } else if (depth == 2 && element == Element::Children) {
        saw_children_ = true;
    } else if (depth == 3 && element == Element::Child && path_[1] == Element::Children) {
        child_.id.clear();
        child_.line = line;
        child_.episodes.clear();
        child_.problems.clear();
        in_child_ = true;
        ++out_.children_read;
    } else if (in_child_ && depth == 4 && element == Element::CINdetails) {
        child_.episodes.push_back(Episode{});
        child_.episodes.back().line = line;
    } else if (in_child_ && depth == 5 && path_[3] == Element::CINdetails) {
        auto& episode = child_.episodes.back();
        if (element == Element::Assessments) episode.assessments.push_back(AssessmentDraft{{}, {}, line});
        if (element == Element::Section47) episode.enquiries.push_back(EnquiryDraft{{}, {}, false, line});
        if (element == Element::ChildProtectionPlans) episode.plans.push_back(PlanDraft{{}, {}, "", "", {}, line});
    }
}

void CinCensusReader::text(std::string_view chars) {
    if (!out_.file_refused && text_.size() < 4096) text_.append(chars);
}

std::optional<Date> CinCensusReader::date_of(std::string_view element, std::string_view value) {
    if (value.empty()) return std::nullopt;
    auto d = Date::parse(value);
    if (!d) {
        child_.problems.push_back(std::string(element) + " \"" + std::string(value.substr(0, 40)) + "\"" + on_line(line_) +
                                  " is not a real date as yyyy-mm-dd");
    }
    return d;
}

void CinCensusReader::take_leaf(std::string_view name) {
    const std::string_view value = trimmed(text_);
    const Element element = path_[depth_ - 1];
    const Element parent = this->parent();
    if (parent == Element::CollectionDetails && element == Element::ReferenceDate && inside(Element::Header)) {
        const Date expected{year_ + 1, 3, 31};
        const auto d = Date::parse(value);
        if (!d) {
            fail(line_, "its ReferenceDate \"" + std::string(value.substr(0, 40)) + "\" is not a date as yyyy-mm-dd");
        } else if (*d != expected) {
            // The census is dated the last day of the year it covers.
            const int its_year = d->month >= 4 ? d->year : d->year - 1;
            out_.file_refused = true;
            out_.refused.push_back({line_, "ReferenceDate",
                                    "The census's ReferenceDate is " + date_in_words(*d) + ", so it is the census for " +
                                        DatasetPeriod{its_year, 0}.label() + ": this import is for " + DatasetPeriod{year_, 0}.label() +
                                        ", whose census is dated " + date_in_words(expected)});
        }
        return;
    }
    if (!in_child_) return;
    if (parent == Element::ChildIdentifiers && element == Element::LAchildID) {
        child_.id = value;
        return;
    }
    if (child_.episodes.empty() || !inside(Element::CINdetails)) return;
    auto& episode = child_.episodes.back();
    if (parent == Element::CINdetails) {
        if (element == Element::CINreferralDate) episode.referred = date_of(name, value);
        if (element == Element::CINclosureDate) episode.closed = date_of(name, value);
        if (element == Element::ReferralNFA && !value.empty()) {
            const auto f = flag_of(value);
            if (!f) child_.problems.push_back("ReferralNFA" + on_line(line_) + " is neither true nor false");
            episode.no_further_action = f.value_or(false);
        }
    } else if (parent == Element::Assessments && !episode.assessments.empty()) {
        auto& a = episode.assessments.back();
        if (element == Element::AssessmentActualStartDate) a.started = date_of(name, value);
        if (element == Element::AssessmentAuthorisationDate) a.authorised = date_of(name, value);
    } else if (parent == Element::Section47 && !episode.enquiries.empty()) {
        auto& e = episode.enquiries.back();
        if (element == Element::S47ActualStartDate) e.started = date_of(name, value);
        if (element == Element::DateOfInitialCPC) e.conference = date_of(name, value);
        if (element == Element::ICPCnotRequired && !value.empty()) {
            const auto f = flag_of(value);
            if (!f) child_.problems.push_back("ICPCnotRequired" + on_line(line_) + " is neither true nor false");
            e.not_required = f.value_or(false);
        }
    } else if (parent == Element::ChildProtectionPlans && !episode.plans.empty()) {
        auto& p = episode.plans.back();
        if (element == Element::CPPstartDate) p.started = date_of(name, value);
        if (element == Element::CPPendDate) p.ended = date_of(name, value);
        if (element == Element::InitialCategoryOfAbuse) p.initial = value;
        if (element == Element::LatestCategoryOfAbuse) p.latest = value;
        if (element == Element::NumberOfPreviousCPP && !value.empty()) {
            int n = -1;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || end != value.data() + value.size() || n < 0 || n > 99) {
                child_.problems.push_back("NumberOfPreviousCPP" + on_line(line_) + " is not a whole number from 0 to 99");
            } else {
                p.previous = n;
            }
        }
    }
}

void CinCensusReader::close(std::string_view element) {
    if (out_.file_refused || depth_ == 0) return;
    take_leaf(element);
    if (out_.file_refused) return;
    const Element closed = path_[depth_ - 1];
    --depth_;
    text_.clear();
    if (depth_ == 2 && closed == Element::Child && in_child_) end_child();
}

void CinCensusReader::fail(int line, std::string_view problem) {
    if (out_.file_refused) return;
    out_.file_refused = true;
    out_.refused.push_back({line, "", "The file cannot be read as a CIN census: " + std::string(problem)});
}

// Checks the child as a whole and keeps all of it, or refuses it naming every problem.
void CinCensusReader::end_child() {
    in_child_ = false;
    Child& c = child_;
    auto& problems = c.problems;
    if (c.id.empty()) problems.insert(problems.begin(), "LAchildID is missing: every child needs the local authority's id");
    if (c.id.size() > 64) problems.insert(problems.begin(), "LAchildID is longer than 64 characters");
    if (!c.id.empty()) {
        const int known = numbered_.find(c.id);
        if (known >= 0) {
            problems.insert(problems.begin(), "The child's LAchildID is already on the <Child> at line " + std::to_string(first_line_[static_cast<std::size_t>(known)]) +
                                                  ": a child is in the census once, with an episode of need for each referral");
        } else {
            numbered_.number(ids_.emplace_back(c.id));
            first_line_.push_back(c.line);
        }
    }
    if (c.episodes.empty()) problems.push_back("The child has no CINdetails: the census has a child for each episode of need");
    const DatasetPeriod year{year_, 0};
    auto before = [&](const char* later, const std::optional<Date>& l, const char* earlier, const std::optional<Date>& e, int line) {
        if (l && e && *l < *e) {
            problems.push_back(std::string(later) + " " + date_in_words(*l) + " is before " + earlier + " " + date_in_words(*e) + on_line(line));
        }
    };
    for (const auto& ep : c.episodes) {
        if (!ep.referred) {
            problems.push_back("The CINdetails" + on_line(ep.line) + " has no CINreferralDate");
        } else if (*ep.referred > year.end() || (ep.closed && *ep.closed < year.start())) {
            problems.push_back("The episode of need referred on " + date_in_words(*ep.referred) + on_line(ep.line) +
                               " is not open in " + year.label() + ", the year this census is for");
        }
        before("CINclosureDate", ep.closed, "CINreferralDate", ep.referred, ep.line);
        for (const auto& a : ep.assessments) {
            if (!a.started) problems.push_back("The assessment" + on_line(a.line) + " has no AssessmentActualStartDate");
            before("AssessmentAuthorisationDate", a.authorised, "AssessmentActualStartDate", a.started, a.line);
        }
        for (const auto& e : ep.enquiries) {
            if (!e.started) problems.push_back("The section 47 enquiry" + on_line(e.line) + " has no S47ActualStartDate");
            before("DateOfInitialCPC", e.conference, "S47ActualStartDate", e.started, e.line);
        }
        for (const auto& p : ep.plans) {
            if (!p.started) problems.push_back("The child protection plan" + on_line(p.line) + " has no CPPstartDate");
            before("CPPendDate", p.ended, "CPPstartDate", p.started, p.line);
            if (p.latest.empty()) {
                problems.push_back("The child protection plan" + on_line(p.line) + " has no LatestCategoryOfAbuse");
            } else if (!is_category(p.latest)) {
                problems.push_back("LatestCategoryOfAbuse \"" + p.latest.substr(0, 20) + "\"" + on_line(p.line) + " is not one of NEG, PHY, EMO, SAB, MUL");
            }
            if (!p.initial.empty() && !is_category(p.initial)) {
                problems.push_back("InitialCategoryOfAbuse \"" + p.initial.substr(0, 20) + "\"" + on_line(p.line) + " is not one of NEG, PHY, EMO, SAB, MUL");
            }
        }
    }
    if (!problems.empty()) {
        std::string reason = problems.front();
        for (std::size_t i = 1; i < problems.size(); ++i) reason += "; " + problems[i];
        out_.refused.push_back({c.line, "", std::move(reason)});
        return;
    }
    const std::string child = pseudonymise_(c.id);
    auto& census = out_.census;
    for (const auto& ep : c.episodes) {
        census.referrals.push_back({child, *ep.referred, ep.closed, ep.no_further_action, ep.line});
        for (const auto& a : ep.assessments) census.assessments.push_back({child, *ep.referred, *a.started, a.authorised, a.line});
        for (const auto& e : ep.enquiries) census.enquiries.push_back({child, *e.started, e.conference, e.not_required, e.line});
        for (const auto& p : ep.plans) census.plans.push_back({child, *p.started, p.ended, p.initial, p.latest, p.previous, p.line});
    }
    ++out_.children_kept;
}

ParsedCensus CinCensusReader::finish() {
    if (!out_.file_refused && !saw_message_) fail(0, "it is empty");
    if (!out_.file_refused && !saw_children_) fail(0, "it has no <Children> element: is it the right file?");
    return std::move(out_);
}

std::vector<std::string> canonical_children(const CinCensus& census) {
    // Every event beside its child, sorted by child then event, then joined a child at a time:
    // one sort of a flat vector, where a tree of children cost an allocation and a walk per event.
    std::vector<std::pair<std::string_view, std::string>> events;
    events.reserve(census.referrals.size() + census.assessments.size() + census.enquiries.size() + census.plans.size());
    for (const auto& r : census.referrals) {
        events.emplace_back(r.child, "R " + r.referred.iso() + " " + date_text(r.closed) + (r.no_further_action ? " NFA" : ""));
    }
    for (const auto& a : census.assessments) {
        events.emplace_back(a.child, "A " + a.referred.iso() + " " + a.started.iso() + " " + date_text(a.authorised));
    }
    for (const auto& e : census.enquiries) {
        events.emplace_back(e.child, "S " + e.started.iso() + " " + date_text(e.conference) + (e.conference_not_required ? " not required" : ""));
    }
    for (const auto& p : census.plans) {
        events.emplace_back(p.child, "P " + p.started.iso() + " " + date_text(p.ended) + " " + p.initial_category + " " + p.latest_category + " " +
                                         (p.previous_plans ? std::to_string(*p.previous_plans) : ""));
    }
    std::sort(events.begin(), events.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < events.size();) {
        std::string line(events[i].first);
        std::size_t j = i;
        for (; j < events.size() && events[j].first == events[i].first; ++j) line.append("|").append(events[j].second);
        out.push_back(std::move(line));
        i = j;
    }
    return out;
}

}  // namespace assure
