// The directory's pages and API over real HTTP: 403, 404, 409, 422, and nothing saved on error.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"
#include "web/html.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

class DirectoryHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new Server(); }
    static void TearDownTestSuite() { delete server; }
    static Server* server;
};
Server* DirectoryHttp::server = nullptr;

TEST_F(DirectoryHttp, BusinessUnitCreatesAnAgencyAfterFixingErrors) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(b.get("/agencies/new")->status, 200);
    const int before = server->count_agencies();
    const int audit_before = server->count_audit();

    auto bad = b.post("/agencies", {{"name", ""}, {"kind", "statutory_partner"}, {"statutory_role", "none"}, {"sector", ""}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("<title>Error: Add an agency"), std::string::npos);
    EXPECT_NE(bad->body.find("href=\"#name\">Enter the agency name"), std::string::npos);
    EXPECT_NE(bad->body.find("href=\"#sector\">Select the agency&#39;s sector"), std::string::npos);
    EXPECT_EQ(server->count_agencies(), before);
    EXPECT_EQ(server->count_audit(), audit_before);

    auto good = b.post("/agencies", {{"name", "St Edmund Arrowsmith Catholic Academy"}, {"kind", "relevant_agency"},
                                     {"statutory_role", "none"}, {"sector", "education"}});
    ASSERT_TRUE(good);
    EXPECT_EQ(good->status, 303);
    EXPECT_EQ(server->count_agencies(), before + 1);
    EXPECT_EQ(server->count_audit(), audit_before + 1);
    auto shown = b.get(good->get_header_value("Location"));
    EXPECT_NE(shown->body.find("St Edmund Arrowsmith Catholic Academy"), std::string::npos);
}

TEST_F(DirectoryHttp, ChangingAStaleVersionIs409AndKeepsTheOtherEdit) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::administrator)));
    const std::string path = "/agencies/" + server->council().str() + "/edit";
    auto form = b.get(path);
    const std::string version = Browser::hidden(form->body, "version");
    ASSERT_FALSE(version.empty());
    auto first = b.post(path, {{"version", version}, {"name", "Test Council (renamed)"}, {"kind", "statutory_partner"},
                               {"statutory_role", "local_authority"}, {"sector", "local_authority"}});
    EXPECT_EQ(first->status, 303);
    auto second = b.post(path, {{"version", version}, {"name", "Lost update"}, {"kind", "statutory_partner"},
                                {"statutory_role", "local_authority"}, {"sector", "local_authority"}});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 409);
    EXPECT_NE(b.get("/agencies/" + server->council().str())->body.find("Test Council (renamed)"), std::string::npos);
}

TEST_F(DirectoryHttp, ReadOnlyUserCannotReachEditPages) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::read_only)));
    EXPECT_EQ(b.get("/agencies")->status, 200);
    EXPECT_EQ(b.get("/agencies/new")->status, 403);
    const int before = server->count_agencies();
    auto r = b.post("/agencies", {{"name", "X"}, {"kind", "relevant_agency"}, {"sector", "other"}});
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(server->count_agencies(), before);
}

TEST_F(DirectoryHttp, FormPostWithoutCsrfTokenChangesNothing) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const int before = server->count_agencies();
    auto r = b.post("/agencies", {{"name", "Forged"}, {"kind", "relevant_agency"}, {"statutory_role", "none"},
                                  {"sector", "other"}},
                    false);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(server->count_agencies(), before);
}

