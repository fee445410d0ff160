// Loading, naming and summarising shared by the governance use cases.
#include <algorithm>

#include "core/date_words.hpp"
#include "app/governance/internal.hpp"

namespace assure::governance_detail {

Group load_group(Transaction& tx, const Actor& actor, GroupId id) {
    auto g = tx.governance().find_group(actor.partnership, id);
    if (!g) throw Failure::not_found("group " + id.str());
    return *g;
}

Meeting load_meeting(Transaction& tx, const Actor& actor, MeetingId id) {
    auto m = tx.governance().find_meeting(actor.partnership, id);
    if (!m) throw Failure::not_found("meeting " + id.str());
    return *m;
}

Meeting load_meeting_for_change(Transaction& tx, const Actor& actor, MeetingId id, int expected_version) {
    Meeting m = load_meeting(tx, actor, id);
    if (m.version != expected_version) throw Failure::stale("meeting");
    return m;
}

void save_meeting(Services& s, Transaction& tx, const Actor& actor, const Meeting& before, Meeting& after, const char* action) {
    if (!tx.governance().update_meeting(after)) throw Failure::stale("meeting");
    const std::string before_json = audit_record(before);
    ++after.version;
    record_audit(tx, actor, s.clock.now(), action, "meeting", after.id.str(), before_json, audit_record(after));
}

std::map<PersonId, Person> people_by_id(Transaction& tx, PartnershipId partnership) {
    std::map<PersonId, Person> out;
    for (auto& p : tx.people().list(partnership, PersonFilter{std::nullopt, true})) out[p.id] = p;
    return out;
}

std::map<AgencyId, Agency> agencies_by_id(Transaction& tx, PartnershipId partnership) {
    std::map<AgencyId, Agency> out;
    for (auto& a : tx.agencies().list(partnership, true)) out[a.id] = a;
    return out;
}

std::map<PersonId, AgencyId> person_agencies(const std::map<PersonId, Person>& people) {
    std::map<PersonId, AgencyId> out;
    for (const auto& [id, p] : people) if (p.agency.valid()) out[id] = p.agency;
    return out;
}

std::string name_of(const std::map<PersonId, Person>& people, PersonId id) {
    const auto it = people.find(id);
    return it == people.end() ? std::string() : it->second.name;
}

std::string agency_of(const std::map<PersonId, Person>& people, const std::map<AgencyId, Agency>& agencies, PersonId id) {
    const auto it = people.find(id);
    if (it == people.end() || !it->second.agency.valid()) return "Independent";
    const auto a = agencies.find(it->second.agency);
    return a == agencies.end() ? std::string() : a->second.name;
}

GroupSummary summarise(const Group& g, const std::vector<Group>& groups, int current_members, const CadenceStatus& cadence,
                       const std::map<PersonId, Person>& people, const std::vector<Agency>& agencies, Date today) {
    GroupSummary out;
    out.group = g;
    out.cadence = cadence;
    out.members = current_members;
    if (g.chair_kind == ChairKind::rotating) {
        const StatutoryRole role = rotating_chair_on(g, today);
        const auto a = std::find_if(agencies.begin(), agencies.end(), [&](const Agency& x) {
            return x.kind == AgencyKind::statutory_partner && x.statutory_role == role;
        });
        out.chair_label = (a == agencies.end() ? std::string(statutory_role_label(role)) : a->name) +
                          " (rotating; this turn ends " + date_in_words(rotation_ends(g, today)) + ")";
    } else {
        out.chair_label = name_of(people, g.chair);
        if (out.chair_label.empty()) out.chair_label = "Not named";
        if (g.chair_kind == ChairKind::independent) out.chair_label += " (independent)";
    }
    for (const auto& p : groups) if (p.id == g.parent) out.parent_name = p.name;
    return out;
}

std::vector<Meeting> meetings_between(Transaction& tx, PartnershipId partnership, std::optional<GroupId> group, const Period& period) {
    MeetingQuery q;
    q.partnership = partnership;
    q.group = group;
    q.from = period.from;
    q.to = period.to;
    q.attendance_only = true;
    return every_page(q, [&](const MeetingQuery& page) { return tx.governance().meetings(page); });
}

}  // namespace assure::governance_detail
