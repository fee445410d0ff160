// The demo's serious incidents and reviews (data/demo/knowsley_reviews.json), recorded through
// the same use cases as the site, so every case passes the lifecycle's guards.
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

#include "app/chronology.hpp"
#include "app/review_panels.hpp"
#include "app/reviews.hpp"
#include "cli/demo.hpp"
#include "cli/demo_clock.hpp"

namespace assure::cli {

using nlohmann::json;

namespace {

// Where the demo is served (README): the address in the links its mail carries.
constexpr const char* kDemoSite = "http://127.0.0.1:8080";

// The agencies' chronology of a case, each row as the business unit or the panel member named
// by "by" would add it, and the names its anonymised view replaces.
void load_chronology(Services& s, const Actor& bu, CaseId id, Date aware, const json& c, const std::map<std::string, AgencyId>& agencies) {
    for (const auto& n : c.value("chronology_names", json::array())) {
        add_chronology_alias(s, bu, id, {0, n.at("name").get<std::string>(), n.at("stands_for").get<std::string>()});
    }
    for (const auto& e : c.value("chronology", json::array())) {
        const Actor by = e.contains("by") ? demo_actor(s, e.at("by").get<std::string>()) : bu;
        const Date on = Date::from_days(aware.days() - e.at("days_before").get<int>());
        add_chronology_entry(s, by, id, agencies.at(e.at("agency").get<std::string>()).str(),
                             {on.iso(), e.value("time", ""), e.at("event").get<std::string>(), e.value("source", ""), e.value("analysis", "")});
    }
}

}  // namespace

void load_demo_reviews(Services& s, const std::map<std::string, AgencyId>& agencies, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    // The live cases count back from the last working day, so none of their events (counted in
    // working days) falls after today when the demo is built at a weekend or on a bank holiday.
    Date today = london_today(s);
    while (!s.calendar.is_working_day(today)) today = Date::from_days(today.days() - 1);
    auto ids = [&](const json& keys) {
        std::vector<std::string> out;
        for (const auto& k : keys) out.push_back(agencies.at(k.get<std::string>()).str());
        return out;
    };
    const json doc = demo_document("knowsley_reviews.json");  // kept alive: the loop below refers into it
    for (const auto& c : doc.at("cases")) {
        const bool live = c.value("live", false);
        const Date aware = live ? s.calendar.subtract_working_days(today, -c.at("became_aware_day").get<int>())
                                : *Date::parse(c.at("became_aware_on").get<std::string>());
        IncidentInput in;
        in.became_aware_on = aware.iso();
        in.incident_on = live ? aware.iso() : c.at("incident_on").get<std::string>();
        in.kind = c.at("kind");
        in.looked_after = c.at("looked_after");
        in.area_of_incident = c.at("area_of_incident");
        in.area_of_residence = c.at("area_of_residence");
        in.summary = c.at("summary");
        for (const auto& p : c.at("children")) in.children.push_back({p.get<std::string>()});
        in.agency_ids = ids(c.at("agencies"));
        CaseView v = notify_incident(s, bu, in);
        const CaseId id = v.record.id;
        int version = v.record.version;
        for (const auto& e : c.at("events")) {
            CaseEvent ev;
            ev.kind = *parse_event(e.at("event").get<std::string>());
            ev.on = e.contains("day") ? s.calendar.add_working_days(aware, e.at("day").get<int>())
                                      : *Date::parse(e.at("on").get<std::string>());
            if (e.contains("agencies")) {
                for (const auto& a : ids(e.at("agencies"))) ev.agencies.emplace_back(std::stoll(a));
            }
            if (e.contains("decision")) ev.decision = parse_decision(e.at("decision").get<std::string>());
            if (e.contains("planned_on")) ev.planned_on = Date::parse(e.at("planned_on").get<std::string>());
            if (e.contains("planned_day")) ev.planned_on = s.calendar.add_working_days(aware, e.at("planned_day").get<int>());
            ev.reviewer_name = e.value("reviewer_name", "");
            ev.note = e.value("note", "");
            if (e.contains("invite")) {
                // Invited on the day commissioned, so the link's days run from then.
                ServicesOn on(s, ev.on);
                const json& invite = e.at("invite");
                const ReviewerInvitationInput invitation{ev.reviewer_name, invite.at("email"), invite.value("organisation", ""), ev.on.iso()};
                version = invite_reviewer(on.services, bu, id, version, invitation, kDemoSite).record.version;
                continue;
            }
            version = record_event(s, bu, id, version, ev).record.version;
        }
        for (const auto& email : c.value("panel", json::array())) {
            const Actor member = demo_actor(s, email.get<std::string>());
            add_panel_member(s, bu, id, version, member.user.str());
            ++version;
        }
        for (const auto& r : c.at("recommendations")) {
            add_recommendation(s, bu, id, {r.at("text"), r.at("theme"), ids(r.at("agencies"))});
        }
        load_chronology(s, bu, id, aware, c, agencies);
    }
}

// Seed 000's Safeguarding Review and Learning Group reviews the partnership's cases: the panels
// of cases from now on are drawn from its members. Run once governance is loaded.
void load_demo_review_group(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    for (const auto& g : read_review_group(s, bu).choices) {
        if (g.name == "Safeguarding Review and Learning Group") set_review_group(s, bu, g.id.str());
    }
}

}  // namespace assure::cli
