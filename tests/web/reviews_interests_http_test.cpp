// Declared interests and unreadable identities against a real server: the business unit's
// member who declares gets 404 on the case page and API, a partner lead's override brings sight
// back and shows on the case; a case whose details another key sealed shows everything else.
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "crypto/sodium.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class ReviewsInterestsHttp : public ::testing::Test {
protected:
    void SetUp() override { server = std::make_unique<Server>(); }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    Actor unit_actor() { return Actor{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit"}; }

    // A case notified with a child's name, sealed by `services`' key.
    int notify(Services& services) {
        IncidentInput in;
        in.became_aware_on = "2025-12-19";
        in.incident_on = "2025-12-18";
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital with unexplained injuries";
        in.children = {{"Child T", "Taylor Example", "2024-02-02", ""}};
        return static_cast<int>(notify_incident(services, unit_actor(), in).record.id.value);
    }
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(ReviewsInterestsHttp, TheBusinessUnitLosesSightAfterDeclaringUntilAPartnerLeadOverrides) {
    const int id = notify(server->services());
    const std::string page_path = "/reviews/" + std::to_string(id);
    const std::string api_path = "/api/v1/incidents/" + std::to_string(id);

    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    auto page = unit.get(page_path);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Declare an interest"), std::string::npos) << "the business unit may declare too";
    auto declared = unit.post(page_path + "/conflicts", {{"interest", "I manage the family's social worker"}});
    EXPECT_EQ(declared->status, 303);
    EXPECT_EQ(unit.get(page_path)->status, 404);
    EXPECT_EQ(server->client().Get(api_path, auth(Role::business_unit))->status, 404);
    auto list = server->client().Get("/api/v1/incidents", auth(Role::business_unit));
    ASSERT_EQ(list->status, 200);
    EXPECT_TRUE(json::parse(list->body)["items"].empty());

    // The partner lead sees the interest and the override form; a reason is required.
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead)));
    page = lead.get(page_path);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Let a member of the business unit keep sight of the case"), std::string::npos);
    const std::string version = Browser::hidden(page->body, "version");
    const std::string unit_id = server->user_id(Role::business_unit).str();
    const auto audit_before = server->count_audit("case.interest_override");
    auto refused = lead.post(page_path + "/conflicts/override", {{"version", version}, {"user_id_override", unit_id}, {"reason", ""}});
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("Say why the business unit has no one else to run this case"), std::string::npos);
    EXPECT_EQ(server->count_audit("case.interest_override"), audit_before) << "a refusal changes nothing";
    EXPECT_EQ(unit.get(page_path)->status, 404);

    // The business unit cannot clear its own member.
    auto forbidden = unit.post(page_path + "/conflicts/override", {{"version", version}, {"user_id_override", unit_id}, {"reason", "x"}});
    EXPECT_EQ(forbidden->status, 403);

    auto overridden = lead.post(page_path + "/conflicts/override",
                                {{"version", version}, {"user_id_override", unit_id}, {"reason", "the unit has one officer"}});
    EXPECT_EQ(overridden->status, 303) << overridden->body;
    EXPECT_EQ(server->count_audit("case.interest_override"), audit_before + 1);
    page = unit.get(page_path);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Keeps sight of the case: overridden by"), std::string::npos);
    EXPECT_NE(page->body.find("because the unit has one officer"), std::string::npos);
    auto api = server->client().Get(api_path, auth(Role::business_unit));
    ASSERT_EQ(api->status, 200);
    EXPECT_EQ(json::parse(api->body)["children"][0]["name"], "Taylor Example");
}

TEST_F(ReviewsInterestsHttp, DeclaringAndOverridingThroughTheApi) {
    const int id = notify(server->services());
    const std::string api_path = "/api/v1/incidents/" + std::to_string(id);
    auto declare = [&](Role role, const json& body) {
        return server->client().Post(api_path + "/interests", auth(role), body.dump(), "application/json");
    };
    auto empty = declare(Role::business_unit, {{"interest", " "}});
    EXPECT_EQ(empty->status, 422);
    EXPECT_EQ(empty->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(declare(Role::business_unit, {{"interest", "I manage the family's social worker"}})->status, 204);
    EXPECT_EQ(server->client().Get(api_path, auth(Role::business_unit))->status, 404);

    const auto lead_view = server->client().Get(api_path, auth(Role::partner_lead));
    ASSERT_EQ(lead_view->status, 200);
    const int version = json::parse(lead_view->body)["version"];
    const json body{{"user_id", server->user_id(Role::business_unit).value}, {"reason", "the unit has one officer"}, {"version", version}};
    auto by_unit = server->client().Post(api_path + "/interests/override", auth(Role::business_unit), body.dump(), "application/json");
    EXPECT_EQ(by_unit->status, 403);
    auto by_lead = server->client().Post(api_path + "/interests/override", auth(Role::partner_lead), body.dump(), "application/json");
    ASSERT_EQ(by_lead->status, 200) << by_lead->body;
    EXPECT_EQ(server->client().Get(api_path, auth(Role::business_unit))->status, 200);
}

TEST_F(ReviewsInterestsHttp, ACaseWhoseIdentitiesAnotherKeySealedShowsEverythingElse) {
    const crypto::SecretboxSealer other_key(std::string(32, 'o'));
    Services elsewhere = server->services();
    elsewhere.sealer = &other_key;
    const int id = notify(elsewhere);

    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    auto page = unit.get("/reviews/" + std::to_string(id));
    ASSERT_EQ(page->status, 200) << "not a 503 for the whole case";
    EXPECT_NE(page->body.find("Admitted to hospital with unexplained injuries"), std::string::npos);
    EXPECT_NE(page->body.find("cannot be opened with this server's case key"), std::string::npos) << page->body;
    EXPECT_EQ(page->body.find("Taylor Example"), std::string::npos);

    auto api = server->client().Get("/api/v1/incidents/" + std::to_string(id), auth(Role::business_unit));
    ASSERT_EQ(api->status, 200);
    const json j = json::parse(api->body);
    EXPECT_EQ(j["identities_unreadable"], true);
    EXPECT_EQ(j["summary"], "Admitted to hospital with unexplained injuries");
    EXPECT_EQ(j["children"][0]["pseudonym"], "Child T");
    EXPECT_FALSE(j["children"][0].contains("name"));
}
