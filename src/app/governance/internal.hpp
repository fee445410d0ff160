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
GroupSummary summarise(const Group& g, const std::vector<Group>& groups, const std::vector<Membership>& members,
                       const std::vector<Meeting>& meetings, const std::map<PersonId, Person>& people,
                       const std::vector<Agency>& agencies, Date today);

}  // namespace assure::governance_detail
