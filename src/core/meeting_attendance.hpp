#pragma once
// One meeting's attendance at a glance, as its page sums it up above the list of members.
#include <string>
#include <vector>

#include "core/governance.hpp"

namespace assure {

// Over the members expected on the day (anyone else recorded is not counted): present, deputy,
// apologies, absent, and nothing recorded yet.
struct MeetingAttendance {
    int present = 0;
    int deputy = 0;
    int apologies = 0;
    int absent = 0;
    int not_recorded = 0;
};
MeetingAttendance meeting_attendance(const Meeting& m, const std::vector<PersonId>& expected);
// "9 present, 1 deputy, 2 apologies, 1 absent", leaving out what is none and naming members
// with nothing recorded last ("3 not recorded"); "No members expected" for none.
std::string attendance_in_words(const MeetingAttendance& a);

}  // namespace assure
