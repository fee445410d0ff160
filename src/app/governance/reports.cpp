// Attendance across groups, the forward plan, declared interests and calendar feeds.
#include <algorithm>
#include <cstdlib>

#include "app/governance/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace governance_detail;

namespace {

Period period_of(const Services& s, const GovernanceRules& rules, const std::string& from, const std::string& to) {
    Period p = attendance_window(rules, london_today(s));
    FieldErrors errors;
    if (!trim(from).empty()) {
        if (auto d = Date::parse(trim(from))) p.from = *d;
        else errors.push_back({"from", "Enter the start of the period as a date, for example 2025-12-01"});
    }
    if (!trim(to).empty()) {
        if (auto d = Date::parse(trim(to))) p.to = *d;
        else errors.push_back({"to", "Enter the end of the period as a date, for example 2026-11-30"});
    }
    if (errors.empty() && p.to < p.from) errors.push_back({"to", "The end of the period must be on or after its start"});
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    return p;
}

}  // namespace

AttendanceReport attendance_report(Services& s, const Actor& actor, std::optional<GroupId> group, const std::string& from,
                                   const std::string& to) {
    require(actor, Permission::view_governance);
    AttendanceReport report;
    s.store.read([&](Transaction& tx) {
        const GovernanceRules rules = rules_of(tx, actor.partnership).governance;
        report.period = period_of(s, rules, from, to);
        report.expected_rate = rules.expected_rate;
        if (group) load_group(tx, actor, *group);
        const auto people = people_by_id(tx, actor.partnership);
        const auto agencies = agencies_by_id(tx, actor.partnership);
        const auto members = tx.governance().memberships(actor.partnership, group);
        const auto meetings = meetings_between(tx, actor.partnership, group, report.period);
        std::vector<MemberRate> all_rates;
        for (const auto& g : tx.governance().groups(actor.partnership)) {
            if (group && g.id != *group) continue;
            std::vector<Membership> of_group;
            for (const auto& m : members) if (m.group == g.id) of_group.push_back(m);
            for (const auto& r : member_rates(of_group, meetings, report.period, rules)) {
                if (r.held == 0) continue;
                AttendanceLine line;
                line.rate = r;
                line.group = g.id;
                line.group_name = g.name;
                if (auto p = people.find(r.person); p != people.end()) line.person = p->second;
                line.agency_name = agency_of(people, agencies, r.person);
                if (auto a = agencies.find(line.person.agency); a != agencies.end()) line.chief_officer = a->second.chief_officer;
                report.lines.push_back(line);
                all_rates.push_back(r);
            }
        }
        std::stable_sort(report.lines.begin(), report.lines.end(),
                         [](const AttendanceLine& a, const AttendanceLine& b) { return *a.rate.rate < *b.rate.rate; });
        std::vector<Agency> agency_list, partners;
        for (const auto& [_, a] : agencies) {
            agency_list.push_back(a);
            if (a.kind == AgencyKind::statutory_partner) partners.push_back(a);
        }
        report.by_agency = rates_by_agency(all_rates, person_agencies(people), agency_list, rules);
        report.by_partner = rates_by_agency(all_rates, person_agencies(people), partners, rules);
    });
    return report;
}

std::vector<PlanItem> forward_plan(Services& s, const Actor& actor, Date from, int months) {
    require(actor, Permission::view_governance);
    std::vector<PlanItem> out;
    const Date until = add_months_clamped(Date{from.year, from.month, 1}, months);
    GovernanceRules rules;
    s.store.read([&](Transaction& tx) {
        rules = rules_of(tx, actor.partnership).governance;
        std::map<GroupId, Group> groups;
        for (const auto& g : tx.governance().groups(actor.partnership)) groups[g.id] = g;
        const Period window{from, Date::from_days(until.days() - 1)};
        for (const auto& m : meetings_between(tx, actor.partnership, std::nullopt, window)) {
            const std::string& name = groups[m.group].name;
            out.push_back({m.on, m.starts_at, m.theme.empty() ? name : name + ": " + m.theme, name, m.id,
                           m.status == MeetingStatus::cancelled});
        }
    });
    for (const auto& c : annual_cycle_between(rules, from, months)) out.push_back({c.on, "", c.label, "", MeetingId{}, false});
    std::stable_sort(out.begin(), out.end(), [](const PlanItem& a, const PlanItem& b) {
        return a.on != b.on ? a.on < b.on : a.starts_at < b.starts_at;
    });
    return out;
}

