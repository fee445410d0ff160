// The audit trail of a review case keeps the case's content (decision reasons, kinds of harm,
// pseudonyms, recommendations) from those who may not see the case: the administrator and a
// scrutineer not on its panel see who, when, what kind of change and which record, nothing more.
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

using nlohmann::json;

class AuditContent : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        const json incident{{"became_aware_on", "2025-12-19"},
                            {"incident_on", "2025-12-18"},
                            {"kind", "serious_harm"},
                            {"looked_after", false},
                            {"summary", "Admitted to hospital with unexplained injuries"},
                            {"children", {{{"pseudonym", "Child T"}}}}};
        auto r = server->client().Post("/api/v1/incidents", {{"Authorization", "Bearer " + server->token(Role::business_unit)}},
                                       incident.dump(), "application/json");
        ASSERT_EQ(r->status, 201) << r->body;
        case_id = json::parse(r->body)["id"].get<std::int64_t>();
    }
    std::string audit_page(Role role) {
        Browser b(*server);
        EXPECT_TRUE(b.sign_in(server->email(role)));
        auto page = b.get("/audit?entity_type=review_case");
        EXPECT_EQ(page->status, 200);
        return page->body;
    }
    std::unique_ptr<Server> server;
    std::int64_t case_id = 0;
};

}  // namespace

TEST_F(AuditContent, TheBusinessUnitSeesTheCaseContentInTheTrail) {
    const auto body = audit_page(Role::business_unit);
    EXPECT_NE(body.find("case.notify"), std::string::npos);
    EXPECT_NE(body.find("Child T"), std::string::npos);
    EXPECT_NE(body.find("serious_harm"), std::string::npos);
    EXPECT_EQ(body.find("data-withheld"), std::string::npos);
}

TEST_F(AuditContent, TheAdministratorSeesWhoWhenWhatKindAndWhichRecordOnly) {
    const auto body = audit_page(Role::administrator);
    EXPECT_NE(body.find("case.notify"), std::string::npos);
    EXPECT_NE(body.find("review_case " + std::to_string(case_id)), std::string::npos);
    EXPECT_NE(body.find("Business unit Person"), std::string::npos) << "who made the change";
    EXPECT_NE(body.find("data-withheld"), std::string::npos);
    EXPECT_EQ(body.find("Child T"), std::string::npos);
    EXPECT_EQ(body.find("serious_harm"), std::string::npos);
}

TEST_F(AuditContent, AScrutineerSeesTheContentOnlyOnceOnTheCasePanel) {
    auto body = audit_page(Role::scrutineer);
    EXPECT_NE(body.find("case.notify"), std::string::npos);
    EXPECT_EQ(body.find("serious_harm"), std::string::npos);
    EXPECT_EQ(body.find("Child T"), std::string::npos);

    const Actor bu{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "bu"};
    add_panel_member(server->services(), bu, CaseId{case_id}, 1, server->user_id(Role::scrutineer).str());
    body = audit_page(Role::scrutineer);
    EXPECT_NE(body.find("serious_harm"), std::string::npos);
    EXPECT_NE(body.find("Child T"), std::string::npos);
}

TEST_F(AuditContent, ARecommendationsTextIsWithheldFromTheAdministrator) {
    const Actor bu{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "bu"};
    RecommendationInput in;
    in.text = "Health visitors to share concerns with the GP within a day";
    in.theme = "Information sharing";
    in.agency_ids = {server->council().str()};
    add_recommendation(server->services(), bu, CaseId{case_id}, in);
    Browser admin(*server);
    ASSERT_TRUE(admin.sign_in(server->email(Role::administrator)));
    auto page = admin.get("/audit?action=recommendation.");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("recommendation.create"), std::string::npos);
    EXPECT_NE(page->body.find("data-withheld"), std::string::npos);
    EXPECT_EQ(page->body.find("Health visitors"), std::string::npos);
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    EXPECT_NE(unit.get("/audit?action=recommendation.")->body.find("Health visitors"), std::string::npos);
}

}  // namespace assure::testing
