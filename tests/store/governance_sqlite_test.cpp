// Governance on SQLite only: a stored value this version does not know is refused by name,
// and a database written before migration 0006 (every record its API JSON) upgrades in place
// and reads back through the ports.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/sqlite/store.hpp"
#include "store/sqlite_files.hpp"

namespace assure::testing {
namespace {

// The message of the sql::Error that `work` throws, or "" if it throws none.
template <class Work>
std::string error_of(Work work) {
    try {
        work();
    } catch (const sql::Error& e) {
        return e.what();
    }
    return "";
}

struct Seeded {
    PartnershipId partnership;
    GroupId group;
    MeetingId meeting;
    ActionId action;
};

Seeded seed(Store& store) {
    Seeded s;
    store.write([&](Transaction& tx) {
        s.partnership = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules{});
        Person p;
        p.partnership = s.partnership;
        p.name = "Morgan";
        p.email = "m@example.org";
        const PersonId person = tx.people().insert(p);
        Group g;
        g.partnership = s.partnership;
        g.name = "Core";
        g.active_from = *Date::parse("2025-01-01");
        s.group = tx.governance().insert_group(g);
        Meeting m;
        m.partnership = s.partnership;
        m.group = s.group;
        m.on = *Date::parse("2026-01-05");
        m.status = MeetingStatus::held;
        m.attendance = {{person, Presence::present, ""}};
        s.meeting = tx.governance().insert_meeting(m);
        ActionItem a;
        a.partnership = s.partnership;
        a.group = s.group;
        a.meeting = s.meeting;
        a.owner = person;
        a.text = "Brief";
        a.due = *Date::parse("2026-02-01");
        s.action = tx.governance().insert_action(a);
    });
    return s;
}

}  // namespace

TEST(GovernanceSqliteOnly, AnUnknownStoredValueIsAnErrorNamingTableAndColumn) {
    const auto path = temp_db();
    sqlite::SqliteStore store(path);
    const Seeded s = seed(store);
    {
        // As a newer version, or a hand edit, might leave them; the CHECK on status is set aside to do it.
        sqlite::Connection db(path);
        db.exec("PRAGMA ignore_check_constraints = ON");
        db.exec("UPDATE governance_actions SET status = 'urgent'");
        db.exec("UPDATE governance_groups SET type = 'committee'");
        db.exec("UPDATE governance_attendance SET presence = 'remote'");
    }
    const std::string action = error_of([&] { store.read([&](Transaction& tx) { tx.governance().find_action(s.partnership, s.action); }); });
    EXPECT_NE(action.find("governance_actions.status"), std::string::npos) << action;
    EXPECT_NE(action.find("urgent"), std::string::npos) << action;
    const std::string listed = error_of([&] {
        store.read([&](Transaction& tx) { tx.governance().actions(ActionQuery{.partnership = s.partnership}); });
    });
    EXPECT_NE(listed.find("governance_actions.status"), std::string::npos) << "a list reads as strictly: " << listed;
    const std::string counted = error_of([&] {
        store.read([&](Transaction& tx) { tx.governance().count_actions(ActionQuery{.partnership = s.partnership}, *Date::parse("2026-03-01")); });
    });
    EXPECT_NE(counted.find("governance_actions.status"), std::string::npos) << "so does a count: " << counted;
    const std::string group = error_of([&] { store.read([&](Transaction& tx) { tx.governance().groups(s.partnership); }); });
    EXPECT_NE(group.find("governance_groups.type"), std::string::npos) << group;
    const std::string meeting = error_of([&] { store.read([&](Transaction& tx) { tx.governance().find_meeting(s.partnership, s.meeting); }); });
    EXPECT_NE(meeting.find("governance_attendance.presence"), std::string::npos) << meeting;
    EXPECT_NE(meeting.find("remote"), std::string::npos) << meeting;
    remove_db(path);
}

