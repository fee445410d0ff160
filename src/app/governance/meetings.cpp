// Meetings: scheduling, holding or cancelling, attendance, agenda, decisions and minutes.
#include <algorithm>

#include "core/date_words.hpp"
#include "app/governance/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace governance_detail;

namespace {

void require_not_cancelled(const Meeting& m) {
    if (m.status == MeetingStatus::cancelled) {
        throw Failure::invalid({{"status", "This meeting was cancelled; schedule a new meeting instead"}});
    }
}

}  // namespace

Meeting schedule_meeting(Services& s, const Actor& actor, GroupId group, const MeetingInput& input) {
    require(actor, Permission::manage_governance);
    Meeting m;
    s.store.write([&](Transaction& tx) {
        const Group g = load_group(tx, actor, group);
        m.group = group;
        m.partnership = actor.partnership;
        if (auto errors = validate_meeting(input, g, m); !errors.empty()) throw Failure::invalid(std::move(errors));
        m.id = tx.governance().insert_meeting(m);
        record_audit(tx, actor, s.clock.now(), "meeting.schedule", "meeting", m.id.str(), "", audit_record(m));
    });
    return m;
}

MeetingView read_meeting(Services& s, const Actor& actor, MeetingId id) {
    require(actor, Permission::view_governance);
    MeetingView v;
    s.store.read([&](Transaction& tx) {
        v.meeting = load_meeting(tx, actor, id);
        v.group = load_group(tx, actor, v.meeting.group);
        const auto members = tx.governance().memberships(actor.partnership, v.group.id);
        const auto people = people_by_id(tx, actor.partnership);
        const auto agencies = agencies_by_id(tx, actor.partnership);
        const GovernanceRules rules = rules_of(tx, actor.partnership).governance;
        const Period window = attendance_window(rules, london_today(s));
        const auto rates = member_rates(members, meetings_between(tx, actor.partnership, v.group.id, window), window, rules);
        for (const auto& m : members) {
            if (!member_on(m, v.meeting.on)) continue;
            if (std::any_of(v.expected.begin(), v.expected.end(), [&](const MemberLine& l) { return l.person.id == m.person; })) continue;
            MemberLine line;
            line.membership = m;
            if (auto p = people.find(m.person); p != people.end()) line.person = p->second;
            line.agency_name = agency_of(people, agencies, m.person);
            line.current = true;
            for (const auto& r : rates) if (r.person == m.person) line.rate = r;
            v.expected.push_back(line);
        }
        if (v.meeting.status == MeetingStatus::held) {
            std::vector<Agency> agency_list;
            for (const auto& [_, a] : agencies) agency_list.push_back(a);
            v.quorum = quorum_of(v.group, v.meeting, members, person_agencies(people), agency_list);
        }
        ActionQuery actions;
        actions.partnership = actor.partnership;
        actions.meeting = id;
        v.actions = every_page(actions, [&](const ActionQuery& q) { return tx.governance().actions(q); });
        InterestQuery interests;
        interests.partnership = actor.partnership;
        interests.meeting = id;
        v.interests = every_page(interests, [&](const InterestQuery& q) { return tx.governance().interests(q); });
        v.agenda_published_at = tx.mail().agenda_published_at(actor.partnership, id);
    });
    return v;
}

void set_meeting_status(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& status,
                        const std::string& reason) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting before = load_meeting_for_change(tx, actor, id, expected_version);
        Meeting after = before;
        const auto to = parse_meeting_status(status);
        if (!to || *to == MeetingStatus::planned) throw Failure::invalid({{"status", "Select whether the meeting was held or cancelled"}});
        require_not_cancelled(before);
        if (*to == MeetingStatus::held && london_today(s) < before.on) {
            throw Failure::invalid({{"status", "A meeting cannot be marked as held before its date, " + date_in_words(before.on)}});
        }
        if (*to == MeetingStatus::cancelled) {
            after.cancel_reason = trim(reason);
            if (after.cancel_reason.empty()) throw Failure::invalid({{"reason", "Enter why the meeting was cancelled"}});
            if (char_count(after.cancel_reason) > 500) throw Failure::invalid({{"reason", "Reason must be 500 characters or fewer"}});
            if (!before.attendance.empty()) {
                throw Failure::invalid({{"status", "Attendance has been recorded for this meeting, so it was held and cannot be cancelled"}});
            }
        }
        after.status = *to;
        save_meeting(s, tx, actor, before, after, *to == MeetingStatus::held ? "meeting.held" : "meeting.cancel");
    });
}

