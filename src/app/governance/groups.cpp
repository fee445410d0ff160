// Groups, their terms of reference and their members.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/date_words.hpp"
#include "app/governance/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace governance_detail;

std::vector<GroupSummary> list_groups(Services& s, const Actor& actor) {
    require(actor, Permission::view_governance);
    std::vector<GroupSummary> out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        const auto groups = tx.governance().groups(actor.partnership);
        const auto members = tx.governance().count_members_on(actor.partnership, today);
        const auto meetings = tx.governance().last_and_next_meetings(actor.partnership, today);
        const auto people = people_by_id(tx, actor.partnership);
        const auto agencies = tx.agencies().list(actor.partnership, true);
        for (const auto& g : groups) {
            const auto m = meetings.find(g.id);
            const LastAndNext dates = m == meetings.end() ? LastAndNext{} : m->second;
            const auto n = members.find(g.id);
            out.push_back(summarise(g, groups, n == members.end() ? 0 : n->second,
                                    cadence_from(g, dates.last_held, dates.next_planned, today), people, agencies, today));
        }
    });
    return out;
}

std::vector<std::pair<GroupId, std::string>> group_names(Services& s, const Actor& actor) {
    require(actor, Permission::view_governance);
    std::vector<std::pair<GroupId, std::string>> out;
    s.store.read([&](Transaction& tx) {
        for (const auto& g : tx.governance().groups(actor.partnership)) out.emplace_back(g.id, g.name);
    });
    return out;
}

PersonGovernance person_governance(Services& s, const Actor& actor, PersonId person) {
    require(actor, Permission::view_governance);
    PersonGovernance out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        std::map<GroupId, std::string> names;
        for (const auto& g : tx.governance().groups(actor.partnership)) names[g.id] = g.name;
        for (auto& m : tx.governance().memberships_of(actor.partnership, person)) {
            const std::string name = names[m.group];
            out.memberships.emplace_back(std::move(m), name);
        }
        InterestQuery q;
        q.partnership = actor.partnership;
        q.person = person;
        out.interests = every_page(q, [&](const InterestQuery& page) { return tx.governance().interests(page); });
    });
    std::stable_sort(out.memberships.begin(), out.memberships.end(), [&](const auto& a, const auto& b) {
        return member_on(a.first, today) > member_on(b.first, today);
    });
    return out;
}

GroupView read_group(Services& s, const Actor& actor, GroupId id) {
    require(actor, Permission::view_governance);
    GroupView v;
    s.store.read([&](Transaction& tx) {
        const Group g = load_group(tx, actor, id);
        const auto groups = tx.governance().groups(actor.partnership);
        const auto members = tx.governance().memberships(actor.partnership, id);
        const auto people = people_by_id(tx, actor.partnership);
        const auto agencies = agencies_by_id(tx, actor.partnership);
        std::vector<Agency> agency_list;
        for (const auto& [_, a] : agencies) agency_list.push_back(a);
        const Date today = london_today(s);
        const auto dates = tx.governance().last_and_next_meetings(actor.partnership, today)[id];
        int current = 0;
        for (const auto& m : members) if (member_on(m, today)) ++current;
        v.summary = summarise(g, groups, current, cadence_from(g, dates.last_held, dates.next_planned, today), people, agency_list, today);
        v.deputy_label = name_of(people, g.deputy);
        v.terms = tx.governance().terms(id);
        const GovernanceRules rules = rules_of(tx, actor.partnership).governance;
        v.window = attendance_window(rules, today);
        const auto rates = member_rates(members, meetings_between(tx, actor.partnership, id, v.window), v.window, rules);
        for (const auto& m : members) {
            MemberLine line;
            line.membership = m;
            if (auto p = people.find(m.person); p != people.end()) line.person = p->second;
            line.agency_name = agency_of(people, agencies, m.person);
            line.current = member_on(m, today);
            for (const auto& r : rates) if (r.person == m.person) line.rate = r;
            v.members.push_back(line);
        }
        std::stable_sort(v.members.begin(), v.members.end(), [](const MemberLine& a, const MemberLine& b) {
            if (a.current != b.current) return a.current;
            return static_cast<int>(a.membership.role) < static_cast<int>(b.membership.role);
        });
    });
    return v;
}

Page<Meeting> list_meetings(Services& s, const Actor& actor, GroupId group, const PageRequest& page, bool newest_first) {
    require(actor, Permission::view_governance);
    Page<Meeting> out;
    s.store.read([&](Transaction& tx) {
        load_group(tx, actor, group);
        MeetingQuery q;
        q.partnership = actor.partnership;
        q.group = group;
        q.newest_first = newest_first;
        q.page = page;
        out = tx.governance().meetings(q);
    });
    return out;
}

namespace {

GroupContext context_in(Transaction& tx, const Actor& actor, GroupId id, Date today) {
    GroupContext c;
    c.groups = tx.governance().groups(actor.partnership);
    c.people = tx.people().list(actor.partnership, PersonFilter{});
    for (const auto& a : tx.agencies().list(actor.partnership, false)) if (a.kind == AgencyKind::statutory_partner) ++c.statutory_partners;
    if (id.valid()) {
        for (const auto& m : tx.governance().memberships(actor.partnership, id)) if (member_on(m, today)) ++c.active_members;
    }
    return c;
}

}  // namespace

