#pragma once
// Use case: the next meeting of each group the signed-in person sits on, for their home page
// (issue 19 item 1).
#include <optional>
#include <string>
#include <vector>

#include "app/governance.hpp"

namespace assure {

struct NextMeeting {
    Meeting meeting;  // its heading only: no agenda, attendance or minutes
    std::string group_name;
    MemberRole role = MemberRole::member;  // the person's in that group
    std::optional<Instant> agenda_published_at;
    int papers = 0;  // documents attached to the meeting
};

// One per group the person is a member of today that has a meeting planned from today, soonest
// first. None for an account that is no one in the directory.
std::vector<NextMeeting> my_next_meetings(Services& s, const Actor& actor);

}  // namespace assure
