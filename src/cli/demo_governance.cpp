// The demo's governance (data/demo/knowsley_governance.json): groups, members and a year of
// meetings placed relative to today, all recorded through the same use cases as the site.
#include <map>

#include "app/governance.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

using nlohmann::json;

// Meetings fall on weekdays: a Saturday or Sunday moves back to the Friday.
Date weekday_on_or_before(Date d) {
    while (d.weekday() >= 5) d = Date::from_days(d.days() - 1);
    return d;
}

std::string person_id(Services& s, const Actor& bu, const std::string& email) {
    std::optional<Person> p;
    s.store.read([&](Transaction& tx) { p = tx.people().find_by_email(bu.partnership, email); });
    if (!p) throw std::logic_error("demo person " + email + " is missing");
    return p->id.str();
}

struct Scheduled {
    MeetingId id;
    Date on;
    bool held = false;
};

std::vector<Scheduled> schedule_year(Services& s, const Actor& bu, GroupId group, const json& g, Date today) {
    const int cadence = g.at("cadence_months").get<int>();
    const Date stop = add_months_clamped(today, -g.value("stop_months_ago", 0));
    const json themes = g.value("themes", json::array());
    std::vector<Scheduled> out;
    for (int k = 0;; ++k) {
        const Date on = weekday_on_or_before(Date::from_days(add_months_clamped(today, -12 + k * cadence).days() + 7));
        const bool past = on.days() <= today.days() - 3;
        if (past && stop < on) break;
        const std::string theme = themes.empty() ? "" : themes[static_cast<std::size_t>(k) % themes.size()].get<std::string>();
        const Meeting m = schedule_meeting(s, bu, group, {on.iso(), "10:00", "120", "Municipal Buildings, Huyton", "yes", theme});
        out.push_back({m.id, on, past});
        if (!past) break;  // one planned meeting ahead
    }
    return out;
}

void hold(Services& s, const Actor& bu, const Scheduled& meeting, int number, const json& g,
          const std::map<std::string, std::string>& ids) {
    const std::string n = std::to_string(number);
    int version = 1;
    add_agenda_item(s, bu, meeting.id, version++, "Minutes and actions of the last meeting", ids.at(g.at("chair")), "");
    add_agenda_item(s, bu, meeting.id, version++, "Thematic leads' progress reports", "", "");
    add_agenda_item(s, bu, meeting.id, version++, "Multi-agency performance report", "", "https://knowsley.example/papers/performance-report.pdf");
    std::vector<AttendanceInput> rows;
    for (const auto& m : g.at("members")) {
        const int joined = m.value("joined_months_ago", 0);
        if (joined > 0 && meeting.on < add_months_clamped(london_today(s), -joined)) continue;
        const json absences = m.value("absences", json::object());
        const std::string presence = absences.value(n, "present");
        rows.push_back({ids.at(m.at("email")), presence, presence == "deputy" ? m.value("deputy", "A nominated deputy") : ""});
    }
    record_attendance(s, bu, meeting.id, version++, rows);
    for (const auto& d : g.value("decisions", json::array())) {
        if (d.at("meeting").get<int>() == number) add_decision(s, bu, meeting.id, version++, d.at("text"));
    }
    save_minutes(s, bu, meeting.id, version++,
                 "## Present\n\nAs recorded in the attendance.\n\n## Discussion\n\nThe thematic leads reported progress against the "
                 "business plan. The group scrutinised the performance report and agreed the decisions and actions recorded below.\n");
}

}  // namespace

void load_demo_governance(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const Date today = london_today(s);
    const json doc = demo_document("knowsley_governance.json");
    std::map<std::string, std::string> ids;  // email -> person id
    auto id_of = [&](const std::string& email) -> const std::string& {
        if (!ids.contains(email)) ids[email] = person_id(s, bu, email);
        return ids[email];
    };
    std::map<std::string, GroupId> groups;
    for (const auto& g : doc.at("groups")) {
        for (const auto& m : g.at("members")) id_of(m.at("email"));
        for (const auto& a : g.value("actions", json::array())) id_of(a.at("owner"));
        const Date active_from = add_months_clamped(today, -24);
        GroupInput in{g.at("name"),        g.at("type"),
                      g.at("purpose"),     g.contains("parent") ? groups.at(g.at("parent")).str() : "",
                      g.at("chair_kind"),  id_of(g.at("chair")),
                      id_of(g.at("deputy")), "12", "",
                      std::to_string(g.at("cadence_months").get<int>()), g.at("quorum_kind"),
                      g.at("quorum_value"), active_from.iso(), ""};
        const Group group = create_group(s, bu, in);
        groups[g.at("key")] = group.id;
        add_terms(s, bu, group.id, g.at("terms"), active_from.iso());
        for (const auto& m : g.at("members")) {
            const int joined = m.value("joined_months_ago", 0);
            const Date start = joined > 0 ? add_months_clamped(today, -joined) : active_from;
            add_member(s, bu, group.id, {id_of(m.at("email")), m.at("code"), m.at("role"), m.value("priority", ""), start.iso(), "",
                                         m.value("deputy", "")});
        }
        const auto meetings = schedule_year(s, bu, group.id, g, today);
        const json cancel = g.value("cancel", json::object());
        for (std::size_t i = 0; i < meetings.size(); ++i) {
            const int number = static_cast<int>(i) + 1;
            if (!meetings[i].held) continue;
            if (cancel.value("meeting", 0) == number) {
                set_meeting_status(s, bu, meetings[i].id, 1, "cancelled", cancel.at("reason"));
                continue;
            }
            hold(s, bu, meetings[i], number, g, ids);
        }
        for (const auto& a : g.value("actions", json::array())) {
            const Scheduled& m = meetings.at(a.at("meeting").get<std::size_t>() - 1);
            const Date due = Date::from_days(m.on.days() + a.at("due_days").get<int>());
            const ActionItem item = add_action(s, bu, m.id, {a.at("text"), id_of(a.at("owner")), due.iso()});
            if (a.at("status") != "open") update_action(s, bu, item.id, item.version, a.at("status"), a.value("note", ""));
        }
    }
    for (const auto& i : doc.value("interests", json::array())) {
        const Date on = add_months_clamped(today, -i.at("months_ago").get<int>());
        declare_interest(s, bu, {id_of(i.at("email")), i.at("interest"), on.iso(), "", ""});
    }
}

}  // namespace assure::cli
