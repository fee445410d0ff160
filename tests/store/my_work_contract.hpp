#pragma once
// The store contract for "My work" (issue 19 item 2): one list of what a person owes — open
// meeting actions they own, open improvement actions they lead, their agency's dataset returns
// not yet sent, training they booked still to come — ordered by due date (overdue first) and
// paged by (due, kind, id) without repeats, counted in SQL; what is done, another person's,
// another agency's, past or cancelled, or another partnership's is not theirs.
#include <set>

#include "app/ports/my_work.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class MyWorkContract : public StoreContract<Factory> {
protected:
    static Date d(const char* iso) { return *Date::parse(iso); }
    PersonId person(const std::string& email, AgencyId agency = {}, PartnershipId p = {}) {
        Person x{PersonId{}, p.valid() ? p : this->partnership, "Someone", "Officer", agency, email};
        this->store->write([&](Transaction& tx) { x.id = tx.people().insert(x); });
        return x.id;
    }
    ActionId action(PersonId owner, const char* due, const std::string& text, ActionStatus status = ActionStatus::open) {
        if (!meeting_.valid()) {
            Group g;
            g.partnership = this->partnership;
            g.name = "Group";
            g.active_from = d("2020-01-01");
            this->store->write([&](Transaction& tx) {
                g.id = tx.governance().insert_group(g);
                Meeting m;
                m.partnership = this->partnership;
                m.group = g.id;
                m.on = d("2026-01-05");
                meeting_ = tx.governance().insert_meeting(m);
            });
            group_ = g.id;
        }
        ActionItem a;
        a.partnership = this->partnership;
        a.group = group_;
        a.meeting = meeting_;
        a.text = text;
        a.owner = owner;
        a.due = d(due);
        a.status = status;
        this->store->write([&](Transaction& tx) { a.id = tx.governance().insert_action(a); });
        return a.id;
    }
    void improvement(PersonId lead, AgencyId agency, const char* due, const std::string& text, const char* state = "agreed") {
        Factory::exec("INSERT INTO improvement_actions(partnership_id, agency_id, state, due, text, lead_id) VALUES (" +
                      this->partnership.str() + ", " + agency.str() + ", '" + state + "', '" + due + "', '" + text + "', " + lead.str() + ")");
    }
    void dataset_return(AgencyId agency, const char* period, const char* due, bool sent) {
        Factory::exec("INSERT INTO dataset_returns(partnership_id, agency_id, period, due_on, figures, submitted_on, version) VALUES (" +
                      this->partnership.str() + ", " + agency.str() + ", '" + period + "', '" + due + "', 0, " + (sent ? "'2026-01-01'" : "NULL") +
                      ", 1)");
    }
    void booking(const std::string& email, const char* on, const char* status) {
        ++sessions_;
        const std::string n = std::to_string(sessions_);
        Factory::exec("INSERT INTO training_courses(partnership_id, title, level, outcomes, audience, duration_minutes, priorities_json, created_at) "
                      "VALUES (" + this->partnership.str() + ", 'Course " + n + "', 'basic', '', '', 60, '[]', 1)");
        Factory::exec("INSERT INTO training_sessions(partnership_id, course_id, on_date, starts_at, ends_at, venue, online_link, capacity, trainer, created_at) "
                      "SELECT " + this->partnership.str() + ", id, '" + on + "', '09:30', '12:30', 'Hall', '', 10, 'T', 1 FROM training_courses WHERE title = 'Course " + n + "'");
        Factory::exec("INSERT INTO training_bookings(partnership_id, session_id, name, email, status, booked_at) "
                      "SELECT " + this->partnership.str() + ", id, 'Someone', '" + email + "', '" + status + "', 1 FROM training_sessions WHERE venue = 'Hall' AND on_date = '" + on + "'");
    }
    OwedQuery query(PersonId person, AgencyId agency, const std::string& email, int limit = 50) {
        OwedQuery q;
        q.partnership = this->partnership;
        q.person = person;
        q.agency = agency;
        q.email = email;
        q.today = d("2026-06-15");
        q.page.limit = limit;
        return q;
    }
    Page<OwedItem> owed(const OwedQuery& q) {
        Page<OwedItem> out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<MyWorkTransaction&>(tx).owed().owed(q); });
        return out;
    }
    OwedCounts counts(const OwedQuery& q) {
        OwedCounts out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<MyWorkTransaction&>(tx).owed().count_owed(q); });
        return out;
    }
    MeetingId meeting_;
    GroupId group_;
    int sessions_ = 0;
};

TYPED_TEST_SUITE_P(MyWorkContract);

