// Email preferences over HTTP against a real server on loopback: the page beside the password
// page (checkboxes for each kind, radios for each message or a daily digest, the statutory
// reminders named as not theirs to turn off), CSRF, the error summary with nothing changed, a
// saved change with its audit row; and an agenda published from the meeting page, whose members
// are sent a link to it.
#include "app/mail.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

class MailPreferencesHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    std::optional<MailPreferences> stored(Role role) {
        std::optional<MailPreferences> p;
        server->services().store.read([&](Transaction& tx) { p = tx.mail().preferences(server->user_id(role)); });
        return p;
    }
    std::vector<MailMessage> outbox() {
        OutboxQuery q;
        q.partnership = PartnershipId{1};
        q.page.limit = 100;
        std::vector<MailMessage> out;
        server->services().store.read([&](Transaction& tx) { out = tx.mail().outbox(q).items; });
        return out;
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(MailPreferencesHttp, ThePageOffersEachKindAndTheDigestAndSaysStatutoryRemindersStayOn) {
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    auto home = member.get("/");
    EXPECT_NE(home->body.find("href=\"/account/email\">Email preferences</a>"), std::string::npos) << "beside the password link";
    auto r = member.get("/account/email");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("<h1 class=\"govuk-heading-l\">Email preferences</h1>"), std::string::npos);
    for (const char* kind : {"action_reminder", "return_reminder", "agenda_published"}) {
        EXPECT_NE(r->body.find("type=\"checkbox\" value=\"" + std::string(kind) + "\" checked"), std::string::npos) << kind;
    }
    EXPECT_NE(r->body.find("value=\"each\" checked"), std::string::npos) << "each message, until they choose otherwise";
    EXPECT_NE(r->body.find("value=\"digest\""), std::string::npos);
    EXPECT_NE(r->body.find("Statutory milestone reminders"), std::string::npos);
    EXPECT_NE(r->body.find("cannot be turned off"), std::string::npos);
}

TEST_F(MailPreferencesHttp, AChangeWithoutTheFormsTokenIsRefusedAndChangesNothing) {
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.get("/account/email");
    const int audits = server->count_audit("mail_preferences");
    auto r = member.post("/account/email", {{"kinds", "return_reminder"}, {"delivery", "digest"}}, false);
    EXPECT_EQ(r->status, 403);
    EXPECT_FALSE(stored(Role::member));
    EXPECT_EQ(server->count_audit("mail_preferences"), audits);
}

TEST_F(MailPreferencesHttp, BadInputGetsTheErrorSummaryAndChangesNothing) {
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.get("/account/email");
    auto r = member.post("/account/email", {{"kinds", "return_reminder"}, {"delivery", "weekly"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#delivery\">Select whether you want each message as it happens or one digest a day"),
              std::string::npos);
    EXPECT_NE(r->body.find("type=\"checkbox\" value=\"return_reminder\" checked"), std::string::npos) << "what they ticked stays";
    EXPECT_EQ(r->body.find("type=\"checkbox\" value=\"action_reminder\" checked"), std::string::npos);
    r = member.post("/account/email", {{"kinds", "milestone_reminder"}, {"delivery", "each"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Select only the reminders listed"), std::string::npos);
    EXPECT_FALSE(stored(Role::member)) << "nothing saved";
    EXPECT_EQ(server->count_audit("mail_preferences"), 0);
}

TEST_F(MailPreferencesHttp, ASavedChoiceIsShownAgainAndAudited) {
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.get("/account/email");
    auto r = member.post("/account/email", {{"kinds", "return_reminder"}, {"kinds", "agenda_published"}, {"delivery", "digest"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/account/email?saved=1");
    r = member.get("/account/email?saved=1");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Your email preferences have been saved."), std::string::npos);
    EXPECT_NE(r->body.find("value=\"digest\" checked"), std::string::npos);
    EXPECT_EQ(r->body.find("type=\"checkbox\" value=\"action_reminder\" checked"), std::string::npos);
    EXPECT_NE(r->body.find("type=\"checkbox\" value=\"agenda_published\" checked"), std::string::npos);
    const auto p = stored(Role::member);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->digest);
    EXPECT_FALSE(p->action_reminders);
    EXPECT_EQ(server->count_audit("mail_preferences.change"), 1);
    EXPECT_FALSE(stored(Role::agency_lead)) << "only their own";
}

TEST_F(MailPreferencesHttp, PublishingAnAgendaFromTheMeetingPageSendsTheMembersALinkToIt) {
    MeetingId meeting;
    server->services().store.write([&](Transaction& tx) {
        Group g;
        g.partnership = PartnershipId{1};
        g.name = "Core Business Group";
        g.active_from = *Date::parse("2020-01-01");
        g.cadence_months = 3;
        const GroupId group = tx.governance().insert_group(g);
        Meeting m;
        m.partnership = PartnershipId{1};
        m.group = group;
        m.on = *Date::parse("2099-03-02");
        m.agenda = {{1, "Neglect audit findings", PersonId{}, ""}};
        meeting = tx.governance().insert_meeting(m);
        const auto member = tx.users().find_by_email(server->email(Role::member));
        Membership ms;
        ms.group = group;
        ms.person = member->person;
        ms.start = *Date::parse("2020-01-01");
        tx.governance().insert_membership(ms);
    });
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    const std::string page = "/meetings/" + meeting.str();
    auto r = bu.get(page);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Publish the agenda to the members"), std::string::npos);
    r = bu.post(page + "/agenda/publish", {{"version", Browser::hidden(r->body, "version")}});
    ASSERT_EQ(r->status, 303);
    r = bu.get(page);
    EXPECT_NE(r->body.find("Agenda published to the group's members on"), std::string::npos) << "and the button is gone";
    EXPECT_EQ(r->body.find("Publish the agenda to the members"), std::string::npos);
    const auto mail = outbox();
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].to, server->email(Role::member));
    EXPECT_EQ(mail[0].kind, MailKind::agenda_published);
    EXPECT_NE(mail[0].body.find("http://127.0.0.1:" + std::to_string(server->port()) + page), std::string::npos) << mail[0].body;
    EXPECT_NE(mail[0].body.find("/account/email"), std::string::npos);
    EXPECT_EQ(server->count_audit("meeting.agenda_publish"), 1);
    // Published again (a second tab): refused on the page, nothing more sent.
    r = bu.post(page + "/agenda/publish", {{"version", "1"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("already published"), std::string::npos);
    EXPECT_EQ(outbox().size(), 1u);
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.get(page);
    EXPECT_EQ(member.post(page + "/agenda/publish", {{"version", "1"}})->status, 403);
}
