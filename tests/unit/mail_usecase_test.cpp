// Mail's use cases on a real SQLite file: the seam producers queue through, the outbox as the
// business unit sees it, the sender's pass against a transport that can be told to fail, and
// the daily milestone reminders queued once per case, milestone and day.
#include <gtest/gtest.h>

#include <stdexcept>

#include "app/mail.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

// Keeps what it was handed; throws while `refuse` is set, as a server that is down would.
struct RecordingTransport final : MailTransport {
    std::vector<MailMessage> handed;
    std::string refuse;
    void send(const MailMessage& m) override {
        if (!refuse.empty()) throw std::runtime_error(refuse);
        handed.push_back(m);
    }
};

struct MailUseCases : ::testing::Test {
    World w;
    RecordingTransport transport;
    MailRetry retry{60, 3600};

    MailId queue(const std::string& to, const std::string& subject) {
        MailId id;
        w.store.write([&](Transaction& tx) {
            id = queue_mail(tx, w.clock.now(), {w.partnership, MailKind::milestone_reminder, to, subject, "Body of " + subject});
        });
        return id;
    }
    MailMessage stored(MailId id) {
        return *w.read([&](Transaction& tx) { return tx.mail().find(w.partnership, id); });
    }
    CaseId add_case(const std::string& reference, const char* aware) {
        Case c;
        c.partnership = w.partnership;
        c.reference = reference;
        c.became_aware_on = d(aware);
        c.incident_on = c.became_aware_on;
        c.children = {{"Child " + reference}};
        CaseId id;
        w.store.write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, w.services.calendar)); });
        return id;
    }
};

}  // namespace

TEST_F(MailUseCases, AQueuedMessageWaitsInTheOutboxAndABadOneIsRefusedWhole) {
    const MailId id = queue("officer@example.org", "First");
    const MailMessage m = stored(id);
    EXPECT_EQ(mail_status(m), MailStatus::waiting);
    EXPECT_EQ(m.created_at, w.clock.now());
    EXPECT_EQ(m.next_attempt_at, w.clock.now());
    try {
        w.store.write([&](Transaction& tx) {
            queue_mail(tx, w.clock.now(), {w.partnership, MailKind::milestone_reminder, "officer@example.org", "Second", "ok"});
            queue_mail(tx, w.clock.now(), {w.partnership, MailKind::milestone_reminder, "not an address", "Third", "ok"});
        });
        FAIL() << "a message to no address was queued";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().at(0).field, "to");
    }
    const auto counts = outbox_counts(w.services, w.as(Role::business_unit));
    EXPECT_EQ(counts.waiting, 1) << "the transaction rolled back: the good message of it is not kept either";
}

TEST_F(MailUseCases, OnlyTheBusinessUnitSeesTheOutboxAndAnUnknownStatusIsAFieldError) {
    queue("officer@example.org", "First");
    EXPECT_EQ(list_outbox(w.services, w.as(Role::business_unit), "", {}).items.size(), 1u);
    for (Role role : {Role::partner_lead, Role::administrator, Role::scrutineer, Role::member}) {
        EXPECT_THROW(list_outbox(w.services, w.as(role), "", {}), Failure) << role_key(role);
    }
    try {
        list_outbox(w.services, w.as(Role::business_unit), "lost", {});
        FAIL();
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "status");
    }
}

TEST_F(MailUseCases, TheSenderSendsWhatIsDueAndRetriesAFailureLaterWithItsError) {
    const MailId first = queue("a@example.org", "First");
    const MailId second = queue("b@example.org", "Second");
    transport.refuse = "smtp://127.0.0.1:2525: Couldn't connect to server";
    auto pass = send_due_mail(w.store, w.clock, transport, retry);
    EXPECT_EQ(pass.failed, 2);
    MailMessage m = stored(first);
    EXPECT_EQ(mail_status(m), MailStatus::failing);
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(m.last_error, transport.refuse);
    EXPECT_EQ(m.next_attempt_at, w.clock.now() + 60);

    transport.refuse.clear();
    w.clock.at += 59;
    pass = send_due_mail(w.store, w.clock, transport, retry);
    EXPECT_EQ(pass.sent + pass.failed, 0) << "not due for another second";

    w.clock.at += 1;
    pass = send_due_mail(w.store, w.clock, transport, retry);
    EXPECT_EQ(pass.sent, 2);
    ASSERT_EQ(transport.handed.size(), 2u);
    EXPECT_EQ(transport.handed[0].subject, "First");
    m = stored(second);
    EXPECT_EQ(mail_status(m), MailStatus::sent);
    EXPECT_EQ(m.sent_at, w.clock.now());
    EXPECT_EQ(m.attempts, 1) << "the failed attempt stays counted";

    w.clock.at += 86400;
    EXPECT_EQ(send_due_mail(w.store, w.clock, transport, retry).sent, 0) << "a sent message is never sent again";
}

TEST_F(MailUseCases, AMessageBeingSentIsHeldFromASecondSender) {
    queue("a@example.org", "First");
    // The first sender's claim, as another server's would be, and then it dies mid-send.
    w.store.write([&](Transaction& tx) { tx.mail().claim_due(w.clock.now(), w.clock.now() + kMailHoldSeconds, 10); });
    EXPECT_EQ(send_due_mail(w.store, w.clock, transport, retry).sent, 0);
    w.clock.at += kMailHoldSeconds;
    EXPECT_EQ(send_due_mail(w.store, w.clock, transport, retry).sent, 1) << "after the hold, tried again";
}

// Aware Friday 20 November 2026: the Panel and the partners are due Friday 27th.
TEST_F(MailUseCases, MilestoneRemindersGoToTheBusinessUnitOncePerCaseMilestoneAndDay) {
    add_case("SI-2026-01", "2026-11-20");
    add_case("SI-2026-02", "2026-11-23");  // due Monday 30th: two working days before is the 26th
    const int queued = queue_milestone_reminders(w.services, d("2026-11-25"));
    EXPECT_EQ(queued, 2) << "two milestones, one business-unit account";
    EXPECT_EQ(queue_milestone_reminders(w.services, d("2026-11-25")), 0) << "a second run that day queues nothing";
    const auto page = list_outbox(w.services, w.as(Role::business_unit), "", {});
    ASSERT_EQ(page.items.size(), 2u);
    for (const auto& m : page.items) {
        EXPECT_EQ(m.to, "business_unit@example.org");
        EXPECT_EQ(m.kind, MailKind::milestone_reminder);
        EXPECT_EQ(m.subject.rfind("SI-2026-01: ", 0), 0u) << m.subject;
        EXPECT_NE(m.subject.find("is due on 27 November 2026"), std::string::npos) << m.subject;
        EXPECT_EQ(m.body.find("Child"), std::string::npos) << "no child is named in an email";
    }
    EXPECT_EQ(queue_milestone_reminders(w.services, d("2026-11-26")), 2) << "the second case's, two working days before";
    EXPECT_EQ(queue_milestone_reminders(w.services, d("2026-11-27")), 2) << "the first case's, on the day";
    EXPECT_EQ(outbox_counts(w.services, w.as(Role::business_unit)).waiting, 6);
}
