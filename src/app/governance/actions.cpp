// The action log: actions minuted at meetings, owned by a person, due by a date.
#include <algorithm>

#include "app/governance/internal.hpp"
#include "app/governance_json.hpp"
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
        record_audit(tx, actor, s.clock.now(), "action.create", "action", a.id.str(), "", to_json(a).dump());
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

std::vector<ActionLine> list_actions(Services& s, const Actor& actor, const ActionFilter& filter) {
    require(actor, Permission::view_governance);
    std::vector<ActionLine> out;
    s.store.read([&](Transaction& tx) {
        const auto people = people_by_id(tx, actor.partnership);
        const auto agencies = agencies_by_id(tx, actor.partnership);
        std::map<GroupId, std::string> groups;
        for (const auto& g : tx.governance().groups(actor.partnership)) groups[g.id] = g.name;
        std::map<MeetingId, Date> meetings;
        for (const auto& m : tx.governance().meetings(actor.partnership, std::nullopt)) meetings[m.id] = m.on;
        const Date today = london_today(s);
        for (const auto& a : tx.governance().actions(actor.partnership)) {
            const bool overdue = action_overdue(a, today);
            if (filter.open_only && a.status != ActionStatus::open) continue;
            if (filter.overdue_only && !overdue) continue;
            if (filter.owner && a.owner != *filter.owner) continue;
            if (filter.group && a.group != *filter.group) continue;
            out.push_back({a, name_of(people, a.owner), agency_of(people, agencies, a.owner), groups[a.group], meetings[a.meeting], overdue});
        }
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
        record_audit(tx, actor, s.clock.now(), "action.update", "action", id.str(), to_json(before).dump(), to_json(after).dump());
    });
    return after;
}

}  // namespace assure
