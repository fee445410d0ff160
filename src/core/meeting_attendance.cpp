// One meeting's attendance summed up over the members expected that day.
#include "core/meeting_attendance.hpp"

#include <algorithm>

namespace assure {

MeetingAttendance meeting_attendance(const Meeting& m, const std::vector<PersonId>& expected) {
    MeetingAttendance out;
    for (const auto& person : expected) {
        const auto r = std::find_if(m.attendance.begin(), m.attendance.end(), [&](const AttendanceRecord& x) { return x.person == person; });
        if (r == m.attendance.end()) {
            ++out.not_recorded;
            continue;
        }
        switch (r->presence) {
            case Presence::present: ++out.present; break;
            case Presence::deputy: ++out.deputy; break;
            case Presence::apologies: ++out.apologies; break;
            case Presence::absent: ++out.absent; break;
        }
    }
    return out;
}

std::string attendance_in_words(const MeetingAttendance& a) {
    std::string out;
    auto part = [&](int n, const char* one, const char* many) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    part(a.present, "present", "present");
    part(a.deputy, "deputy", "deputies");
    part(a.apologies, "apology", "apologies");
    part(a.absent, "absent", "absent");
    part(a.not_recorded, "not recorded", "not recorded");
    return out.empty() ? "No members expected" : out;
}

}  // namespace assure
