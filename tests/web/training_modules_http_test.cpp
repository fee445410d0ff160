// Online modules over HTTP (issue 16 item 1): the business unit adds a module, imports the
// provider's report (a wrong row named in the error summary and nothing saved, then the report
// whole), reads the year's applications by module and agency and a module's practitioners; the
// figures page and the API say the same; a member reads but cannot change.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

const std::string kReport =
    "Module,Name,Email,Organisation,Applied,Started,Completed\n"
    "Hate Crime,Sam Carter,sam@example.org,Test Council,05/04/2025,06/04/2025,20/04/2025\n"
    "Hate Crime,Jo Bloggs,jo@example.org,,2025-05-01,,\n"
    "Hate Crime,Ali Khan,ali@example.org,Locum agency,2025-06-01,2025-06-02,\n";

httplib::Result upload(Browser& b, const std::string& bytes) {
    httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"file", bytes, "report.csv", "text/csv"}};
    return b.http.Post("/training/modules/import", {{"Cookie", b.cookie}}, items);
}

}  // namespace

TEST(TrainingModulesHttp, TheUnitAddsAModuleImportsTheReportAndReadsTheYear) {
    Server server;
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    ASSERT_EQ(unit.get("/training/modules/new")->status, 200);
    auto refused = unit.post("/training/modules", {{"title", ""}, {"provider", "Virtual College"}, {"link", "elearning.example"}, {"offered", "yes"}, {"version", "0"}});
    ASSERT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused, "govuk-error-summary"));
    EXPECT_TRUE(has(refused, "href=\"#link\""));
    auto added = unit.post("/training/modules", {{"title", "Hate Crime"}, {"provider", "Virtual College"}, {"link", ""}, {"offered", "yes"}, {"version", "0"}});
    ASSERT_EQ(added->status, 303);
    const std::string module = added->get_header_value("Location").substr(0, added->get_header_value("Location").find('?'));
    EXPECT_EQ(server.count_audit("training_module.create"), 1);

    ASSERT_EQ(unit.get("/training/modules/import")->status, 200);
    auto wrong = upload(unit, kReport + "Prevent,Lee Hunt,lee@example.org,,2025-06-01,,\n");
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "Row 5: &quot;Prevent&quot; is not one of the partnership&#39;s online modules")) << wrong->body.substr(0, 3000);
    EXPECT_EQ(server.count_audit("module_enrolment."), 0) << "nothing saved";
    auto done = upload(unit, kReport);
    ASSERT_EQ(done->status, 303);
    auto list = unit.get(done->get_header_value("Location"));
    EXPECT_TRUE(has(list, "Report imported: 3 enrolments added, 0 brought up to date, 0 as they were."));

    auto year = unit.get("/training/modules?year=2025-26");
    ASSERT_EQ(year->status, 200);
    EXPECT_TRUE(has(year, "3 practitioners applied for an online module in 2025 to 2026 and 1 completed one."));
    EXPECT_TRUE(has(year, "<a class=\"govuk-link\" href=\"" + module + "?year=2025-26\">Hate Crime</a></th><td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>"
                          "<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>"
                          "<td class=\"govuk-table__cell govuk-table__cell--numeric\">33%</td>"));
    EXPECT_TRUE(has(year, ">Test Council</th>"));
    EXPECT_TRUE(has(year, ">Locum agency</th>"));
    EXPECT_TRUE(has(year, ">No organisation given</th>"));
    EXPECT_EQ(unit.get("/training/modules?year=soon")->status, 422);

    auto page = unit.get(module + "?year=2025-26");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "3 practitioners applied in 2025 to 2026, 2 started and 1 completed (33%)."));
    EXPECT_TRUE(has(page, "<td class=\"govuk-table__cell\">Sam Carter</td><td class=\"govuk-table__cell\">Test Council</td>"
                          "<td class=\"govuk-table__cell\">5 April 2025</td><td class=\"govuk-table__cell\">Completed on 20 April 2025</td>"));

    auto figures = unit.get("/training/figures?year=2025-26");
    EXPECT_TRUE(has(figures, "Online modules: applications by module"));
    EXPECT_TRUE(has(figures, "3 practitioners applied for an online module in 2025 to 2026 and 1 completed one."));
}

TEST(TrainingModulesHttp, TheApiKeepsModulesTakesTheReportAndAMemberOnlyReads) {
    Server server;
    const httplib::Headers unit{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    const httplib::Headers member{{"Authorization", "Bearer " + server.token(Role::member)}};
    auto c = server.client();
    auto bad = c.Post("/api/v1/modules", unit, json{{"title", ""}, {"link", "ftp://x"}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(bad->body);
    ASSERT_EQ(problem["errors"].size(), 2u);
    EXPECT_EQ(problem["errors"][0]["field"], "title");
    EXPECT_EQ(problem["errors"][1]["field"], "link");
    auto made = c.Post("/api/v1/modules", unit, json{{"title", "Hate Crime"}, {"provider", "Virtual College"}}.dump(), "application/json");
    ASSERT_EQ(made->status, 201);
    const json m = json::parse(made->body);
    const std::string path = "/api/v1/modules/" + std::to_string(m["id"].get<long long>());
    EXPECT_EQ(c.Post("/api/v1/modules", member, json{{"title", "Prevent"}}.dump(), "application/json")->status, 403);

    auto refused = c.Post("/api/v1/modules/enrolments", unit, "Module,Name,Email,Applied\nHate Crime,Sam,not-an-email,2025-04-05\n", "text/csv");
    ASSERT_EQ(refused->status, 422);
    EXPECT_NE(json::parse(refused->body)["errors"][0]["message"].dump().find("Row 2"), std::string::npos) << refused->body;
    auto taken = c.Post("/api/v1/modules/enrolments", unit, kReport, "text/csv");
    ASSERT_EQ(taken->status, 200);
    EXPECT_EQ(json::parse(taken->body), (json{{"added", 3}, {"updated", 0}, {"unchanged", 0}}));

    auto read = c.Get(path + "?year=2025-26&limit=2", member);
    ASSERT_EQ(read->status, 200);
    const json one = json::parse(read->body);
    EXPECT_EQ(one["figures"]["total"]["applied"], 3);
    EXPECT_EQ(one["figures"]["total"]["completion_percent"], 33);
    ASSERT_EQ(one["enrolments"]["items"].size(), 2u);
    EXPECT_EQ(one["enrolments"]["items"][0]["name"], "Ali Khan");
    EXPECT_EQ(one["enrolments"]["items"][0]["stage"], "started");
    EXPECT_FALSE(one["enrolments"]["next"].is_null());

    auto put = c.Put(path, unit, json{{"title", "Hate Crime Awareness"}, {"active", false}, {"version", 1}}.dump(), "application/json");
    ASSERT_EQ(put->status, 200);
    EXPECT_EQ(json::parse(put->body)["active"], false);
    EXPECT_EQ(c.Put(path, unit, json{{"title", "Hate Crime"}, {"version", 1}}.dump(), "application/json")->status, 409);

    auto figures = c.Get("/api/v1/training/figures?year=2025-26", member);
    ASSERT_EQ(figures->status, 200);
    const json f = json::parse(figures->body)["online_modules"];
    EXPECT_EQ(f["practitioners_applied"], 3);
    EXPECT_EQ(f["practitioners_completed"], 1);
    EXPECT_EQ(f["by_module"][0]["name"], "Hate Crime Awareness");
}
