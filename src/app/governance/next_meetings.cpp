// The next meeting of each group a person sits on, for their home page (issue 19 item 1).
#include <algorithm>
#include <set>

#include "app/documents.hpp"
#include "app/next_meetings.hpp"

namespace assure {

std::vector<NextMeeting> my_next_meetings(Services& s, const Actor& actor) {
    require(actor, Permission::view_governance);
    const auto person = person_of(s, actor);
    if (!person) return {};
    const Date today = london_today(s);
    std::vector<NextMeeting> out;
    s.store.read([&](Transaction& tx) {
        std::map<GroupId, std::string> names;
        for (const auto& g : tx.governance().groups(actor.partnership)) names[g.id] = g.name;
        std::set<GroupId> seen;  // a second membership of the same group (a new role) adds nothing
        for (const auto& m : tx.governance().memberships_of(actor.partnership, *person)) {
            if (!member_on(m, today) || !seen.insert(m.group).second) continue;
            MeetingQuery q;
            q.partnership = actor.partnership;
            q.group = m.group;
            q.from = today;
            q.statuses = {MeetingStatus::planned};
            q.attendance_only = true;
            q.page.limit = 1;
            auto next = tx.governance().meetings(q);
            if (next.items.empty()) continue;
            NextMeeting n;
            n.meeting = std::move(next.items.front());
            n.group_name = names[m.group];
            n.role = m.role;
            n.agenda_published_at = tx.mail().agenda_published_at(actor.partnership, n.meeting.id);
            // A meeting's papers are a handful: one page of them is all of them.
            DocumentQuery papers;
            papers.partnership = actor.partnership;
            papers.record_type = DocumentRecord::meeting;
            papers.record_id = n.meeting.id.value;
            papers.page.limit = PageRequest::max_limit;
            n.papers = static_cast<int>(documents_of(tx).documents(papers).items.size());
            out.push_back(std::move(n));
        }
    });
    std::sort(out.begin(), out.end(), [](const NextMeeting& a, const NextMeeting& b) {
        if (a.meeting.on != b.meeting.on) return a.meeting.on < b.meeting.on;
        if (a.meeting.starts_at != b.meeting.starts_at) return a.meeting.starts_at < b.meeting.starts_at;
        return a.meeting.id.value < b.meeting.id.value;
    });
    return out;
}

}  // namespace assure
