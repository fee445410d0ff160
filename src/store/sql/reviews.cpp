// Cases, their events and recommendations in SQLite. The record is stored as JSON; the
// mapping lives here so that the core types stay free of any storage format.
#include <nlohmann/json.hpp>

#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

using nlohmann::json;

Date date_or_epoch(const json& j, const char* key) {
    return Date::parse(j.value(key, "")).value_or(Date{});
}

json ids_json(const std::vector<AgencyId>& ids) {
    json a = json::array();
    for (const auto& id : ids) a.push_back(id.value);
    return a;
}

std::vector<AgencyId> ids_from(const json& a) {
    std::vector<AgencyId> out;
    for (const auto& v : a) out.emplace_back(v.get<std::int64_t>());
    return out;
}

json rules_json(const ReviewRules& r) {
    return {{"name", r.name},
            {"notify_panel_working_days", r.notify_panel_working_days},
            {"inform_partners_working_days", r.inform_partners_working_days},
            {"rapid_review_working_days", r.rapid_review_working_days},
            {"rapid_review_anchor", anchor_key(r.rapid_review_anchor)},
            {"review_months", r.review_months},
            {"final_report_working_days_before_publication", r.final_report_working_days_before_publication},
            {"keep_published_months", r.keep_published_months},
            {"max_children", r.max_children}};
}

ReviewRules rules_from(const json& j) {
    ReviewRules r;
    r.name = j.value("name", r.name);
    r.notify_panel_working_days = j.value("notify_panel_working_days", r.notify_panel_working_days);
    r.inform_partners_working_days = j.value("inform_partners_working_days", r.inform_partners_working_days);
    r.rapid_review_working_days = j.value("rapid_review_working_days", r.rapid_review_working_days);
    r.rapid_review_anchor = parse_anchor(j.value("rapid_review_anchor", "")).value_or(r.rapid_review_anchor);
    r.review_months = j.value("review_months", r.review_months);
    r.final_report_working_days_before_publication =
        j.value("final_report_working_days_before_publication", r.final_report_working_days_before_publication);
    r.keep_published_months = j.value("keep_published_months", r.keep_published_months);
    r.max_children = j.value("max_children", r.max_children);
    return r;
}

json record_json(const Case& c) {
    json children = json::array();
    for (const auto& child : c.children) children.push_back(child.pseudonym);
    json panel = json::array();
    for (const auto& m : c.panel) panel.push_back({{"user", m.user.value}, {"label", m.label}});
    json conflicts = json::array();
    for (const auto& x : c.conflicts) {
        conflicts.push_back({{"user", x.user.value}, {"label", x.user_label}, {"declared_on", x.declared_on.iso()},
                             {"interest", x.interest}, {"panel", conflict_view_key(x.panel)},
                             {"appeal", appeal_key(x.appeal)}});
    }
    return {{"incident_on", c.incident_on.iso()}, {"kind", harm_key(c.kind)},
            {"looked_after", c.looked_after},    {"area_of_incident", c.area_of_incident},
            {"area_of_residence", c.area_of_residence}, {"summary", c.summary},
            {"children", children},              {"agencies", ids_json(c.agencies)},
            {"panel", panel},                    {"conflicts", conflicts}};
}

void fill_record(Case& c, const json& j) {
    c.incident_on = date_or_epoch(j, "incident_on");
    c.kind = parse_harm(j.value("kind", "")).value_or(HarmKind::serious_harm);
    c.looked_after = j.value("looked_after", false);
    c.area_of_incident = j.value("area_of_incident", "");
    c.area_of_residence = j.value("area_of_residence", "");
    c.summary = j.value("summary", "");
    for (const auto& p : j.value("children", json::array())) c.children.push_back({p.get<std::string>()});
    c.agencies = ids_from(j.value("agencies", json::array()));
    for (const auto& m : j.value("panel", json::array())) {
        c.panel.push_back({UserId{m.value("user", std::int64_t{0})}, m.value("label", "")});
    }
    for (const auto& x : j.value("conflicts", json::array())) {
        Conflict conflict;
        conflict.user = UserId{x.value("user", std::int64_t{0})};
        conflict.user_label = x.value("label", "");
        conflict.declared_on = date_or_epoch(x, "declared_on");
        conflict.interest = x.value("interest", "");
        conflict.panel = parse_conflict_view(x.value("panel", "")).value_or(ConflictView::pending);
        conflict.appeal = parse_appeal(x.value("appeal", "")).value_or(AppealOutcome::none);
        c.conflicts.push_back(conflict);
    }
}

json event_detail(const CaseEvent& e) {
    json j = json::object();
    if (!e.agencies.empty()) j["agencies"] = ids_json(e.agencies);
    if (e.decision) j["decision"] = decision_key(*e.decision);
    if (e.planned_on) j["planned_on"] = e.planned_on->iso();
    if (!e.reviewer_name.empty()) j["reviewer_name"] = e.reviewer_name;
    if (e.reviewer_user.valid()) j["reviewer_user"] = e.reviewer_user.value;
    if (!e.note.empty()) j["note"] = e.note;
    return j;
}

constexpr const char* kCaseColumns =
    "SELECT id, partnership_id, reference, became_aware_on, record_json, rules_json, sealed_identities, created_at, "
    "version FROM review_cases ";