TYPED_TEST_P(MyWorkContract, EverythingOwedComesInOneListOverdueFirstAndNothingElse) {
    const Agency own = this->agency("Own Trust");
    const Agency other = this->agency("Other Trust");
    const PersonId me = this->person("me@example.org", own.id);
    const PersonId them = this->person("them@example.org", own.id);
    const ActionId late = this->action(me, "2026-05-01", "Circulate the neglect toolkit");
    const ActionId soon = this->action(me, "2026-07-01", "Draft the audit report");
    this->action(me, "2026-04-01", "Done already", ActionStatus::done);
    this->action(them, "2026-04-01", "Someone else's");
    this->improvement(me, own.id, "2026-06-15", "Train every designated lead");
    this->improvement(me, own.id, "2026-03-01", "Completed", "completed");
    this->improvement(them, own.id, "2026-03-01", "Led by another");
    this->dataset_return(own.id, "2026-27-Q1", "2026-06-10", false);
    this->dataset_return(own.id, "2025-26-Q4", "2026-04-10", true);
    this->dataset_return(other.id, "2026-27-Q1", "2026-06-10", false);
    this->booking("me@example.org", "2026-09-01", "waiting");
    this->booking("me@example.org", "2026-06-01", "booked");     // in the past
    this->booking("me@example.org", "2026-10-01", "cancelled");
    this->booking("them@example.org", "2026-08-01", "booked");

    const auto q = this->query(me, own.id, "me@example.org");
    const auto list = this->owed(q);
    ASSERT_EQ(list.items.size(), 5u);
    EXPECT_EQ(list.items[0].kind, OwedKind::meeting_action);
    EXPECT_EQ(list.items[0].id, late.value);
    EXPECT_EQ(list.items[0].due, (Date{2026, 5, 1}));
    EXPECT_EQ(list.items[1].kind, OwedKind::dataset_return);
    EXPECT_EQ(list.items[1].title, "2026-27-Q1");
    EXPECT_EQ(list.items[2].kind, OwedKind::improvement_action);
    EXPECT_EQ(list.items[2].title, "Train every designated lead");
    EXPECT_EQ(list.items[3].id, soon.value);
    EXPECT_EQ(list.items[4].kind, OwedKind::booking);
    EXPECT_EQ(list.items[4].title, "Course 1");
    EXPECT_EQ(list.items[4].detail, "waiting");
    EXPECT_FALSE(list.items[4].id == 0);
    const auto c = this->counts(q);
    EXPECT_EQ(c.owed, 5);
    EXPECT_EQ(c.overdue, 2) << "the action due 1 May and the return due 10 June; due today is not overdue";

    // Without an agency (not an agency lead) no return is theirs; without an email no booking.
    EXPECT_EQ(this->owed(this->query(me, AgencyId{}, "")).items.size(), 3u);
}

TYPED_TEST_P(MyWorkContract, PagesFollowOneAnotherWithoutRepeatsOrGaps) {
    const PersonId me = this->person("me@example.org");
    std::set<std::int64_t> made;
    for (int i = 0; i < 7; ++i) made.insert(this->action(me, i % 2 ? "2026-06-01" : "2026-07-01", "Action " + std::to_string(i)).value);
    auto q = this->query(me, AgencyId{}, "", 2);
    std::set<std::int64_t> seen;
    std::optional<Date> last;
    int pages = 0;
    for (;;) {
        const auto page = this->owed(q);
        ++pages;
        for (const auto& i : page.items) {
            EXPECT_TRUE(seen.insert(i.id).second);
            if (last) {
                EXPECT_LE(*last, *i.due);
            }
            last = i.due;
        }
        if (!page.next) break;
        q.page.after = *page.next;
    }
    EXPECT_EQ(pages, 4);
    EXPECT_EQ(seen, made);
    q.page.after = "junk";
    EXPECT_THROW(this->owed(q), Failure);
}

TYPED_TEST_P(MyWorkContract, AnotherPartnershipsRecordsAreNeverOwed) {
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    const PersonId me = this->person("me@example.org");
    this->action(me, "2026-05-01", "Ours");
    auto q = this->query(me, AgencyId{}, "me@example.org");
    q.partnership = other;
    EXPECT_TRUE(this->owed(q).items.empty());
    EXPECT_EQ(this->counts(q).owed, 0);
}

REGISTER_TYPED_TEST_SUITE_P(MyWorkContract, EverythingOwedComesInOneListOverdueFirstAndNothingElse, PagesFollowOneAnotherWithoutRepeatsOrGaps,
                            AnotherPartnershipsRecordsAreNeverOwed);

}  // namespace assure::testing
