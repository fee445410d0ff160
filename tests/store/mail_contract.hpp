#pragma once
// The store contract for mail: a message round-trips whole; the outbox pages newest first and
// filters by status in SQL; the sender's claim takes only what is due and unsent, soonest
// first, and holds it; failures count and keep their error; a reminder is recorded once per
// case, milestone and day by the database's unique key; partnerships stay apart; an unknown
// stored kind is an error naming its column. Every backend instantiates it.
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class MailContract : public StoreContract<Factory> {
protected:
    MailMessage message(const std::string& to, Instant created, PartnershipId p = {}) {
        MailMessage m;
        m.partnership = p.valid() ? p : this->partnership;
        m.kind = MailKind::milestone_reminder;
        m.to = to;
        m.subject = "Subject for " + to;
        m.body = "Line one\nLine two: Café";
        m.created_at = created;
        m.next_attempt_at = created;
        return m;
    }
    MailId queue(const MailMessage& m) {
        MailId id;
        this->store->write([&](Transaction& tx) { id = tx.mail().queue(m); });
        return id;
    }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, MailRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.mail()); });
        return out;
    }
    template <class F>
    auto write(F f) {
        std::invoke_result_t<F, MailRepo&> out{};
        this->store->write([&](Transaction& tx) { out = f(tx.mail()); });
        return out;
    }
    std::vector<std::string> addresses(const OutboxQuery& q) {
        std::vector<std::string> out;
        for (const auto& m : read([&](MailRepo& r) { return r.outbox(q); }).items) out.push_back(m.to);
        return out;
    }
    UserId user(const std::string& email, PartnershipId p = {}) {
        UserId id;
        this->store->write([&](Transaction& tx) {
            const auto pid = tx.people().insert(Person{PersonId{}, p.valid() ? p : this->partnership, email, "", AgencyId{}, email});
            User u;
            u.partnership = p.valid() ? p : this->partnership;
            u.person = pid;
            u.email = email;
            u.password_hash = "h";
            u.role = Role::member;
            id = tx.users().insert(u);
        });
        return id;
    }
    OutboxQuery query(std::optional<MailStatus> status = std::nullopt, int limit = 50) {
        OutboxQuery q;
        q.partnership = this->partnership;
        q.status = status;
        q.page.limit = limit;
        return q;
    }
};

TYPED_TEST_SUITE_P(MailContract);

