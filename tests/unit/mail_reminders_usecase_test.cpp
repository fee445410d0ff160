// Reminders beyond the statutory ones, on a real SQLite file under a frozen clock: actions and
// returns reminded to the people whose they are, once per item, stage and due date, caught up
// after a server was down; each person's choices (kinds turned off, one digest a day), changed
// with an audit row; and an agenda published to the group's members, once.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/action_escalations.hpp"
#include "app/governance.hpp"
#include "app/my_work.hpp"
#include "app/ports/training_needs.hpp"
#include "app/mail.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }
const std::string site = "https://assure.example.org";

struct ReminderUseCases : ::testing::Test {
    World w;
    AgencyId housing, probation;
    PersonId olive, lena, paul;
    Actor olive_user, lena_user, paul_user;
    GroupId group;
    MeetingId meeting;

    void SetUp() override {
        const auto agency = [&](const char* name) {
            Agency a;
            a.name = name;
            a.kind = AgencyKind::relevant_agency;
            a.sector = "housing";
            return w.add_agency(a);
        };
        housing = agency("Knowsley Housing Trust");
        probation = agency("National Probation Service");
        const auto person = [&](const char* name, const char* email, AgencyId a) {
            Person p;
            p.name = name;
            p.email = email;
            p.agency = a;
            return w.add_person(p);
        };
        olive = person("Olive Owner", "olive@example.org", housing);
        lena = person("Lena Lead", "lena@example.org", housing);
        paul = person("Paul Probation", "paul@example.org", probation);
        olive_user = w.add_user(olive, Role::member);
        lena_user = w.add_user(lena, Role::agency_lead);
        paul_user = w.add_user(paul, Role::agency_lead);
        w.store.write([&](Transaction& tx) {
            Group g;
            g.partnership = w.partnership;
            g.name = "Core Business Group";
            g.active_from = d("2020-01-01");
            g.cadence_months = 3;
            group = tx.governance().insert_group(g);
            Meeting m;
            m.partnership = w.partnership;
            m.group = group;
            m.on = d("2026-12-08");
            m.place = "Huyton";
            meeting = tx.governance().insert_meeting(m);
            for (PersonId p : {olive, lena}) {
                Membership ms;
                ms.group = group;
                ms.person = p;
                ms.start = d("2025-01-01");
                tx.governance().insert_membership(ms);
            }
        });
    }

    ActionId action(PersonId owner, const char* due, const std::string& text) {
        ActionItem a;
        a.partnership = w.partnership;
        a.group = group;
        a.meeting = meeting;
        a.text = text;
        a.owner = owner;
        a.due = d(due);
        ActionId id;
        w.store.write([&](Transaction& tx) { id = tx.governance().insert_action(a); });
        return id;
    }
    std::vector<MailMessage> outbox() {
        OutboxQuery q;
        q.partnership = w.partnership;
        q.page.limit = 100;
        auto items = w.read([&](Transaction& tx) { return tx.mail().outbox(q); }).items;
        std::reverse(items.begin(), items.end());  // oldest first
        return items;
    }
    std::vector<MailMessage> to(const std::string& address) {
        std::vector<MailMessage> out;
        for (auto& m : outbox()) if (m.to == address) out.push_back(m);
        return out;
    }
    DueReminders round(const char* today) { return queue_due_reminders(w.services, d(today), site); }
};

}  // namespace

// Due Tuesday 8 December 2026: five working days before is Tuesday 1st; overdue on Wednesday 9th.
TEST_F(ReminderUseCases, AnActionsOwnerIsRemindedBeforeItIsDueAndOnTheFirstOverdueDayOnceEach) {
    action(olive, "2026-12-08", "Audit neglect referrals");
    EXPECT_EQ(round("2026-11-30").actions, 0);
    EXPECT_EQ(round("2026-12-01").actions, 1);
    EXPECT_EQ(round("2026-12-01").actions, 0) << "a second run, or a second server, that day";
    EXPECT_EQ(round("2026-12-02").actions, 0) << "the coming-due reminder is sent once";
    EXPECT_EQ(round("2026-12-09").actions, 1);
    EXPECT_EQ(round("2026-12-10").actions, 0);
    const auto mail = to("olive@example.org");
    ASSERT_EQ(mail.size(), 2u);
    EXPECT_EQ(mail[0].kind, MailKind::action_reminder);
    EXPECT_NE(mail[0].subject.find("due 8 December 2026"), std::string::npos) << mail[0].subject;
    EXPECT_NE(mail[0].body.find("Audit neglect referrals"), std::string::npos);
    EXPECT_NE(mail[0].body.find(site + "/meetings/" + meeting.str()), std::string::npos);
    EXPECT_NE(mail[0].body.find(site + "/account/email"), std::string::npos) << "how to change what is sent";
    EXPECT_NE(mail[1].subject.find("Action overdue"), std::string::npos) << mail[1].subject;
}