void record_attendance(Services& s, const Actor& actor, MeetingId id, int expected_version,
                       const std::vector<AttendanceInput>& rows) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting before = load_meeting_for_change(tx, actor, id, expected_version);
        require_not_cancelled(before);
        if (london_today(s) < before.on) {
            throw Failure::invalid({{"attendance", "Attendance can be recorded on or after the day of the meeting, " + date_in_words(before.on)}});
        }
        Meeting after = before;
        const auto members = tx.governance().memberships(actor.partnership, before.group);
        if (auto errors = validate_attendance(rows, before, members, after.attendance); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        after.status = MeetingStatus::held;
        save_meeting(s, tx, actor, before, after, "meeting.attendance");
    });
}

void add_agenda_item(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& title,
                     const std::string& owner_id, const std::string& paper_link) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting before = load_meeting_for_change(tx, actor, id, expected_version);
        require_not_cancelled(before);
        Meeting after = before;
        AgendaItem item;
        item.number = static_cast<int>(before.agenda.size()) + 1;
        item.title = trim(title);
        item.paper_link = trim(paper_link);
        FieldErrors errors;
        if (item.title.empty()) errors.push_back({"title", "Enter the agenda item"});
        if (char_count(item.title) > 300) errors.push_back({"title", "Agenda item must be 300 characters or fewer"});
        if (!item.paper_link.empty() && item.paper_link.rfind("https://", 0) != 0 && item.paper_link.rfind("http://", 0) != 0) {
            errors.push_back({"paper_link", "Enter the paper's link as a web address starting with https://"});
        }
        if (char_count(item.paper_link) > 1000) errors.push_back({"paper_link", "Link must be 1000 characters or fewer"});
        const std::string owner = trim(owner_id);
        if (!owner.empty() && owner != "none") {
            const auto people = tx.people().list(actor.partnership, PersonFilter{});
            const auto it = std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id.str() == owner; });
            if (it == people.end()) errors.push_back({"owner_id", "Select the item's owner from the directory"});
            else item.owner = it->id;
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        after.agenda.push_back(item);
        save_meeting(s, tx, actor, before, after, "meeting.agenda");
    });
}

void add_decision(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& text) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting before = load_meeting_for_change(tx, actor, id, expected_version);
        if (before.status != MeetingStatus::held) {
            throw Failure::invalid({{"decision", "Decisions are recorded for a meeting that has been held"}});
        }
        const std::string t = trim(text);
        if (t.empty()) throw Failure::invalid({{"decision", "Enter the decision"}});
        if (char_count(t) > 2000) throw Failure::invalid({{"decision", "Decision must be 2000 characters or fewer"}});
        Meeting after = before;
        after.decisions.push_back({static_cast<int>(before.decisions.size()) + 1, t});
        save_meeting(s, tx, actor, before, after, "meeting.decision");
    });
}

void save_minutes(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& markdown) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting before = load_meeting_for_change(tx, actor, id, expected_version);
        if (before.status != MeetingStatus::held) throw Failure::invalid({{"minutes", "Minutes are written for a meeting that has been held"}});
        Meeting after = before;
        after.minutes = trim(markdown);
        if (char_count(after.minutes) > 100000) throw Failure::invalid({{"minutes", "Minutes must be 100,000 characters or fewer"}});
        save_meeting(s, tx, actor, before, after, "meeting.minutes");
    });
}

}  // namespace assure
