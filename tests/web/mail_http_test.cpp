// The outbox over HTTP against a real server on loopback: the business unit's page (status
// tags, the last error, dates in words, filters, pagination), GET /api/v1/outbox paged by
// cursor, problem+json for an unknown status, and nobody else sees it.
#include <nlohmann/json.hpp>

#include "app/mail.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class MailHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    MailId queue(const std::string& subject, Instant at) {
        MailId id;
        server->services().store.write([&](Transaction& tx) {
            id = queue_mail(tx, at, {PartnershipId{1}, MailKind::milestone_reminder, "officer@example.org", subject, "Body of " + subject});
        });
        return id;
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(MailHttp, TheOutboxPageShowsEachMessagesStatusWithTheLastErrorAndDatesInWords) {
    const Instant first_december = 1'796'126'400;  // 2026-12-01 12:00 UTC
    const MailId sent = queue("Sent one", first_december);
    const MailId failing = queue("Failing one", first_december + 60);
    queue("Waiting <one>", first_december + 120);
    server->services().store.write([&](Transaction& tx) {
        tx.mail().mark_sent(sent, first_december + 5);
        tx.mail().mark_failed(failing, "smtp://mail.example.org:587: Failed to connect", first_december + 3600);
    });
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit)));
    auto r = bu.get("/outbox");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("1 waiting, 1 failing, 1 sent."), std::string::npos);
    EXPECT_NE(r->body.find("1 December 2026"), std::string::npos) << "dates in words";
    EXPECT_NE(r->body.find("Waiting &lt;one&gt;"), std::string::npos) << "a subject is escaped";
    EXPECT_NE(r->body.find("govuk-tag--red\">Failing"), std::string::npos);
    EXPECT_NE(r->body.find("Last error: smtp://mail.example.org:587: Failed to connect"), std::string::npos);
    EXPECT_NE(r->body.find("Sent 1 December 2026"), std::string::npos);
    EXPECT_LT(r->body.find("Waiting &lt;one&gt;"), r->body.find("Sent one")) << "newest first";

    r = bu.get("/outbox?status=failing");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Failing one"), std::string::npos);
    EXPECT_EQ(r->body.find("Sent one"), std::string::npos);

    for (Role role : {Role::partner_lead, Role::administrator, Role::scrutineer}) {
        Browser other(*server);
        ASSERT_TRUE(other.sign_in(server->email(role)));
        EXPECT_EQ(other.get("/outbox")->status, 403) << role_key(role);
    }
}

TEST_F(MailHttp, TheApiListsTheOutboxByCursorAndNamesAnUnknownStatus) {
    for (int i = 0; i < 3; ++i) queue("Message " + std::to_string(i), 1'796'126'400 + i);
    const httplib::Headers bu{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    auto c = server->client();
    auto r = c.Get("/api/v1/outbox?limit=2", bu);
    ASSERT_EQ(r->status, 200);
    json page = json::parse(r->body);
    ASSERT_EQ(page["items"].size(), 2u);
    EXPECT_EQ(page["items"][0]["subject"], "Message 2");
    EXPECT_EQ(page["items"][0]["status"], "waiting");
    EXPECT_EQ(page["items"][0]["to"], "officer@example.org");
    EXPECT_EQ(page["items"][0]["kind"], "milestone_reminder");
    EXPECT_EQ(page["items"][0]["created_at"], "2026-12-01T12:00:02Z");
    EXPECT_TRUE(page["items"][0]["sent_at"].is_null());
    r = c.Get("/api/v1/outbox?limit=2&cursor=" + page["next"].get<std::string>(), bu);
    page = json::parse(r->body);
    ASSERT_EQ(page["items"].size(), 1u);
    EXPECT_EQ(page["items"][0]["subject"], "Message 0");
    EXPECT_FALSE(page.contains("next"));

    r = c.Get("/api/v1/outbox?status=lost", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "status");
    r = c.Get("/api/v1/outbox?cursor=nonsense", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "cursor");

    r = c.Get("/api/v1/outbox", {{"Authorization", "Bearer " + server->token(Role::partner_lead)}});
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
}
