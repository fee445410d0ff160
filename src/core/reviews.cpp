// The case record: names of things, validation of a notification, need-to-know.
#include <algorithm>
#include <charconv>

#include "core/reviews.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

template <class E>
struct Named {
    E value;
    std::string_view key;
    std::string_view label;
};

template <class E, std::size_t N>
std::string_view key_of(const Named<E> (&table)[N], E v) {
    for (const auto& n : table) if (n.value == v) return n.key;
    return "";
}
template <class E, std::size_t N>
std::string_view label_of(const Named<E> (&table)[N], E v) {
    for (const auto& n : table) if (n.value == v) return n.label;
    return "";
}
template <class E, std::size_t N>
std::optional<E> parse_in(const Named<E> (&table)[N], std::string_view key) {
    for (const auto& n : table) if (n.key == key) return n.value;
    return std::nullopt;
}

constexpr Named<HarmKind> kHarms[] = {{HarmKind::death, "death", "Death"},
                                      {HarmKind::serious_harm, "serious_harm", "Serious harm"}};

constexpr Named<Decision> kDecisions[] = {
    {Decision::local_review, "local_review", "Local child safeguarding practice review"},
    {Decision::national_review, "national_review", "Recommend a national review"},
    {Decision::other_learning, "other_learning", "Other learning review"},
    {Decision::no_further_review, "no_further_review", "No further review"},
};

constexpr Named<EventKind> kEvents[] = {
    {EventKind::notify_panel, "notify_panel", "Panel notified"},
    {EventKind::inform_partners, "inform_partners", "Safeguarding partners informed"},
    {EventKind::request_summaries, "request_summaries", "Agency summaries requested"},
    {EventKind::summary_returned, "summary_returned", "Agency summary returned"},
    {EventKind::rapid_review_panel, "rapid_review_panel", "Rapid review panel met"},
    {EventKind::partners_sign_off, "partners_sign_off", "Partners signed off the rapid review"},
    {EventKind::decide, "decide", "Decision recorded"},
    {EventKind::panel_response, "panel_response", "Panel response recorded"},
    {EventKind::commission_reviewer, "commission_reviewer", "Reviewer commissioned"},
    {EventKind::notify_bodies, "notify_bodies", "Panel, Ofsted and DfE told"},
    {EventKind::agree_terms, "agree_terms", "Terms of reference agreed"},
    {EventKind::progress_check, "progress_check", "Progress checked (regulation 14)"},
    {EventKind::final_report, "final_report", "Final report received"},
    {EventKind::plan_publication, "plan_publication", "Publication planned"},
    {EventKind::send_final_report, "send_final_report", "Final report sent to the Panel and Secretary of State"},
    {EventKind::publish, "publish", "Report published"},
    {EventKind::publish_summary, "publish_summary", "Executive summary published"},
    {EventKind::disseminate, "disseminate", "Learning disseminated"},
    {EventKind::close, "close", "Case closed"},
};

constexpr Named<Stage> kStages[] = {
    {Stage::notification, "notification", "Awaiting notification"},
    {Stage::rapid_review, "rapid_review", "Rapid review"},
    {Stage::decided, "decided", "Awaiting Panel response"},
    {Stage::local_review, "local_review", "Local practice review"},
    {Stage::published, "published", "Published"},
    {Stage::follow_up, "follow_up", "Other learning or national review"},
    {Stage::closed, "closed", "Closed"},
};

constexpr Named<ConflictView> kViews[] = {{ConflictView::pending, "pending", "Awaiting the panel"},
                                          {ConflictView::exclude, "exclude", "Should not take part"},
                                          {ConflictView::take_part, "take_part", "May take part"}};
constexpr Named<AppealOutcome> kAppeals[] = {{AppealOutcome::none, "none", "No appeal"},
                                             {AppealOutcome::upheld, "upheld", "Appeal refused"},
                                             {AppealOutcome::overturned, "overturned", "Appeal upheld"}};
constexpr Named<RapidReviewAnchor> kAnchors[] = {
    {RapidReviewAnchor::became_aware, "became_aware", "Date the local authority became aware"},
    {RapidReviewAnchor::notification, "notification", "Date the Panel was notified"}};

constexpr std::size_t kMaxSummary = 4000;

}  // namespace