TEST_F(ReminderUseCases, AnOverdueReminderMissedWhileTheServerWasDownIsSentOnceLater) {
    action(olive, "2026-12-08", "Audit neglect referrals");
    EXPECT_EQ(round("2026-12-15").actions, 1) << "the first run after a week down";
    EXPECT_EQ(round("2026-12-16").actions, 0);
    const auto mail = to("olive@example.org");
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_NE(mail[0].subject.find("overdue"), std::string::npos);
}

TEST_F(ReminderUseCases, ClosedActionsAndOwnersWithoutAnAccountAreNotReminded) {
    const ActionId done = action(olive, "2026-12-08", "Done already");
    w.store.write([&](Transaction& tx) {
        auto a = *tx.governance().find_action(w.partnership, done);
        a.status = ActionStatus::done;
        a.closed_on = d("2026-11-20");
        tx.governance().update_action(a);
    });
    Person nobody;
    nobody.name = "No Account";
    nobody.email = "nobody@example.org";
    action(w.add_person(nobody), "2026-12-08", "Owned by someone without an account");
    EXPECT_EQ(round("2026-12-01").actions, 0);
    EXPECT_TRUE(outbox().empty());
}

TEST_F(ReminderUseCases, AnActionPlanItemIsRemindedToItsLead) {
    ImprovementAction a;
    a.partnership = w.partnership;
    a.text = "Train housing officers on neglect";
    a.agency = housing;
    a.lead = olive;
    a.due = d("2026-12-08");
    a.created_on = d("2026-06-01");
    a.state = ActionState::in_progress;
    ImprovementId id;
    w.store.write([&](Transaction& tx) { id = tx.learning().insert_improvement(a); });
    EXPECT_EQ(round("2026-12-01").actions, 1);
    const auto mail = to("olive@example.org");
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_NE(mail[0].body.find(site + "/improvement/" + id.str()), std::string::npos) << mail[0].body;
    EXPECT_NE(mail[0].body.find("Knowsley Housing Trust"), std::string::npos);
}

// A Section 11 cycle closing Friday 11 December 2026: ten days before is Tuesday 1st.
TEST_F(ReminderUseCases, AReturnNotSubmittedIsRemindedToTheAgencysLeadsAndASubmittedOneIsNot) {
    AuditCycle c;
    c.partnership = w.partnership;
    c.title = "Section 11 audit 2026/27";
    c.opens = d("2026-10-01");
    c.closes = d("2026-12-11");
    c.invited = {housing, probation};
    AuditCycleId cycle;
    w.store.write([&](Transaction& tx) {
        cycle = tx.learning().insert_cycle(c);
        AuditReturn r;
        r.cycle = cycle;
        r.partnership = w.partnership;
        r.agency = probation;
        r.status = ReturnStatus::submitted;
        r.submitted_on = d("2026-11-20");
        tx.learning().insert_return(r);
    });
    EXPECT_EQ(round("2026-11-30").returns, 0);
    EXPECT_EQ(round("2026-12-01").returns, 1);
    EXPECT_EQ(round("2026-12-14").returns, 1) << "Monday, the first working day overdue";
    EXPECT_EQ(round("2026-12-15").returns, 0);
    EXPECT_TRUE(to("paul@example.org").empty()) << "probation's return is in";
    EXPECT_TRUE(to("olive@example.org").empty()) << "not an agency lead";
    const auto mail = to("lena@example.org");
    ASSERT_EQ(mail.size(), 2u);
    EXPECT_EQ(mail[0].kind, MailKind::return_reminder);
    EXPECT_EQ(mail[0].subject, "Return due (Test Partnership): Section 11 audit 2026/27");
    EXPECT_NE(mail[0].body.find("due on 11 December 2026"), std::string::npos) << mail[0].body;
    EXPECT_NE(mail[0].body.find(site + "/audits/" + cycle.str() + "/returns/" + housing.str()), std::string::npos);
    EXPECT_NE(mail[1].subject.find("Return overdue"), std::string::npos);
}

