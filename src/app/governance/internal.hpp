#pragma once
// Helpers shared by the governance use cases; not part of the app's interface.
#include <map>
#include <string>

#include "app/governance.hpp"

namespace assure::governance_detail {

Group load_group(Transaction& tx, const Actor& actor, GroupId id);
Meeting load_meeting(Transaction& tx, const Actor& actor, MeetingId id);
// Loads for a change: the meeting as the person saw it, or a stale-version conflict.
Meeting load_meeting_for_change(Transaction& tx, const Actor& actor, MeetingId id, int expected_version);
// Saves the meeting and audits it with before and after.
void save_meeting(Services& s, Transaction& tx, const Actor& actor, const Meeting& before, Meeting& after, const char* action);

std::map<PersonId, Person> people_by_id(Transaction& tx, PartnershipId partnership);
std::map<AgencyId, Agency> agencies_by_id(Transaction& tx, PartnershipId partnership);
std::map<PersonId, AgencyId> person_agencies(const std::map<PersonId, Person>& people);
std::string name_of(const std::map<PersonId, Person>& people, PersonId id);
std::string agency_of(const std::map<PersonId, Person>& people, const std::map<AgencyId, Agency>& agencies, PersonId id);
GroupSummary summarise(const Group& g, const std::vector<Group>& groups, int current_members, const CadenceStatus& cadence,
                       const std::map<PersonId, Person>& people, const std::vector<Agency>& agencies, Date today);

// A group's meetings held (or planned) within the period, each with its heading and attendance but
// not its minutes, agenda or decisions: what attendance rates and the forward plan are worked out from.
std::vector<Meeting> meetings_between(Transaction& tx, PartnershipId partnership, std::optional<GroupId> group, const Period& period);

// The audit trail's own record of each change (its before and after), independent of the API
// and the store, so that changing either leaves the trail's meaning as it was.
std::string audit_record(const Group& g);
std::string audit_record(const Membership& m);
std::string audit_record(const Meeting& m);
std::string audit_record(const ActionItem& a);
std::string audit_record(const Interest& i);

}  // namespace assure::governance_detail