std::string rules_name_in_words(const std::string& name) {
    const bool guidance = name.size() >= 6 && name.compare(0, 2, "wt") == 0 &&
                          std::all_of(name.begin() + 2, name.begin() + 6, [](char c) { return c >= '0' && c <= '9'; });
    if (!guidance) return name;
    std::string out = "Working Together " + name.substr(2, 4);
    std::string rest = name.substr(6);
    if (!rest.empty() && rest[0] == '-') rest.erase(0, 1);
    return rest.empty() ? out : out + " (" + rest + " rules)";
}

std::string_view anchor_key(RapidReviewAnchor a) { return key_of(kAnchors, a); }
std::string_view anchor_label(RapidReviewAnchor a) { return label_of(kAnchors, a); }
std::optional<RapidReviewAnchor> parse_anchor(std::string_view key) { return parse_in(kAnchors, key); }
std::string_view harm_key(HarmKind k) { return key_of(kHarms, k); }
std::string_view harm_label(HarmKind k) { return label_of(kHarms, k); }
std::optional<HarmKind> parse_harm(std::string_view key) { return parse_in(kHarms, key); }
std::string_view decision_key(Decision d) { return key_of(kDecisions, d); }
std::string_view decision_label(Decision d) { return label_of(kDecisions, d); }
std::optional<Decision> parse_decision(std::string_view key) { return parse_in(kDecisions, key); }
std::string_view event_key(EventKind e) { return key_of(kEvents, e); }
std::string_view event_label(EventKind e) { return label_of(kEvents, e); }
std::optional<EventKind> parse_event(std::string_view key) { return parse_in(kEvents, key); }
std::string_view stage_key(Stage s) { return key_of(kStages, s); }
std::string_view stage_label(Stage s) { return label_of(kStages, s); }
std::optional<Stage> parse_stage(std::string_view key) { return parse_in(kStages, key); }
std::string_view conflict_view_key(ConflictView v) { return key_of(kViews, v); }
std::optional<ConflictView> parse_conflict_view(std::string_view key) { return parse_in(kViews, key); }
std::string_view appeal_key(AppealOutcome a) { return key_of(kAppeals, a); }
std::optional<AppealOutcome> parse_appeal(std::string_view key) { return parse_in(kAppeals, key); }

const std::vector<EventKind>& all_event_kinds() {
    static const std::vector<EventKind> all = [] {
        std::vector<EventKind> v;
        for (const auto& e : kEvents) v.push_back(e.value);
        return v;
    }();
    return all;
}

FieldErrors validate_rules(const ReviewRules& r) {
    FieldErrors errors;
    auto positive = [&](int v, const char* field, const char* what) {
        if (v <= 0) errors.push_back({field, std::string(what) + " must be at least 1"});
    };
    positive(r.notify_panel_working_days, "notify_panel_working_days", "Working days to notify the Panel");
    positive(r.inform_partners_working_days, "inform_partners_working_days", "Working days to inform the partners");
    positive(r.rapid_review_working_days, "rapid_review_working_days", "Working days for a rapid review");
    positive(r.review_months, "review_months", "Months to complete a local review");
    positive(r.keep_published_months, "keep_published_months", "Months to keep a report published");
    positive(r.max_children, "max_children", "Children per notification");
    if (r.final_report_working_days_before_publication < 0) {
        errors.push_back({"final_report_working_days_before_publication",
                          "Working days between sending the final report and publication cannot be negative"});
    }
    return errors;
}

bool Conflict::excludes() const {
    if (override_by_lead) return false;  // a partner lead let the business unit's only member keep sight
    bool excluded = panel != ConflictView::take_part;  // pending or exclude
    if (panel != ConflictView::pending && appeal == AppealOutcome::overturned) excluded = !excluded;
    return excluded;
}