Interest declare_interest(Services& s, const Actor& actor, const InterestInput& in) {
    require(actor, Permission::view_governance);
    Interest i;
    s.store.write([&](Transaction& tx) {
        FieldErrors errors;
        const auto user = tx.users().find(actor.user);
        const std::string person = trim(in.person_id);
        const auto people = tx.people().list(actor.partnership, PersonFilter{});
        const auto p = std::find_if(people.begin(), people.end(), [&](const Person& x) { return x.id.str() == person; });
        if (p == people.end()) errors.push_back({"person_id", "Select the person declaring the interest"});
        else if (!actor.can(Permission::manage_governance) && (!user || user->person != p->id)) {
            errors.push_back({"person_id", "You can declare your own interests only; the business unit records others'"});
        } else i.person = p->id;
        i.interest = trim(in.interest);
        if (i.interest.empty()) errors.push_back({"interest", "Describe the interest"});
        if (char_count(i.interest) > 2000) errors.push_back({"interest", "Interest must be 2000 characters or fewer"});
        const auto on = Date::parse(trim(in.declared_on));
        if (!on) errors.push_back({"declared_on", "Enter the date it was declared as a real date"});
        else if (london_today(s) < *on) errors.push_back({"declared_on", "The date it was declared cannot be in the future"});
        else i.declared_on = *on;
        if (!trim(in.meeting_id).empty()) {
            const auto meeting = tx.governance().find_meeting(actor.partnership, MeetingId{std::atoll(trim(in.meeting_id).c_str())});
            if (!meeting) errors.push_back({"meeting_id", "Select a meeting of this partnership"});
            else {
                i.meeting = meeting->id;
                const int item = std::atoi(trim(in.agenda_item).c_str());
                if (!trim(in.agenda_item).empty() && (item < 1 || item > static_cast<int>(meeting->agenda.size()))) {
                    errors.push_back({"agenda_item", "Select an item on the meeting's agenda"});
                } else i.agenda_item = item;
            }
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        i.partnership = actor.partnership;
        i.recorded_by = actor.label;
        i.id = tx.governance().insert_interest(i);
        record_audit(tx, actor, s.clock.now(), "interest.declare", "interest", i.id.str(), "", audit_record(i));
    });
    return i;
}

Page<Interest> list_interests(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::view_governance);
    Page<Interest> out;
    InterestQuery q;
    q.partnership = actor.partnership;
    q.page = page;
    s.store.read([&](Transaction& tx) { out = tx.governance().interests(q); });
    return out;
}

std::string create_feed_token(Services& s, const Actor& actor) {
    require(actor, Permission::view_governance);
    const std::string token = s.tokens.random_token();
    s.store.write([&](Transaction& tx) {
        tx.governance().set_feed_token(actor.user, s.tokens.digest(token), s.clock.now());
        record_audit(tx, actor, s.clock.now(), "feed.token_create", "user", actor.user.str(), "", "");
    });
    return token;
}

std::vector<FeedEvent> feed_events(Services& s, const std::string& token, std::optional<GroupId> group) {
    std::vector<FeedEvent> out;
    s.store.read([&](Transaction& tx) {
        const auto user_id = tx.governance().feed_user(s.tokens.digest(token));
        const auto user = user_id ? tx.users().find(*user_id) : std::nullopt;
        if (!user || !user->active || !role_allows(user->role, Permission::view_governance)) throw Failure::not_found("feed");
        const PartnershipId partnership = user->partnership;
        std::map<GroupId, Group> groups;
        for (const auto& g : tx.governance().groups(partnership)) groups[g.id] = g;
        if (group && !groups.contains(*group)) throw Failure::not_found("group " + group->str());
        std::vector<GroupId> wanted;
        if (group) wanted.push_back(*group);
        else {
            for (const auto& m : tx.governance().memberships_of(partnership, user->person)) {
                if (!m.end || london_today(s) <= *m.end) wanted.push_back(m.group);
            }
        }
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());  // a member who left and rejoined
        std::vector<Meeting> meetings;
        for (const GroupId g : wanted) {
            MeetingQuery q;
            q.partnership = partnership;
            q.group = g;
            // A calendar holds every meeting of the group, so a client sees the whole series.
            for (auto& m : every_page(q, [&](const MeetingQuery& page) { return tx.governance().meetings(page); })) meetings.push_back(std::move(m));
        }
        std::stable_sort(meetings.begin(), meetings.end(), [](const Meeting& a, const Meeting& b) {
            return a.on != b.on ? a.on < b.on : a.id < b.id;
        });
        for (const auto& m : meetings) {
            FeedEvent e;
            e.uid = "meeting-" + m.id.str() + "@assure";
            e.on = m.on;
            e.starts_at = m.starts_at;
            e.minutes_long = m.minutes_long;
            e.summary = groups[m.group].name + (m.theme.empty() ? "" : ": " + m.theme);
            e.location = m.online ? (m.place.empty() ? "Online" : m.place + " (and online)") : m.place;
            e.description = m.status == MeetingStatus::cancelled ? "Cancelled: " + m.cancel_reason : "";
            e.cancelled = m.status == MeetingStatus::cancelled;
            e.stamp = s.clock.now();
            out.push_back(e);
        }
        if (group) return;
        ActionQuery mine;
        mine.partnership = partnership;
        mine.owner = user->person;
        mine.states = {ActionStatus::open};
        for (const auto& a : every_page(mine, [&](const ActionQuery& q) { return tx.governance().actions(q); })) {
            FeedEvent e;
            e.uid = "action-" + a.id.str() + "@assure";
            e.on = a.due;
            e.summary = "Action due: " + a.text;
            e.description = "From " + groups[a.group].name;
            e.stamp = s.clock.now();
            out.push_back(e);
        }
    });
    return out;
}

}  // namespace assure