// What the previous version wrote: each governance record as its API JSON in record_json,
// beside the few columns its queries used (the rows below copy that shape).
TEST(GovernanceMigration, RecordsWrittenBefore0006ReadBackThroughThePortsAfterIt) {
    const auto path = temp_db();
    {
        sqlite::Connection db(path);
        ASSERT_EQ(migrate_only(db, [](int n) { return n <= 5; }), 5);
        db.exec(R"SQL(
INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'Knowsley');
INSERT INTO people(id, partnership_id, name, job_title, email) VALUES (7, 1, 'Helen Marsh', 'Chair', 'h@example.org');
INSERT INTO people(id, partnership_id, name, job_title, email) VALUES (8, 1, 'Pat Police', 'Inspector', 'p@example.org');
INSERT INTO governance_groups(id, partnership_id, name, parent_id, record_json) VALUES (1, 1, 'Strategic Forum', NULL,
 '{"active_from":"2024-04-01","active_to":null,"cadence":"Every 3 months","cadence_months":3,"chair_id":7,"chair_kind":"independent","deputy_id":null,"id":0,"name":"Strategic Forum","parent_id":null,"purpose":"Sets the priorities","quorum":{"kind":"all_statutory_partners","label":"All statutory partners","value":50},"type":"strategic_forum","version":1}');
INSERT INTO governance_groups(id, partnership_id, name, parent_id, record_json) VALUES (2, 1, 'Core Business Group', 1,
 '{"active_from":"2024-04-01","active_to":"2027-03-31","cadence":"Every 2 months","cadence_months":2,"chair_id":null,"chair_kind":"rotating","deputy_id":8,"id":0,"name":"Core Business Group","parent_id":1,"purpose":"","quorum":{"kind":"min_members","label":"At least 3 members","value":3},"rotation":{"months":6,"start":"2024-04-01"},"type":"executive","version":1}');
UPDATE governance_groups SET version = 3 WHERE id = 2;
INSERT INTO governance_members(id, group_id, person_id, record_json) VALUES (1, 2, 8,
 '{"code":"SP","end":"2026-03-31","group_id":2,"id":0,"nominated_deputy":"DI Jones","person_id":8,"priority":"Exploitation","role":"thematic_lead","start":"2024-04-01","version":1}');
INSERT INTO governance_meetings(id, partnership_id, group_id, held_on, status, record_json) VALUES (1, 1, 2, '2025-06-10', 'held',
 '{"agenda":[{"number":1,"owner_id":7,"paper_link":"https://example.org/p.pdf","title":"Performance"}],"attendance":[{"deputy_name":"DS Smith","person_id":8,"presence":"deputy"}],"cancel_reason":"","decisions":[{"number":1,"text":"Adopt the tool"}],"group_id":2,"id":0,"minutes":"## Minutes","minutes_long":90,"on":"2025-06-10","online":true,"place":"Town hall","starts_at":"14:00","status":"held","theme":"Neglect","version":1}');
INSERT INTO governance_meetings(id, partnership_id, group_id, held_on, status, record_json) VALUES (2, 1, 2, '2025-08-10', 'cancelled',
 '{"agenda":[],"attendance":[],"cancel_reason":"Not quorate","decisions":[],"group_id":2,"id":0,"minutes":"","minutes_long":120,"on":"2025-08-10","online":false,"place":"","starts_at":"10:00","status":"cancelled","theme":"","version":1}');
INSERT INTO governance_actions(id, partnership_id, meeting_id, owner_person_id, due_on, status, record_json) VALUES (1, 1, 1, 8, '2025-07-01', 'done',
 '{"closed_on":"2025-06-30","due":"2025-07-01","group_id":2,"id":0,"meeting_id":1,"note":"Briefed","owner_id":8,"status":"done","text":"Brief every school","version":1}');
UPDATE governance_actions SET version = 2 WHERE id = 1;
INSERT INTO governance_actions(id, partnership_id, meeting_id, owner_person_id, due_on, status, record_json) VALUES (2, 1, 1, 7, '2025-09-01', 'open',
 '{"closed_on":null,"due":"2025-09-01","group_id":2,"id":0,"meeting_id":1,"note":"","owner_id":7,"status":"open","text":"Report to the forum","version":1}');
INSERT INTO governance_interests(id, partnership_id, person_id, interest, declared_on, meeting_id, agenda_item, recorded_by)
 VALUES (1, 1, 8, 'Trustee of a charity', '2025-06-10', 1, 1, 'BU');
)SQL");
    }
    sqlite::SqliteStore store(path);  // applies 0006
    store.read([&](Transaction& tx) {
        const PartnershipId p{1};
        const auto groups = tx.governance().groups(p);
        ASSERT_EQ(groups.size(), 2U);
        EXPECT_EQ(groups[0].type, GroupType::strategic_forum);
        EXPECT_EQ(groups[0].chair_kind, ChairKind::independent);
        EXPECT_EQ(groups[0].chair, PersonId{7});
        EXPECT_EQ(groups[0].purpose, "Sets the priorities");
        EXPECT_EQ(groups[0].quorum.kind, QuorumKind::all_statutory_partners);
        EXPECT_FALSE(groups[0].active_to);
        const Group& core = groups[1];
        EXPECT_EQ(core.type, GroupType::executive);
        EXPECT_EQ(core.parent, GroupId{1});
        EXPECT_EQ(core.chair_kind, ChairKind::rotating);
        EXPECT_EQ(core.rotation_months, 6);
        EXPECT_EQ(core.rotation_start.iso(), "2024-04-01");
        EXPECT_EQ(core.deputy, PersonId{8});
        EXPECT_EQ(core.cadence_months, 2);
        EXPECT_EQ(core.quorum.kind, QuorumKind::min_members);
        EXPECT_EQ(core.quorum.value, 3);
        EXPECT_EQ(core.active_to->iso(), "2027-03-31");
        EXPECT_EQ(core.version, 3) << "the version column is kept";

        const auto members = tx.governance().memberships_of(p, PersonId{8});
        ASSERT_EQ(members.size(), 1U);
        EXPECT_EQ(members[0].code, MembershipCode::SP);
        EXPECT_EQ(members[0].role, MemberRole::thematic_lead);
        EXPECT_EQ(members[0].priority, "Exploitation");
        EXPECT_EQ(members[0].start.iso(), "2024-04-01");
        EXPECT_EQ(members[0].end->iso(), "2026-03-31");
        EXPECT_EQ(members[0].nominated_deputy, "DI Jones");

        const auto held = tx.governance().find_meeting(p, MeetingId{1});
        ASSERT_TRUE(held);
        EXPECT_EQ(held->status, MeetingStatus::held);
        EXPECT_EQ(held->on.iso(), "2025-06-10");
        EXPECT_EQ(held->starts_at, "14:00");
        EXPECT_EQ(held->minutes_long, 90);
        EXPECT_EQ(held->place, "Town hall");
        EXPECT_TRUE(held->online);
        EXPECT_EQ(held->theme, "Neglect");
        EXPECT_EQ(held->minutes, "## Minutes");
        ASSERT_EQ(held->agenda.size(), 1U);
        EXPECT_EQ(held->agenda[0].owner, PersonId{7});
        EXPECT_EQ(held->agenda[0].paper_link, "https://example.org/p.pdf");
        ASSERT_EQ(held->attendance.size(), 1U);
        EXPECT_EQ(held->attendance[0].presence, Presence::deputy);
        EXPECT_EQ(held->attendance[0].deputy_name, "DS Smith");
        ASSERT_EQ(held->decisions.size(), 1U);
        EXPECT_EQ(held->decisions[0].text, "Adopt the tool");
        const auto cancelled = tx.governance().find_meeting(p, MeetingId{2});
        ASSERT_TRUE(cancelled);
        EXPECT_EQ(cancelled->cancel_reason, "Not quorate");
        EXPECT_FALSE(cancelled->online);
        EXPECT_TRUE(cancelled->agenda.empty());

        const auto actions = tx.governance().actions(ActionQuery{.partnership = p}).items;
        ASSERT_EQ(actions.size(), 2U);
        EXPECT_EQ(actions[0].text, "Brief every school");
        EXPECT_EQ(actions[0].status, ActionStatus::done);
        EXPECT_EQ(actions[0].closed_on->iso(), "2025-06-30");
        EXPECT_EQ(actions[0].note, "Briefed");
        EXPECT_EQ(actions[0].group, GroupId{2});
        EXPECT_EQ(actions[0].version, 2);
        EXPECT_EQ(actions[1].owner, PersonId{7});
        EXPECT_FALSE(actions[1].closed_on);
        EXPECT_EQ(tx.governance().count_actions(ActionQuery{.partnership = p}, *Date::parse("2025-10-01")).overdue, 1);

        const auto interests = tx.governance().interests(InterestQuery{.partnership = p, .meeting = MeetingId{1}}).items;
        ASSERT_EQ(interests.size(), 1U);
        EXPECT_EQ(interests[0].interest, "Trustee of a charity");
    });
    remove_db(path);
}

}  // namespace assure::testing
