#include "store/sql/reviews_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/sql/strict.hpp"

namespace assure::sql::reviews_rows {
namespace {

using nlohmann::json;

// Runs a mapping over one stored JSON column, naming the column if the document is not what
// this version wrote (not JSON, a key missing, a value of the wrong type).
template <class Read>
auto from_json(std::string_view table, std::string_view column, std::string_view stored, Read read) {
    try {
        return read(json::parse(stored));
    } catch (const json::exception& e) {
        throw Error(Error::Kind::other, std::string(table) + "." + std::string(column) + " is not as this version of " +
                                            "Assure writes it: " + e.what());
    }
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

}  // namespace

std::string record_json(const Case& c) {
    json children = json::array();
    for (const auto& child : c.children) children.push_back(child.pseudonym);
    return json{{"incident_on", c.incident_on.iso()},
                {"kind", harm_key(c.kind)},
                {"looked_after", c.looked_after},
                {"area_of_incident", c.area_of_incident},
                {"area_of_residence", c.area_of_residence},
                {"summary", c.summary},
                {"children", children},
                {"agencies", ids_json(c.agencies)}}
        .dump();
}

void fill_record(Case& c, std::string_view stored) {
    from_json("review_cases", "record_json", stored, [&](const json& j) {
        c.incident_on = strict_date("review_cases", "record_json.incident_on", j.at("incident_on").get<std::string>());
        c.kind = strict_enum("review_cases", "record_json.kind", j.at("kind").get<std::string>(), parse_harm);
        c.looked_after = j.at("looked_after").get<bool>();
        c.area_of_incident = j.at("area_of_incident").get<std::string>();
        c.area_of_residence = j.at("area_of_residence").get<std::string>();
        c.summary = j.at("summary").get<std::string>();
        for (const auto& p : j.at("children")) c.children.push_back({p.get<std::string>()});
        c.agencies = ids_from(j.at("agencies"));
        return 0;
    });
}

std::string rules_json(const ReviewRules& r) {
    return json{{"name", r.name},
                {"notify_panel_working_days", r.notify_panel_working_days},
                {"inform_partners_working_days", r.inform_partners_working_days},
                {"rapid_review_working_days", r.rapid_review_working_days},
                {"rapid_review_anchor", anchor_key(r.rapid_review_anchor)},
                {"review_months", r.review_months},
                {"final_report_working_days_before_publication", r.final_report_working_days_before_publication},
                {"keep_published_months", r.keep_published_months},
                {"max_children", r.max_children}}
        .dump();
}

ReviewRules rules_from(std::string_view stored, std::string_view table, std::string_view column) {
    return from_json(table, column, stored, [&](const json& j) {
        ReviewRules r;
        r.name = j.at("name").get<std::string>();
        r.notify_panel_working_days = j.at("notify_panel_working_days").get<int>();
        r.inform_partners_working_days = j.at("inform_partners_working_days").get<int>();
        r.rapid_review_working_days = j.at("rapid_review_working_days").get<int>();
        r.rapid_review_anchor = strict_enum(table, std::string(column) + ".rapid_review_anchor",
                                            j.at("rapid_review_anchor").get<std::string>(), parse_anchor);
        r.review_months = j.at("review_months").get<int>();
        r.final_report_working_days_before_publication = j.at("final_report_working_days_before_publication").get<int>();
        r.keep_published_months = j.at("keep_published_months").get<int>();
        r.max_children = j.at("max_children").get<int>();
        return r;
    });
}

std::string event_detail_json(const CaseEvent& e) {
    json j = json::object();
    if (!e.agencies.empty()) j["agencies"] = ids_json(e.agencies);
    if (e.decision) j["decision"] = decision_key(*e.decision);
    if (e.planned_on) j["planned_on"] = e.planned_on->iso();
    if (!e.reviewer_name.empty()) j["reviewer_name"] = e.reviewer_name;
    if (e.reviewer_user.valid()) j["reviewer_user"] = e.reviewer_user.value;
    if (!e.note.empty()) j["note"] = e.note;
    return j.dump();
}

CaseEvent event_from(std::string_view kind, std::string_view on, std::string_view detail) {
    CaseEvent e;
    e.kind = strict_enum("review_events", "event", kind, parse_event);
    e.on = strict_date("review_events", "on_date", on);
    if (detail == "{}") return e;  // most events carry no detail: nothing to parse
    from_json("review_events", "detail_json", detail, [&](const json& d) {
        // Each detail is written only when the event has it; absent means "none".
        if (d.contains("agencies")) e.agencies = ids_from(d.at("agencies"));
        if (d.contains("decision")) {
            e.decision = strict_enum("review_events", "detail_json.decision", d.at("decision").get<std::string>(), parse_decision);
        }
        if (d.contains("planned_on")) {
            e.planned_on = strict_date("review_events", "detail_json.planned_on", d.at("planned_on").get<std::string>());
        }
        if (d.contains("reviewer_name")) e.reviewer_name = d.at("reviewer_name").get<std::string>();
        if (d.contains("reviewer_user")) e.reviewer_user = UserId{d.at("reviewer_user").get<std::int64_t>()};
        if (d.contains("note")) e.note = d.at("note").get<std::string>();
        return 0;
    });
    return e;
}

std::string agency_ids_json(const std::vector<AgencyId>& ids) { return ids_json(ids).dump(); }

std::vector<AgencyId> agency_ids_from(std::string_view table, std::string_view column, std::string_view stored) {
    return from_json(table, column, stored, [](const json& j) { return ids_from(j); });
}

}  // namespace assure::sql::reviews_rows