Case read_case_row(const Statement& q) {
    Case c;
    c.id = CaseId{q.int64(0)};
    c.partnership = PartnershipId{q.int64(1)};
    c.reference = q.text(2);
    c.became_aware_on = Date::parse(q.text(3)).value_or(Date{});
    fill_record(c, json::parse(q.text(4)));
    c.rules = rules_from(json::parse(q.text(5)));
    c.sealed_identities = q.text(6);
    c.created_at = q.int64(7);
    c.version = q.integer(8);
    return c;
}

}  // namespace

std::vector<CaseEvent> SqlCases::events(CaseId id) {
    auto& q = db_.cached(
        "SELECT event, on_date, detail_json, recorded_at, recorded_by FROM review_events WHERE case_id = ? ORDER BY id");
    q.bind(1, id.value);
    std::vector<CaseEvent> out;
    while (q.step()) {
        CaseEvent e;
        e.kind = parse_event(q.text(0)).value_or(EventKind::progress_check);
        e.on = Date::parse(q.text(1)).value_or(Date{});
        const json d = json::parse(q.text(2));
        e.agencies = ids_from(d.value("agencies", json::array()));
        if (d.contains("decision")) e.decision = parse_decision(d["decision"].get<std::string>());
        if (d.contains("planned_on")) e.planned_on = Date::parse(d["planned_on"].get<std::string>());
        e.reviewer_name = d.value("reviewer_name", "");
        e.reviewer_user = UserId{d.value("reviewer_user", std::int64_t{0})};
        e.note = d.value("note", "");
        e.recorded_at = q.int64(3);
        e.recorded_by = q.text(4);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<Case> SqlCases::list(PartnershipId partnership) {
    std::vector<Case> out;
    {
        auto& q = db_.cached(std::string(kCaseColumns) + "WHERE partnership_id = ? ORDER BY became_aware_on DESC, id DESC");
        q.bind(1, partnership.value);
        while (q.step()) out.push_back(read_case_row(q));
    }
    for (auto& c : out) c.events = events(c.id);
    return out;
}

std::optional<Case> SqlCases::find(PartnershipId partnership, CaseId id) {
    std::optional<Case> c;
    {
        auto& q = db_.cached(std::string(kCaseColumns) + "WHERE partnership_id = ? AND id = ?");
        q.bind(1, partnership.value).bind(2, id.value);
        if (q.step()) c = read_case_row(q);
    }
    if (c) c->events = events(c->id);
    return c;
}

CaseId SqlCases::insert(const Case& c) {
    auto& q = db_.cached(
        "INSERT INTO review_cases(partnership_id, reference, became_aware_on, record_json, rules_json, "
        "sealed_identities, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.partnership.value)
        .bind(2, c.reference)
        .bind(3, c.became_aware_on.iso())
        .bind(4, record_json(c).dump())
        .bind(5, rules_json(c.rules).dump())
        .bind(6, c.sealed_identities)
        .bind(7, c.created_at)
        .run();
    const CaseId id{db_.last_insert_id()};
    for (const auto& e : c.events) append_event(id, e);
    return id;
}

bool SqlCases::update(const Case& c) {
    auto& q = db_.cached(
        "UPDATE review_cases SET record_json = ?, version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, record_json(c).dump()).bind(2, c.id.value).bind(3, c.partnership.value).bind(4, c.version).run();
    return db_.changes() == 1;
}

void SqlCases::append_event(CaseId id, const CaseEvent& e) {
    auto& q = db_.cached(
        "INSERT INTO review_events(case_id, event, on_date, detail_json, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, id.value)
        .bind(2, event_key(e.kind))
        .bind(3, e.on.iso())
        .bind(4, event_detail(e).dump())
        .bind(5, e.recorded_at)
        .bind(6, e.recorded_by)
        .run();
}

int SqlCases::count(PartnershipId partnership) {
    auto& q = db_.cached("SELECT count(*) FROM review_cases WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    q.step();
    return q.integer(0);
}

std::vector<Recommendation> SqlCases::recommendations(PartnershipId partnership, CaseId id) {
    auto& q = db_.cached(
        "SELECT id, case_id, partnership_id, number, text, agencies_json, theme, version FROM review_recommendations "
        "WHERE partnership_id = ? AND case_id = ? ORDER BY number");
    q.bind(1, partnership.value).bind(2, id.value);
    std::vector<Recommendation> out;
    while (q.step()) {
        out.push_back({RecommendationId{q.int64(0)}, CaseId{q.int64(1)}, PartnershipId{q.int64(2)}, q.integer(3),
                       q.text(4), ids_from(json::parse(q.text(5))), q.text(6), q.integer(7)});
    }
    return out;
}

RecommendationId SqlCases::add_recommendation(const Recommendation& r) {
    auto& q = db_.cached(
        "INSERT INTO review_recommendations(partnership_id, case_id, number, text, agencies_json, theme) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, r.partnership.value)
        .bind(2, r.case_id.value)
        .bind(3, r.number)
        .bind(4, r.text)
        .bind(5, ids_json(r.agencies).dump())
        .bind(6, r.theme)
        .run();
    return RecommendationId{db_.last_insert_id()};
}

}  // namespace assure::sql