TEST_F(DirectoryHttp, PersonFormRejectsBadEmailAndForeignAgency) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    b.get("/people/new");
    auto r = b.post("/people", {{"name", "Priya Shah"}, {"job_title", "Designated Safeguarding Lead"},
                                {"agency_id", "424242"}, {"email", "priya.shah"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Select an agency in this partnership"), std::string::npos);
    EXPECT_NE(r->body.find("Enter an email address in the correct format"), std::string::npos);
    EXPECT_NE(r->body.find("value=\"Priya Shah\""), std::string::npos);  // what was typed is kept
}

TEST_F(DirectoryHttp, ApiNeedsAToken) {
    auto r = server->client().Get("/api/v1/agencies");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    auto bad = server->client().Get("/api/v1/agencies", {{"Authorization", "Bearer not-a-token"}});
    EXPECT_EQ(bad->status, 401);
}

TEST_F(DirectoryHttp, ApiCreatesReadsAndRefusesStaleOrInvalidWrites) {
    auto c = server->client();
    const httplib::Headers auth{{"Authorization", "Bearer " + server->token(Role::business_unit)}};
    auto created = c.Post("/api/v1/agencies", auth,
                          json{{"name", "Knowsley Youth Justice Service"}, {"kind", "relevant_agency"},
                               {"sector", "justice"}}.dump(),
                          "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    const auto agency = json::parse(created->body);
    const std::string path = "/api/v1/agencies/" + std::to_string(agency["id"].get<int>());
    EXPECT_EQ(created->get_header_value("Location"), path);

    auto read = c.Get(path, auth);
    EXPECT_EQ(json::parse(read->body)["sector"], "justice");

    auto patched = c.Patch(path, auth, json{{"version", 1}, {"name", "Knowsley YJS"}}.dump(), "application/json");
    EXPECT_EQ(patched->status, 200);
    EXPECT_EQ(json::parse(patched->body)["version"], 2);

    auto stale = c.Patch(path, auth, json{{"version", 1}, {"name", "Lost"}}.dump(), "application/json");
    EXPECT_EQ(stale->status, 409);
    EXPECT_EQ(stale->get_header_value("Content-Type"), "application/problem+json");

    const int before = server->count_agencies();
    auto invalid = c.Post("/api/v1/agencies", auth, json{{"name", ""}, {"kind", "charity"}, {"sector", 7}}.dump(),
                          "application/json");
    ASSERT_EQ(invalid->status, 422);
    const auto problem = json::parse(invalid->body);
    EXPECT_EQ(problem["status"], 422);
    ASSERT_TRUE(problem["errors"].is_array());
    EXPECT_EQ(problem["errors"][0]["field"], "sector");
    EXPECT_EQ(problem["errors"][0]["message"], "sector must be a string");
    EXPECT_EQ(server->count_agencies(), before);

    auto missing = c.Get("/api/v1/agencies/987654", auth);
    EXPECT_EQ(missing->status, 404);
    auto not_json = c.Post("/api/v1/agencies", auth, "name=x", "application/x-www-form-urlencoded");
    EXPECT_EQ(not_json->status, 415);
}

TEST_F(DirectoryHttp, ApiRespectsTheTokensRole) {
    auto c = server->client();
    const httplib::Headers auth{{"Authorization", "Bearer " + server->token(Role::read_only)}};
    EXPECT_EQ(c.Get("/api/v1/people", auth)->status, 200);
    const int before = server->count_agencies();
    auto r = c.Post("/api/v1/agencies", auth, json{{"name", "X"}, {"kind", "relevant_agency"}, {"sector", "other"}}.dump(),
                    "application/json");
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(server->count_agencies(), before);
}

TEST_F(DirectoryHttp, CalendarApiAddsWorkingDaysAndListsBankHolidays) {
    auto c = server->client();
    const httplib::Headers auth{{"Authorization", "Bearer " + server->token(Role::member)}};
    auto r = c.Get("/api/v1/calendar/add-working-days?from=2022-05-31&days=5", auth);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(json::parse(r->body)["date"], "2022-06-09");
    auto bad = c.Get("/api/v1/calendar/add-working-days?from=2022-02-30&days=-1", auth);
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(json::parse(bad->body)["errors"].size(), 2u);
    auto holidays = c.Get("/api/v1/calendar/bank-holidays?year=2023", auth);
    ASSERT_EQ(holidays->status, 200);
    EXPECT_EQ(json::parse(holidays->body)["items"].size(), 9u);
}

TEST_F(DirectoryHttp, AuditPageSaysHowManyEntriesMatchInWords) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::administrator)));
    ASSERT_EQ(b.post("/agencies", {{"name", "Audit Count Academy"}, {"kind", "relevant_agency"}, {"statutory_role", "none"},
                                   {"sector", "education"}})->status,
              303);
    const int creates = server->count_audit("agency.create");
    ASSERT_GE(creates, 1);
    auto page = b.get("/audit?action=agency.create");
    ASSERT_EQ(page->status, 200);
    const std::string said = web::grouped(creates) + (creates == 1 ? " entry" : " entries");
    EXPECT_NE(page->body.find("<p class=\"govuk-body\">" + said + "</p>"), std::string::npos) << said;
    // Who made the change: their name, with the email beneath it in smaller type rather than
    // the stored label "Name <email>".
    const std::string name = std::string(role_label(Role::administrator)) + " Person";
    const std::string email = server->email(Role::administrator);
    EXPECT_NE(page->body.find("<td class=\"govuk-table__cell\">" + name + "<br><span class=\"govuk-body-s\">" + email + "</span></td>"),
              std::string::npos);
    EXPECT_EQ(page->body.find("&lt;" + email), std::string::npos) << "the label is not shown whole";
}

TEST_F(DirectoryHttp, ARecordsPageHasABackLinkAboveItsContentToTheListItIsIn) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string body = b.get("/agencies/" + server->council().str())->body;
    const std::string link = "<a href=\"/agencies\" class=\"govuk-back-link\">Back to agencies</a>";
    const auto back = body.find(link);
    ASSERT_NE(back, std::string::npos) << body;
    // Inside <main>, so that every link is within a landmark, and above the heading.
    EXPECT_LT(body.find("<main "), back);
    EXPECT_LT(back, body.find("<h1"));
    EXPECT_EQ(body.find("Back to agencies", back + link.size()), std::string::npos) << "once, not also at the foot";
    EXPECT_EQ(b.get("/agencies")->body.find("govuk-back-link"), std::string::npos) << "the list itself has none";
}