// A training needs analysis whose returns close Friday 11 December 2026: reminded ten working
// days before, like an audit return, but not once it has closed (then only the training team
// enters a return).
TEST_F(ReminderUseCases, ATrainingNeedsReturnNotSubmittedIsRemindedWhileTheAnalysisIsOpen) {
    NeedsAnalysis a;
    a.partnership = w.partnership;
    a.title = "Training needs analysis 2026 to 2028";
    a.opens = d("2026-11-02");
    a.closes = d("2026-12-11");
    a.next_due = d("2028-11-02");
    a.topics = {{"Exploring Neglect", CourseId{}}};
    a.invited = {housing, probation};
    NeedsAnalysisId id;
    w.store.write([&](Transaction& tx) {
        auto& needs = dynamic_cast<NeedsTransaction&>(tx).training_needs();
        id = *needs.add(a);
        NeedsReturn r;
        r.analysis = id;
        r.agency = probation;
        r.state = NeedsReturnState::submitted;
        r.workforce = 40;
        r.trained = 30;
        r.needs = {5};
        r.submitted_on = d("2026-11-20");
        needs.save_return(w.partnership, r, 1, paul_user.user);
    });
    EXPECT_EQ(round("2026-11-30").returns, 0);
    EXPECT_EQ(round("2026-12-01").returns, 1);
    EXPECT_EQ(round("2026-12-02").returns, 0) << "once a stage";
    EXPECT_EQ(round("2026-12-14").returns, 0) << "closed: no overdue reminder";
    EXPECT_TRUE(to("paul@example.org").empty()) << "probation's return is in";
    const auto mail = to("lena@example.org");
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].kind, MailKind::return_reminder);
    EXPECT_EQ(mail[0].subject, "Return due (Test Partnership): Training needs analysis 2026 to 2028");
    EXPECT_NE(mail[0].body.find(site + "/training/needs/" + id.str() + "/returns/" + housing.str()), std::string::npos) << mail[0].body;
}

// A dataset return for July to September 2026 due Tuesday 8 December: five working days before
// is Tuesday 1st; overdue on Wednesday 9th.
TEST_F(ReminderUseCases, ADatasetReturnNotInIsRemindedToTheAgencysLeadsAndOneInIsNot) {
    DatasetReturnId outstanding;
    w.store.write([&](Transaction& tx) {
        for (const AgencyId agency : {housing, probation}) {
            DatasetReturn r;
            r.partnership = w.partnership;
            r.agency = agency;
            r.period = *DatasetPeriod::parse("2026-27-Q2");
            r.due_on = d("2026-12-08");
            r.figures = 2;
            if (agency == probation) r.submitted_on = d("2026-11-20");
            const DatasetReturnId id = tx.dataset().insert_return(r);
            if (agency == housing) outstanding = id;
        }
    });
    EXPECT_EQ(round("2026-11-30").returns, 0);
    EXPECT_EQ(round("2026-12-01").returns, 1);
    EXPECT_EQ(round("2026-12-02").returns, 0) << "once per stage";
    EXPECT_EQ(round("2026-12-09").returns, 1) << "the first working day overdue";
    EXPECT_TRUE(to("paul@example.org").empty()) << "probation's return is in";
    EXPECT_TRUE(to("olive@example.org").empty()) << "not an agency lead";
    const auto mail = to("lena@example.org");
    ASSERT_EQ(mail.size(), 2u);
    EXPECT_EQ(mail[0].kind, MailKind::return_reminder);
    EXPECT_EQ(mail[0].subject, "Return due (Test Partnership): the multi-agency dataset for Q2 2026/27");
    EXPECT_NE(mail[0].body.find("Knowsley Housing Trust's return to the multi-agency dataset for Q2 2026/27 has not been submitted. "
                                "It is due on 8 December 2026."),
              std::string::npos)
        << mail[0].body;
    EXPECT_NE(mail[0].body.find(site + "/dataset/returns/" + outstanding.str()), std::string::npos);
    EXPECT_EQ(mail[1].subject, "Return overdue (Test Partnership): the multi-agency dataset for Q2 2026/27");
}