GroupContext group_context(Services& s, const Actor& actor, GroupId id) {
    require(actor, Permission::view_governance);
    GroupContext c;
    s.store.read([&](Transaction& tx) { c = context_in(tx, actor, id, london_today(s)); });
    return c;
}

namespace {

void check_membership_dates(Transaction& tx, const Actor& actor, const Group& g, FieldErrors& errors) {
    // Narrowing a group's active period must not strand its meetings outside it.
    MeetingQuery q;
    q.partnership = actor.partnership;
    q.group = g.id;
    q.statuses = {MeetingStatus::planned, MeetingStatus::held};
    q.page.limit = 1;
    q.to = Date::from_days(g.active_from.days() - 1);
    auto outside = tx.governance().meetings(q).items;
    if (outside.empty() && g.active_to) {
        q.to.reset();
        q.from = Date::from_days(g.active_to->days() + 1);
        outside = tx.governance().meetings(q).items;
    }
    if (!outside.empty()) errors.push_back({"active_from", "The group has a meeting on " + date_in_words(outside.front().on) + ", outside those dates"});
}

}  // namespace

Group create_group(Services& s, const Actor& actor, const GroupInput& input) {
    require(actor, Permission::manage_governance);
    Group g;
    s.store.write([&](Transaction& tx) {
        g.partnership = actor.partnership;
        if (auto errors = validate_group(input, context_in(tx, actor, GroupId{}, london_today(s)), g); !errors.empty()) throw Failure::invalid(std::move(errors));
        g.id = tx.governance().insert_group(g);
        record_audit(tx, actor, s.clock.now(), "group.create", "group", g.id.str(), "", audit_record(g));
    });
    return g;
}

Group update_group(Services& s, const Actor& actor, GroupId id, int expected_version, const GroupInput& input) {
    require(actor, Permission::manage_governance);
    Group after;
    s.store.write([&](Transaction& tx) {
        const Group before = load_group(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("group");
        after = before;
        auto errors = validate_group(input, context_in(tx, actor, id, london_today(s)), after);
        if (errors.empty()) check_membership_dates(tx, actor, after, errors);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        if (!tx.governance().update_group(after)) throw Failure::stale("group");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), "group.update", "group", id.str(), audit_record(before), audit_record(after));
    });
    return after;
}

void add_terms(Services& s, const Actor& actor, GroupId id, const std::string& markdown, const std::string& approved_on) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        load_group(tx, actor, id);
        FieldErrors errors;
        TermsVersion t;
        t.group = id;
        t.markdown = trim(markdown);
        if (t.markdown.empty()) errors.push_back({"markdown", "Enter the terms of reference"});
        if (char_count(t.markdown) > 50000) errors.push_back({"markdown", "Terms of reference must be 50,000 characters or fewer"});
        const auto approved = Date::parse(trim(approved_on));
        if (!approved) errors.push_back({"approved_on", "Enter the date they were approved, for example 2026-04-01"});
        else if (london_today(s) < *approved) errors.push_back({"approved_on", "The date they were approved cannot be in the future"});
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        const auto existing = tx.governance().terms(id);
        t.number = existing.empty() ? 1 : existing.back().number + 1;
        t.approved_on = *approved;
        t.recorded_at = s.clock.now();
        t.recorded_by = actor.label;
        tx.governance().add_terms(t);
        record_audit(tx, actor, t.recorded_at, "group.terms", "group", id.str(), "",
                     nlohmann::json{{"version", t.number}, {"approved_on", t.approved_on.iso()}, {"markdown", t.markdown}}.dump());
    });
}

Membership add_member(Services& s, const Actor& actor, GroupId id, const MemberInput& input) {
    require(actor, Permission::manage_governance);
    Membership m;
    s.store.write([&](Transaction& tx) {
        const Group g = load_group(tx, actor, id);
        const auto people = tx.people().list(actor.partnership, PersonFilter{});
        const auto existing = tx.governance().memberships(actor.partnership, id);
        m.group = id;
        if (auto errors = validate_member(input, g, people, existing, m); !errors.empty()) throw Failure::invalid(std::move(errors));
        m.id = tx.governance().insert_membership(m);
        record_audit(tx, actor, s.clock.now(), "group.member_add", "membership", m.id.str(), "", audit_record(m));
    });
    return m;
}

void end_membership(Services& s, const Actor& actor, GroupId group, MembershipId id, int expected_version,
                    const std::string& end) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        load_group(tx, actor, group);
        const auto members = tx.governance().memberships(actor.partnership, group);
        const auto it = std::find_if(members.begin(), members.end(), [&](const Membership& m) { return m.id == id; });
        if (it == members.end()) throw Failure::not_found("membership " + id.str());
        if (it->version != expected_version) throw Failure::stale("membership");
        const auto on = Date::parse(trim(end));
        if (!on) throw Failure::invalid({{"end", "Enter the date they left as a real date"}});
        if (*on < it->start) throw Failure::invalid({{"end", "The date they left must be on or after the date they joined, " + date_in_words(it->start)}});
        Membership after = *it;
        after.end = *on;
        if (!tx.governance().update_membership(after)) throw Failure::stale("membership");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), "group.member_end", "membership", id.str(), audit_record(*it), audit_record(after));
    });
}

}  // namespace assure