FieldErrors validate_incident(const IncidentInput& in, const std::vector<AgencyId>& partnership_agencies,
                              const ReviewRules& rules, Date today, Case& out) {
    FieldErrors errors;
    const auto aware = Date::parse(trim(in.became_aware_on));
    if (trim(in.became_aware_on).empty()) {
        errors.push_back({"became_aware_on", "Enter the date the local authority became aware"});
    } else if (!aware) {
        errors.push_back({"became_aware_on", "Date the local authority became aware must be a real date"});
    } else if (*aware > today) {
        errors.push_back({"became_aware_on", "Date the local authority became aware must be today or in the past"});
    }
    const auto incident = Date::parse(trim(in.incident_on));
    if (trim(in.incident_on).empty()) {
        errors.push_back({"incident_on", "Enter the date of the incident"});
    } else if (!incident) {
        errors.push_back({"incident_on", "Date of the incident must be a real date"});
    } else if (*incident > today) {
        errors.push_back({"incident_on", "Date of the incident must be today or in the past"});
    } else if (aware && *incident > *aware) {
        errors.push_back({"incident_on", "Date of the incident must be on or before the date the local authority became aware"});
    }
    const auto kind = parse_harm(in.kind);
    if (!kind) errors.push_back({"kind", "Select whether the child died or was seriously harmed"});
    const std::string summary = trim(in.summary);
    if (summary.empty()) errors.push_back({"summary", "Enter a summary of what happened"});
    if (summary.size() > kMaxSummary) errors.push_back({"summary", "Summary must be 4000 characters or fewer"});

    std::vector<Child> children;
    for (const auto& c : in.children) {
        Child child = c;
        child.pseudonym = trim(c.pseudonym);
        child.name = trim(c.name);
        child.date_of_birth = trim(c.date_of_birth);
        child.notes = trim(c.notes);
        if (child.pseudonym.empty() && !child.has_identity()) continue;
        if (child.pseudonym.empty()) {
            errors.push_back({"children", "Enter a pseudonym for every child, such as Child O"});
            continue;
        }
        if (!child.date_of_birth.empty() && !Date::parse(child.date_of_birth)) {
            errors.push_back({"children", "Date of birth of " + child.pseudonym + " must be a real date"});
        }
        children.push_back(child);
    }
    if (children.empty()) errors.push_back({"children", "Enter at least one child, by pseudonym such as Child O"});
    if (static_cast<int>(children.size()) > rules.max_children) {
        errors.push_back({"children", "One notification covers at most " + std::to_string(rules.max_children) +
                                          " children; notify the others separately"});
    }
    std::vector<AgencyId> agencies;
    for (const auto& raw : in.agency_ids) {
        std::int64_t v = 0;
        const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
        const AgencyId id{v};
        if (r.ec != std::errc{} ||
            std::find(partnership_agencies.begin(), partnership_agencies.end(), id) == partnership_agencies.end()) {
            errors.push_back({"agencies", "Select agencies of this partnership"});
            break;
        }
        if (std::find(agencies.begin(), agencies.end(), id) == agencies.end()) agencies.push_back(id);
    }
    if (!errors.empty()) return errors;
    out.became_aware_on = *aware;
    out.incident_on = *incident;
    out.kind = *kind;
    out.looked_after = in.looked_after;
    out.area_of_incident = trim(in.area_of_incident);
    out.area_of_residence = trim(in.area_of_residence);
    out.summary = summary;
    out.children = children;
    out.agencies = agencies;
    out.rules = rules;
    return errors;
}

CaseReach case_reach(Role role) {
    // The business unit too: a declared interest removes sight for everyone (issue 14, item 13).
    if (role == Role::business_unit || role == Role::partner_lead) return CaseReach::unless_excluded;
    return CaseReach::own_cases;
}

CaseReach figures_reach(Role role) { return role == Role::scrutineer ? CaseReach::every_case : case_reach(role); }

bool may_see_case(const Case& c, const CaseState& state, UserId user, Role role) {
    const CaseReach reach = case_reach(role);
    if (reach == CaseReach::every_case) return true;
    for (const auto& conflict : c.conflicts) {
        if (conflict.user == user && conflict.excludes()) return false;
    }
    if (reach == CaseReach::unless_excluded) return true;
    if (state.reviewer_user.valid() && state.reviewer_user == user) return true;
    return std::any_of(c.panel.begin(), c.panel.end(), [&](const PanelMember& m) { return m.user == user; });
}

bool may_see_identities(const Case& c, const CaseState& state, UserId user, Role role) {
    if (!may_see_case(c, state, user, role)) return false;
    return role == Role::business_unit || role == Role::partner_lead ||
           (state.reviewer_user.valid() && state.reviewer_user == user);
}

}  // namespace assure