TYPED_TEST_P(MailContract, AMessageRoundTripsWhole) {
    const auto m = this->message("officer@example.org", 1'795'000'000);
    const MailId id = this->queue(m);
    const auto found = this->read([&](MailRepo& r) { return r.find(this->partnership, id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->partnership, this->partnership);
    EXPECT_EQ(found->kind, MailKind::milestone_reminder);
    EXPECT_EQ(found->to, "officer@example.org");
    EXPECT_EQ(found->subject, m.subject);
    EXPECT_EQ(found->body, "Line one\nLine two: Café");
    EXPECT_EQ(found->created_at, 1'795'000'000);
    EXPECT_EQ(found->next_attempt_at, 1'795'000'000);
    EXPECT_EQ(found->attempts, 0);
    EXPECT_EQ(found->last_error, "");
    EXPECT_FALSE(found->sent_at);
}

TYPED_TEST_P(MailContract, TheOutboxPagesNewestFirstAndFiltersByStatusInSql) {
    // Two at the same instant: the id breaks the tie, newest first.
    const MailId a = this->queue(this->message("a@example.org", 100));
    const MailId b = this->queue(this->message("b@example.org", 200));
    this->queue(this->message("c@example.org", 200));
    this->queue(this->message("d@example.org", 300));
    const PartnershipId other = [&] {
        PartnershipId p;
        this->store->write([&](Transaction& tx) { p = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
        return p;
    }();
    this->queue(this->message("other@example.org", 400, other));
    this->write([&](MailRepo& r) {
        r.mark_sent(a, 150);
        r.mark_failed(b, "550 mailbox unavailable", 900);
        return 0;
    });

    EXPECT_EQ(this->addresses(this->query()), (std::vector<std::string>{"d@example.org", "c@example.org", "b@example.org", "a@example.org"}));
    EXPECT_EQ(this->addresses(this->query(MailStatus::waiting)), (std::vector<std::string>{"d@example.org", "c@example.org"}));
    EXPECT_EQ(this->addresses(this->query(MailStatus::failing)), (std::vector<std::string>{"b@example.org"}));
    EXPECT_EQ(this->addresses(this->query(MailStatus::sent)), (std::vector<std::string>{"a@example.org"}));

    auto q = this->query(std::nullopt, 2);
    std::vector<std::string> seen;
    int pages = 0;
    while (true) {
        const auto page = this->read([&](MailRepo& r) { return r.outbox(q); });
        ++pages;
        for (const auto& m : page.items) seen.push_back(m.to);
        if (!page.next) break;
        q.page.after = *page.next;
    }
    EXPECT_EQ(pages, 2);
    EXPECT_EQ(seen, (std::vector<std::string>{"d@example.org", "c@example.org", "b@example.org", "a@example.org"}));

    const auto counts = this->read([&](MailRepo& r) { return r.count(this->partnership); });
    EXPECT_EQ(counts.waiting, 2);
    EXPECT_EQ(counts.failing, 1);
    EXPECT_EQ(counts.sent, 1);
    EXPECT_FALSE(this->read([&](MailRepo& r) { return r.find(this->partnership, MailId{a.value + 4}); })) << "another partnership's";
}

TYPED_TEST_P(MailContract, TheClaimTakesOnlyDueUnsentMessagesSoonestFirstAndHoldsThem) {
    auto later = this->message("later@example.org", 100);
    later.next_attempt_at = 500;
    this->queue(later);
    const MailId sent = this->queue(this->message("sent@example.org", 50));
    this->queue(this->message("second@example.org", 200));
    this->queue(this->message("first@example.org", 150));
    this->write([&](MailRepo& r) {
        r.mark_sent(sent, 60);
        return 0;
    });
    const auto claimed = this->write([&](MailRepo& r) { return r.claim_due(300, 600, 10); });
    std::vector<std::string> to;
    for (const auto& m : claimed) to.push_back(m.to);
    EXPECT_EQ(to, (std::vector<std::string>{"first@example.org", "second@example.org"}));
    EXPECT_TRUE(this->write([&](MailRepo& r) { return r.claim_due(300, 600, 10); }).empty()) << "held until 600";
    EXPECT_EQ(this->write([&](MailRepo& r) { return r.claim_due(550, 900, 10); }).size(), 1u) << "'later' came due at 500";
    EXPECT_EQ(this->write([&](MailRepo& r) { return r.claim_due(600, 900, 1); }).size(), 1u) << "the limit holds";
}

TYPED_TEST_P(MailContract, FailuresCountAndKeepTheirErrorAndSendingEndsThem) {
    const MailId id = this->queue(this->message("a@example.org", 100));
    this->write([&](MailRepo& r) {
        r.mark_failed(id, "Couldn't connect to server", 160);
        r.mark_failed(id, "421 try again later", 280);
        return 0;
    });
    auto m = *this->read([&](MailRepo& r) { return r.find(this->partnership, id); });
    EXPECT_EQ(m.attempts, 2);
    EXPECT_EQ(m.last_error, "421 try again later");
    EXPECT_EQ(m.next_attempt_at, 280);
    this->write([&](MailRepo& r) {
        r.mark_sent(id, 300);
        r.mark_failed(id, "too late", 999);  // a late report of a failure changes a sent message not at all
        r.mark_sent(id, 400);
        return 0;
    });
    m = *this->read([&](MailRepo& r) { return r.find(this->partnership, id); });
    EXPECT_EQ(m.sent_at, 300);
    EXPECT_EQ(m.attempts, 2);
    EXPECT_EQ(m.last_error, "");
}

TYPED_TEST_P(MailContract, AReminderIsRecordedOncePerCaseMilestoneAndDay) {
    Case c;
    c.partnership = this->partnership;
    c.reference = "SI-2026-01";
    c.became_aware_on = *Date::parse("2026-11-20");
    c.incident_on = c.became_aware_on;
    c.children = {{"Child A"}};
    CaseId id;
    this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    const Date day = *Date::parse("2026-11-25");
    const auto record = [&](const char* milestone, Date on) {
        return this->write([&](MailRepo& r) { return r.record_reminder(this->partnership, id, milestone, on); });
    };
    EXPECT_TRUE(record("notify_panel", day));
    EXPECT_FALSE(record("notify_panel", day));
    EXPECT_TRUE(record("inform_partners", day));
    EXPECT_TRUE(record("notify_panel", *Date::parse("2026-11-27")));
}

TYPED_TEST_P(MailContract, AnUnknownStoredKindIsAnErrorNamingTheColumn) {
    const MailId id = this->queue(this->message("a@example.org", 100));
    TypeParam::exec("UPDATE mail_outbox SET kind = 'carrier_pigeon' WHERE id = " + id.str());
    try {
        this->read([&](MailRepo& r) { return r.find(this->partnership, id); });
        ADD_FAILURE() << "an unknown kind was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("mail_outbox.kind"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(MailContract, ADueReminderIsRecordedOncePerRecordStageAndDueDate) {
    const Date due = *Date::parse("2026-12-08");
    const auto record = [&](const char* rec, ReminderStage stage, Date due_on, const char* on) {
        return this->write([&](MailRepo& r) { return r.record_due_reminder(this->partnership, rec, stage, due_on, *Date::parse(on)); });
    };
    EXPECT_TRUE(record("improvement:4", ReminderStage::coming_due, due, "2026-12-01"));
    EXPECT_FALSE(record("improvement:4", ReminderStage::coming_due, due, "2026-12-01")) << "a second run that day";
    EXPECT_FALSE(record("improvement:4", ReminderStage::coming_due, due, "2026-12-02")) << "nor the next day: once per due date";
    EXPECT_TRUE(record("improvement:4", ReminderStage::overdue, due, "2026-12-09"));
    EXPECT_TRUE(record("improvement:4", ReminderStage::coming_due, *Date::parse("2027-01-08"), "2026-12-31")) << "a new due date";
    EXPECT_TRUE(record("meeting_action:4", ReminderStage::coming_due, due, "2026-12-01")) << "another record";
    EXPECT_THROW(TypeParam::exec("INSERT INTO mail_due_reminders(partnership_id, record, stage, due_on, reminded_on) VALUES (" +
                                 this->partnership.str() + ", 'x', 'someday', '2026-12-01', '2026-12-01')"),
                 std::exception)
        << "the stage is checked by the database";
}

TYPED_TEST_P(MailContract, PreferencesRoundTripAndAreReplacedWhole) {
    const UserId ann = this->user("ann@example.org");
    const UserId bob = this->user("bob@example.org");
    EXPECT_FALSE(this->read([&](MailRepo& r) { return r.preferences(ann); }));
    MailPreferences p;
    p.user = ann;
    p.partnership = this->partnership;
    p.digest = true;
    p.return_reminders = false;
    this->write([&](MailRepo& r) { r.put_preferences(p, 100); return 0; });
    auto found = this->read([&](MailRepo& r) { return r.preferences(ann); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user, ann);
    EXPECT_EQ(found->partnership, this->partnership);
    EXPECT_TRUE(found->digest);
    EXPECT_TRUE(found->action_reminders);
    EXPECT_FALSE(found->return_reminders);
    EXPECT_TRUE(found->agenda_published);
    p.digest = false;
    p.agenda_published = false;
    this->write([&](MailRepo& r) { r.put_preferences(p, 200); return 0; });
    found = this->read([&](MailRepo& r) { return r.preferences(ann); });
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->digest);
    EXPECT_FALSE(found->agenda_published);
    const auto all = this->read([&](MailRepo& r) { return r.preferences_of(this->partnership); });
    ASSERT_EQ(all.size(), 1u) << "one row per person, replaced";
    EXPECT_EQ(all[0].user, ann);
    EXPECT_FALSE(this->read([&](MailRepo& r) { return r.preferences(bob); }));
}

TYPED_TEST_P(MailContract, DigestItemsAreTakenOnceByPersonOldestFirstAndPartnershipsStayApart) {
    const UserId ann = this->user("ann@example.org");
    const UserId bob = this->user("bob@example.org");
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    const UserId cy = this->user("cy@example.org", other);
    this->write([&](MailRepo& r) {
        r.add_digest_item({this->partnership, bob, MailKind::action_reminder, "Bob one", "b1", 10});
        r.add_digest_item({this->partnership, ann, MailKind::return_reminder, "Ann one", "a1", 11});
        r.add_digest_item({other, cy, MailKind::agenda_published, "Cy one", "c1", 12});
        r.add_digest_item({this->partnership, ann, MailKind::agenda_published, "Ann two", "a2\nline", 13});
        return 0;
    });
    const auto taken = this->write([&](MailRepo& r) { return r.take_digest_items(this->partnership); });
    ASSERT_EQ(taken.size(), 3u);
    EXPECT_EQ(taken[0].subject, "Ann one");
    EXPECT_EQ(taken[0].kind, MailKind::return_reminder);
    EXPECT_EQ(taken[0].user, ann);
    EXPECT_EQ(taken[1].subject, "Ann two");
    EXPECT_EQ(taken[1].body, "a2\nline");
    EXPECT_EQ(taken[1].created_at, 13);
    EXPECT_EQ(taken[2].subject, "Bob one");
    EXPECT_TRUE(this->write([&](MailRepo& r) { return r.take_digest_items(this->partnership); }).empty()) << "taken once";
    const auto theirs = this->write([&](MailRepo& r) { return r.take_digest_items(other); });
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_EQ(theirs[0].subject, "Cy one");
}

TYPED_TEST_P(MailContract, AnAgendaIsPublishedOnce) {
    MeetingId meeting;
    this->store->write([&](Transaction& tx) {
        Group g;
        g.partnership = this->partnership;
        g.name = "Core";
        g.active_from = *Date::parse("2020-01-01");
        g.cadence_months = 3;
        Meeting m;
        m.partnership = this->partnership;
        m.group = tx.governance().insert_group(g);
        m.on = *Date::parse("2026-12-08");
        meeting = tx.governance().insert_meeting(m);
    });
    EXPECT_FALSE(this->read([&](MailRepo& r) { return r.agenda_published_at(this->partnership, meeting); }));
    EXPECT_TRUE(this->write([&](MailRepo& r) { return r.record_agenda_published(this->partnership, meeting, 500, "Ann"); }));
    EXPECT_FALSE(this->write([&](MailRepo& r) { return r.record_agenda_published(this->partnership, meeting, 600, "Bob"); }));
    EXPECT_EQ(this->read([&](MailRepo& r) { return r.agenda_published_at(this->partnership, meeting); }), std::optional<Instant>(500));
}

REGISTER_TYPED_TEST_SUITE_P(MailContract, AMessageRoundTripsWhole, TheOutboxPagesNewestFirstAndFiltersByStatusInSql,
                            TheClaimTakesOnlyDueUnsentMessagesSoonestFirstAndHoldsThem, FailuresCountAndKeepTheirErrorAndSendingEndsThem,
                            AReminderIsRecordedOncePerCaseMilestoneAndDay, AnUnknownStoredKindIsAnErrorNamingTheColumn,
                            ADueReminderIsRecordedOncePerRecordStageAndDueDate, PreferencesRoundTripAndAreReplacedWhole,
                            DigestItemsAreTakenOnceByPersonOldestFirstAndPartnershipsStayApart, AnAgendaIsPublishedOnce);

}  // namespace assure::testing