TEST_F(ReminderUseCases, AKindTurnedOffIsNotSentAndADigestCombinesTheDaysReminders) {
    action(olive, "2026-12-08", "First action");
    action(olive, "2026-12-09", "Second action");
    action(lena, "2026-12-08", "Lena's action");
    change_mail_preferences(w.services, olive_user, {{"action_reminder", "agenda_published"}, "digest"});
    change_mail_preferences(w.services, lena_user, {{"return_reminder"}, "each"});
    const DueReminders r = round("2026-12-02");
    EXPECT_EQ(r.actions, 2) << "Olive's two, kept for her digest; Lena turned action reminders off";
    EXPECT_EQ(r.digests, 1);
    EXPECT_TRUE(to("lena@example.org").empty());
    const auto mail = to("olive@example.org");
    ASSERT_EQ(mail.size(), 1u) << "one message for the day";
    EXPECT_EQ(mail[0].kind, MailKind::reminder_digest);
    EXPECT_EQ(mail[0].subject, "Your reminders from Test Partnership, 2 December 2026");
    EXPECT_NE(mail[0].body.find("First action"), std::string::npos);
    EXPECT_NE(mail[0].body.find("Second action"), std::string::npos);
    EXPECT_NE(mail[0].body.find(site + "/account/email"), std::string::npos);
    EXPECT_EQ(round("2026-12-02").digests, 0) << "the digest is taken once";
}

TEST_F(ReminderUseCases, StatutoryMilestoneRemindersIgnoreChoices) {
    // The business unit's account turns everything off and asks for a digest: milestones still come one by one.
    const Actor bu = w.as(Role::business_unit);
    change_mail_preferences(w.services, bu, {{}, "digest"});
    Case c;
    c.partnership = w.partnership;
    c.reference = "SI-2026-01";
    c.became_aware_on = d("2026-11-20");
    c.incident_on = c.became_aware_on;
    c.children = {{"Child A"}};
    w.store.write([&](Transaction& tx) { tx.cases().insert(c, standing_of(c, w.services.calendar)); });
    EXPECT_EQ(queue_milestone_reminders(w.services, d("2026-11-25")), 2);
}

TEST_F(ReminderUseCases, ChangingPreferencesIsAuditedAndBadInputChangesNothing) {
    EXPECT_TRUE(my_mail_preferences(w.services, olive_user).action_reminders);
    const std::size_t before = w.audit_count();
    change_mail_preferences(w.services, olive_user, {{"return_reminder"}, "digest"});
    auto p = my_mail_preferences(w.services, olive_user);
    EXPECT_TRUE(p.digest);
    EXPECT_FALSE(p.action_reminders);
    EXPECT_TRUE(p.return_reminders);
    EXPECT_EQ(w.audit_count(), before + 1);
    const AuditEntry last = w.last_audit();
    EXPECT_EQ(last.action, "mail_preferences.change");
    EXPECT_EQ(last.entity_id, olive_user.user.str());
    EXPECT_NE(last.after_json.find("\"digest\":true"), std::string::npos) << last.after_json;
    EXPECT_NE(last.before_json.find("\"digest\":false"), std::string::npos) << last.before_json;
    try {
        change_mail_preferences(w.services, olive_user, {{"action_reminder"}, "weekly"});
        FAIL() << "a delivery that is not offered was taken";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().at(0).field, "delivery");
    }
    p = my_mail_preferences(w.services, olive_user);
    EXPECT_TRUE(p.digest);
    EXPECT_FALSE(p.action_reminders);
    EXPECT_EQ(w.audit_count(), before + 1) << "nothing changed, nothing audited";
}

TEST_F(ReminderUseCases, PublishingAnAgendaTellsTheMembersOnceInTheTransactionOfTheChange) {
    const Actor bu = w.as(Role::business_unit);
    try {
        publish_agenda(w.services, bu, meeting, 1, site);
        FAIL() << "an empty agenda was published";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "agenda");
    }
    EXPECT_TRUE(outbox().empty());
    add_agenda_item(w.services, bu, meeting, 1, "Neglect audit findings", "", "");
    change_mail_preferences(w.services, lena_user, {{"action_reminder"}, "each"});  // agendas off
    const std::size_t audits = w.audit_count();
    publish_agenda(w.services, bu, meeting, 2, site);
    EXPECT_EQ(w.audit_count(), audits + 1);
    EXPECT_EQ(w.last_audit().action, "meeting.agenda_publish");
    EXPECT_TRUE(to("lena@example.org").empty()) << "Lena turned agendas off";
    EXPECT_TRUE(to("paul@example.org").empty()) << "not a member";
    const auto mail = to("olive@example.org");
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].kind, MailKind::agenda_published);
    EXPECT_EQ(mail[0].subject, "Agenda published: Core Business Group, 8 December 2026");
    EXPECT_NE(mail[0].body.find("1. Neglect audit findings"), std::string::npos) << mail[0].body;
    EXPECT_NE(mail[0].body.find(site + "/meetings/" + meeting.str()), std::string::npos);
    EXPECT_TRUE(read_meeting(w.services, bu, meeting).agenda_published_at.has_value());
    try {
        publish_agenda(w.services, bu, meeting, 2, site);
        FAIL() << "published twice";
    } catch (const Failure& f) {
        EXPECT_NE(f.fields().at(0).message.find("already published"), std::string::npos);
    }
    EXPECT_EQ(to("olive@example.org").size(), 1u);
    EXPECT_THROW(publish_agenda(w.services, w.as(Role::member), meeting, 2, site), Failure) << "the business unit's to do";
}

