// The action log: actions minuted at meetings, owned by a person, due by a date.
#include <algorithm>

#include "app/governance/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace governance_detail;

ActionItem add_action(Services& s, const Actor& actor, MeetingId meeting, const ActionInput& input) {
    require(actor, Permission::manage_governance);
    ActionItem a;
    s.store.write([&](Transaction& tx) {
        const Meeting m = load_meeting(tx, actor, meeting);
        if (m.status != MeetingStatus::held) {
            throw Failure::invalid({{"text", "Actions are minuted at a meeting that has been held"}});
        }
        const auto people = tx.people().list(actor.partnership, PersonFilter{});
        if (auto errors = validate_action(input, m, people, a); !errors.empty()) throw Failure::invalid(std::move(errors));
        a.id = tx.governance().insert_action(a);
        record_audit(tx, actor, s.clock.now(), "action.create", "action", a.id.str(), "", audit_record(a));
    });
    return a;
}

std::optional<PersonId> person_of(Services& s, const Actor& actor) {
    std::optional<PersonId> out;
    s.store.read([&](Transaction& tx) {
        if (auto u = tx.users().find(actor.user); u && u->person.valid()) out = u->person;
    });
    return out;
}

namespace {

ActionQuery query_of(const Actor& actor, const ActionFilter& filter, Date today) {
    ActionQuery q;
    q.partnership = actor.partnership;
    if (filter.open_only) q.states = {ActionStatus::open};
    if (filter.overdue_only) q.overdue_on = today;
    q.owner = filter.owner;
    q.group = filter.group;
    return q;
}

template <class IdT>
std::vector<IdT> distinct(std::vector<IdT> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// Names for a page of actions: just its owners, their agencies and the meetings these actions
// came from, each asked for by id (the directory grows with the partnership, a page does not);
// and the groups.
std::vector<ActionLine> lines_of(Transaction& tx, const Actor& actor, const std::vector<ActionItem>& actions, Date today) {
    if (actions.empty()) return {};
    std::vector<PersonId> owners;
    for (const auto& a : actions) owners.push_back(a.owner);
    owners = distinct(std::move(owners));
    const auto owner_names = tx.people().names(actor.partnership, owners);
    const auto owner_agencies = tx.people().agencies_of(actor.partnership, owners);
    std::vector<AgencyId> agency_ids;
    for (const auto& [person, agency] : owner_agencies) agency_ids.push_back(agency);
    agency_ids = distinct(std::move(agency_ids));
    const auto agency_names = agency_ids.empty() ? std::map<AgencyId, std::string>{} : tx.agencies().names(actor.partnership, agency_ids);
    auto owner_name = [&](PersonId id) {
        const auto it = owner_names.find(id);
        return it == owner_names.end() ? std::string() : it->second;
    };
    auto owner_agency = [&](PersonId id) {  // as agency_of: no agency is "Independent"
        const auto it = owner_agencies.find(id);
        if (it == owner_agencies.end()) return std::string("Independent");
        const auto name = agency_names.find(it->second);
        return name == agency_names.end() ? std::string() : name->second;
    };
    std::map<GroupId, std::string> groups;
    for (const auto& g : tx.governance().groups(actor.partnership)) groups[g.id] = g.name;
    std::vector<MeetingId> meeting_ids;
    for (const auto& a : actions) meeting_ids.push_back(a.meeting);
    const auto meetings = tx.governance().meeting_dates(actor.partnership, meeting_ids);
    std::vector<ActionLine> out;
    for (const auto& a : actions) {
        const auto on = meetings.find(a.meeting);
        out.push_back({a, owner_name(a.owner), owner_agency(a.owner), groups[a.group],
                       on == meetings.end() ? Date{} : on->second, action_overdue(a, today)});
    }
    return out;
}

}  // namespace

Page<ActionLine> list_actions(Services& s, const Actor& actor, const ActionFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_governance);
    Page<ActionLine> out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        ActionQuery q = query_of(actor, filter, today);
        q.page = page;
        auto actions = tx.governance().actions(q);
        out.items = lines_of(tx, actor, actions.items, today);
        out.next = actions.next;
    });
    return out;
}

std::vector<ActionLine> export_actions(Services& s, const Actor& actor, const ActionFilter& filter) {
    require(actor, Permission::view_governance);
    std::vector<ActionLine> out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        ActionQuery q = query_of(actor, filter, today);
        // A download is the whole list by design: one page of names per page of actions.
        for (;;) {
            q.page.limit = PageRequest::max_limit;
            auto page = tx.governance().actions(q);
            for (auto& line : lines_of(tx, actor, page.items, today)) out.push_back(std::move(line));
            if (!page.next) break;
            q.page.after = *page.next;
        }
    });
    return out;
}

ActionLine read_action(Services& s, const Actor& actor, ActionId id) {
    require(actor, Permission::view_governance);
    ActionLine out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        const auto found = tx.governance().find_action(actor.partnership, id);
        if (!found) throw Failure::not_found("action " + id.str());
        out = lines_of(tx, actor, {*found}, today).front();
    });
    return out;
}

ActionCounts count_actions(Services& s, const Actor& actor, const ActionFilter& filter) {
    require(actor, Permission::view_governance);
    ActionCounts out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) { out = tx.governance().count_actions(query_of(actor, filter, today), today); });
    return out;
}

std::vector<std::pair<std::string, int>> overdue_by_owner(Services& s, const Actor& actor, const ActionFilter& filter) {
    require(actor, Permission::view_governance);
    std::vector<std::pair<std::string, int>> out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        const auto counts = tx.governance().count_overdue_by_owner(query_of(actor, filter, today), today);
        if (counts.empty()) return;
        std::vector<PersonId> owners;
        for (const auto& [person, n] : counts) owners.push_back(person);
        const auto names = tx.people().names(actor.partnership, owners);
        std::map<std::string, int> by_name;  // in name order, as the page lists them
        for (const auto& [person, n] : counts) {
            const auto it = names.find(person);
            by_name[it == names.end() ? std::string() : it->second] += n;
        }
        out.assign(by_name.begin(), by_name.end());
    });
    return out;
}

ActionItem update_action(Services& s, const Actor& actor, ActionId id, int expected_version, const std::string& status,
                         const std::string& note) {
    require(actor, Permission::view_governance);
    ActionItem after;
    s.store.write([&](Transaction& tx) {
        const auto found = tx.governance().find_action(actor.partnership, id);
        if (!found) throw Failure::not_found("action " + id.str());
        const ActionItem before = *found;
        if (!actor.can(Permission::manage_governance)) {
            const auto user = tx.users().find(actor.user);
            if (!user || user->person != before.owner) throw Failure::forbidden("only the owner or the business unit updates an action");
        }
        if (before.version != expected_version) throw Failure::stale("action");
        FieldErrors errors;
        const auto to = parse_action_status(status);
        if (!to) errors.push_back({"status", "Select open, done or no longer needed"});
        after = before;
        after.note = trim(note);
        if (char_count(after.note) > 2000) errors.push_back({"note", "Update must be 2000 characters or fewer"});
        if (to && *to != ActionStatus::open && after.note.empty()) {
            errors.push_back({"note", *to == ActionStatus::done ? "Say what was done" : "Say why the action is no longer needed"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        after.status = *to;
        after.closed_on = *to == ActionStatus::open ? std::nullopt : std::optional<Date>(london_today(s));
        if (!tx.governance().update_action(after)) throw Failure::stale("action");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), "action.update", "action", id.str(), audit_record(before), audit_record(after));
    });
    return after;
}

}  // namespace assure
