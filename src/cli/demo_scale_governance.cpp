// England scale: a partnership's governance — its groups, their members, about ninety meetings
// a year with minutes, attendance and decisions, about ten actions minuted at each held meeting,
// and declared interests.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli/demo_scale_parts.hpp"
#include "core/text.hpp"

namespace assure::cli::scale {
namespace {

struct GroupShape {
    const char* name;
    GroupType type;
    int cadence_months;
    const char* purpose;
};

// Roughly 93 meetings a year: the forum quarterly, the executive and six sub-groups monthly
// but for August, two task-and-finish groups every two months.
const std::vector<GroupShape> kGroups = {
    {"Strategic Forum", GroupType::strategic_forum, 3, "Strategic oversight of the partnership."},
    {"Core Business Group", GroupType::executive, 1, "Drives the business plan and holds agencies to account."},
    {"Safeguarding Review and Learning Group", GroupType::sub_group, 1, "Considers serious incidents and oversees reviews."},
    {"Policy and Performance Review Group", GroupType::sub_group, 1, "Keeps procedures current and scrutinises performance."},
    {"Quality Assurance Group", GroupType::sub_group, 1, "Runs the audit programme and tests the impact of practice."},
    {"Training and Workforce Group", GroupType::sub_group, 1, "Plans multi-agency training and checks its reach."},
    {"Child Exploitation Group", GroupType::sub_group, 1, "Leads the response to exploitation, missing and trafficking."},
    {"Neglect Strategy Group", GroupType::sub_group, 1, "Delivers the neglect strategy and its toolkit."},
    {"Education Safeguarding Task and Finish Group", GroupType::task_and_finish, 2, "Section 175 returns and school support."},
    {"Voice of the Child Task and Finish Group", GroupType::task_and_finish, 2, "Brings children's views into the work."},
};

const std::vector<std::string> kThemes = {"Neglect", "Domestic abuse", "Exploitation", "Mental health", "Performance", "Learning"};
const std::vector<std::string> kAgenda = {"Minutes and actions of the last meeting", "Performance dashboard", "Rapid review update",
                                          "Audit findings", "Training report", "Policy update", "Risk register",
                                          "Voice of children and families", "Any other business"};
const std::vector<std::string> kActions = {
    "Circulate the revised procedure to every agency", "Report attendance figures to the next meeting",
    "Bring the audit's findings to the Core Business Group", "Update the risk register entry",
    "Ask each agency for its training figures", "Draft the seven-minute briefing", "Check the referral pathway with the front door",
    "Share the dashboard with designated leads", "Arrange the multi-agency case audit", "Write to the chief officer about attendance",
    "Review the threshold document", "Confirm the date of the practitioner event"};

Meeting make_meeting(Area& a, GroupId group, Date on, const std::vector<PersonId>& members) {
    Meeting m;
    m.group = group;
    m.partnership = a.partnership.id;
    m.on = on;
    m.place = a.rng.chance(0.4) ? "Online" : a.place + " Council offices";
    m.online = m.place == "Online";
    m.theme = a.rng.pick(kThemes);
    const int items = a.rng.between(4, 6);
    for (int i = 0; i < items; ++i) m.agenda.push_back({i + 1, kAgenda[static_cast<std::size_t>(i) % kAgenda.size()], a.rng.pick(members), ""});
    if (on >= a.today) return m;
    if (a.rng.chance(0.04)) {
        m.status = MeetingStatus::cancelled;
        m.cancel_reason = "Not quorate: too many apologies";
        return m;
    }
    m.status = MeetingStatus::held;
    for (const auto& p : members) {
        const int roll = a.rng.below(100);
        const Presence presence = roll < 75 ? Presence::present : roll < 83 ? Presence::deputy : roll < 95 ? Presence::apologies : Presence::absent;
        m.attendance.push_back({p, presence, presence == Presence::deputy ? "Deputy for " + a.person(p).name : ""});
    }
    const int decisions = a.rng.between(1, 3);
    for (int i = 0; i < decisions; ++i) m.decisions.push_back({i + 1, "Agreed the " + lower(a.rng.pick(kAgenda)) + " as presented."});
    m.minutes = "## " + m.theme + "\n\nThe group considered the " + lower(m.agenda[1].title) +
                " and the partnership's figures for the period. Members discussed what the figures show about children's "
                "experience and what each agency will do next.\n\n- Attendance and representation were noted.\n- " +
                std::to_string(decisions) + " decision(s) were recorded.\n";
    return m;
}

void write_actions(Area& a, const Meeting& m, const std::vector<PersonId>& members) {
    const int n = a.rng.between(8, 12);
    for (int i = 0; i < n; ++i) {
        ActionItem x;
        x.partnership = a.partnership.id;
        x.group = m.group;
        x.meeting = m.id;
        x.text = a.rng.pick(kActions);
        x.owner = a.rng.pick(members);
        x.due = add_days(m.on, a.rng.between(14, 90));
        if (x.due < add_days(a.today, -30) || (x.due < a.today && a.rng.chance(0.5))) {
            const int roll = a.rng.below(100);
            x.status = roll < 88 ? ActionStatus::done : roll < 94 ? ActionStatus::dropped : ActionStatus::open;
            if (x.status != ActionStatus::open) {
                x.closed_on = std::min(add_days(x.due, a.rng.between(-10, 20)), add_days(a.today, -1));
                if (*x.closed_on < m.on) x.closed_on = m.on;
                x.note = x.status == ActionStatus::done ? "Done and reported to the group." : "Overtaken by the new procedure.";
            }
        }
        x.id = a.tx.governance().insert_action(x);
        a.count("governance_actions");
        a.audit(m.on, "action.create", "action", x.id.str(), nlohmann::json{{"text", x.text}, {"due", x.due.iso()}}.dump());
        if (x.closed_on) {
            a.audit(*x.closed_on, "action.update", "action", x.id.str(),
                    nlohmann::json{{"status", action_status_key(x.status)}, {"closed_on", x.closed_on->iso()}}.dump());
        }
    }
}

}  // namespace

void write_governance(Area& a) {
    auto& gov = a.tx.governance();
    GroupId forum, executive;
    for (const auto& shape : kGroups) {
        Group g;
        g.partnership = a.partnership.id;
        g.name = shape.name;
        g.type = shape.type;
        g.purpose = shape.purpose;
        g.parent = shape.type == GroupType::strategic_forum ? GroupId{} : shape.type == GroupType::executive ? forum : executive;
        g.chair_kind = shape.type == GroupType::strategic_forum ? ChairKind::independent : ChairKind::fixed;
        g.chair = a.people[static_cast<std::size_t>(a.rng.below(20))].id;
        g.deputy = a.people[static_cast<std::size_t>(20 + a.rng.below(20))].id;
        g.cadence_months = shape.cadence_months;
        g.quorum = QuorumRule{QuorumKind::min_share, 50};
        g.active_from = a.first_day;
        g.rotation_start = a.first_day;
        g.id = gov.insert_group(g);
        a.count("governance_groups");
        a.audit(a.first_day, "group.create", "group", g.id.str(), nlohmann::json{{"name", g.name}}.dump());
        if (shape.type == GroupType::strategic_forum) forum = g.id;
        if (shape.type == GroupType::executive) executive = g.id;
        gov.add_terms(TermsVersion{g.id, 1, "# Terms of reference\n\n" + std::string(shape.purpose) + "\n\nThe group meets " +
                                                cadence_label(shape.cadence_months) + ".",
                                   a.first_day, a.at(a.first_day), a.business_unit.label});
        a.count("governance_terms");
        a.groups.push_back(g.id);

        // The chair, the deputy and eight or so others.
        std::vector<PersonId> members = {g.chair, g.deputy};
        while (members.size() < 10) {
            const PersonId p = a.rng.pick(a.people).id;
            if (std::find(members.begin(), members.end(), p) == members.end()) members.push_back(p);
        }
        for (std::size_t i = 0; i < members.size(); ++i) {
            Membership m;
            m.group = g.id;
            m.person = members[i];
            const Person& person = a.person(members[i]);
            const bool statutory = std::any_of(a.agencies.begin(), a.agencies.end(), [&](const Agency& x) {
                return x.id == person.agency && x.kind == AgencyKind::statutory_partner;
            });
            m.code = statutory ? MembershipCode::SP : person.agency.valid() ? MembershipCode::RA : MembershipCode::A;
            m.role = i == 0 ? MemberRole::chair : i == 1 ? MemberRole::deputy : MemberRole::member;
            m.start = a.first_day;
            gov.insert_membership(m);
            a.count("governance_members");
        }
        a.members[g.id] = members;

        // Meetings from the first month to three months ahead.
        const Date last = add_days(a.today, 92);
        for (Date month{a.first_day.year, a.first_day.month, 1}; month <= last; month = add_months_clamped(month, shape.cadence_months)) {
            if (shape.cadence_months == 1 && month.month == 8) continue;
            const Date on = weekday_on_or_after(Date{month.year, month.month, a.rng.between(3, 24)});
            if (on < a.first_day || on > last) continue;
            Meeting m = make_meeting(a, g.id, on, members);
            m.id = gov.insert_meeting(m);
            a.count("governance_meetings");
            a.audit(add_days(on, -28), "meeting.schedule", "meeting", m.id.str(), nlohmann::json{{"on", on.iso()}}.dump());
            if (m.status == MeetingStatus::held) {
                write_actions(a, m, members);
                if (a.rng.chance(0.08)) {
                    Interest i;
                    i.partnership = a.partnership.id;
                    i.person = a.rng.pick(members);
                    i.interest = "Manages a service discussed under this item";
                    i.declared_on = on;
                    i.meeting = m.id;
                    i.agenda_item = a.rng.between(1, static_cast<int>(m.agenda.size()));
                    i.recorded_by = a.business_unit.label;
                    i.id = gov.insert_interest(i);
                    a.count("governance_interests");
                }
            }
        }
    }
}

}  // namespace assure::cli::scale