// Due Tuesday 8 December 2026. Ten working days on is Tuesday 22 December: to the group's chair.
// Twenty is Friday 8 January 2027 (25 and 28 December and 1 January are bank holidays): to the
// statutory partners' leads. Each once, recorded on the action, audited, and on the chair's My work.
TEST_F(ReminderUseCases, AnActionLongOverdueGoesToTheChairThenToThePartnersLeadsOnceEach) {
    const PersonId rachel = [&] {
        Person p;
        p.name = "Rachel Ainsworth";
        p.email = "rachel@example.org";
        return w.add_person(p);
    }();
    w.add_user(rachel, Role::partner_lead);
    w.store.write([&](Transaction& tx) {
        auto g = *tx.governance().find_group(w.partnership, group);
        g.chair = lena;
        ASSERT_TRUE(tx.governance().update_group(g));
    });
    const ActionId late = action(olive, "2026-12-08", "Audit neglect referrals");
    auto escalated = [&](const std::string& address) {
        int n = 0;
        for (const auto& m : to(address)) n += m.subject.starts_with("Action escalated") ? 1 : 0;
        return n;
    };
    round("2026-12-21");
    EXPECT_EQ(escalated("lena@example.org"), 0) << "nine working days late";
    round("2026-12-22");
    round("2026-12-23");
    EXPECT_EQ(escalated("lena@example.org"), 1) << "ten: to the chair, once";
    EXPECT_EQ(escalated("rachel@example.org"), 0);
    const auto chair_mail = to("lena@example.org").back();
    EXPECT_NE(chair_mail.body.find("Audit neglect referrals"), std::string::npos);
    EXPECT_NE(chair_mail.body.find("Owner: Olive Owner"), std::string::npos) << chair_mail.body;
    EXPECT_NE(chair_mail.body.find("you chair the Core Business Group"), std::string::npos);
    EXPECT_NE(chair_mail.body.find(site + "/actions/" + late.str()), std::string::npos);
    EXPECT_EQ(escalations_of_action(w.services, olive_user, late).size(), 1U);

    w.clock.at = 1'798'027'200;  // noon on 23 December 2026: My work's today
    const MyWork chairs = my_work(w.services, lena_user, PageRequest{});
    const auto mine = std::find_if(chairs.lines.begin(), chairs.lines.end(),
                                   [](const MyWorkLine& l) { return l.item.kind == OwedKind::escalated_action; });
    ASSERT_NE(mine, chairs.lines.end());
    EXPECT_EQ(mine->href, "/actions/" + late.str());
    EXPECT_TRUE(mine->overdue);
    const MyWork owners = my_work(w.services, olive_user, PageRequest{});
    EXPECT_TRUE(std::none_of(owners.lines.begin(), owners.lines.end(),
                             [](const MyWorkLine& l) { return l.item.kind == OwedKind::escalated_action; }))
        << "the owner sees their action once, as their own";

    round("2027-01-07");
    EXPECT_EQ(escalated("rachel@example.org"), 0) << "nineteen working days late";
    round("2027-01-08");
    round("2027-01-11");
    EXPECT_EQ(escalated("rachel@example.org"), 1) << "twenty: to the partners' leads, once";
    EXPECT_EQ(escalated("lena@example.org"), 1);
    // The chair, then every partner's lead: the World's own and Rachel.
    const auto steps = escalations_of_action(w.services, olive_user, late);
    ASSERT_EQ(steps.size(), 3U);
    EXPECT_EQ(steps[0].step, EscalationStep::chair);
    EXPECT_EQ(steps[0].person_name, "Lena Lead");
    const auto to_rachel = std::find_if(steps.begin(), steps.end(), [](const ActionEscalation& e) { return e.person_name == "Rachel Ainsworth"; });
    ASSERT_NE(to_rachel, steps.end());
    EXPECT_EQ(to_rachel->step, EscalationStep::partners);
    EXPECT_EQ(to_rachel->escalated_on.iso(), "2027-01-08");
    AuditFilter f;
    f.partnership = w.partnership;
    f.action_prefix = "action.escalate";
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.audit().query(f, PageRequest{PageRequest::max_limit, ""}); }).items.size(), 3U)
        << "an audit row for each";
}
