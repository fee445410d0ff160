// Changing the partnership's indicator catalogue over HTTP (issue 15 item 1): the business unit
// changes an indicator's target on its page (a wrong one refused with the error summary, nothing
// saved), records a benchmark, and the indicator's page shows them; the API patches only what it
// is sent and refuses as the page does; a member reads but may not change.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

}  // namespace

TEST(DatasetCatalogueHttp, TheUnitChangesATargetAndRecordsABenchmarkOnThePage) {
    Server server;
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get("/dataset/indicators/cp_rate"), "href=\"/dataset/indicators/cp_rate/edit\""));
    const auto form = unit.get("/dataset/indicators/cp_rate/edit");
    ASSERT_EQ(form->status, 200) << form->body;
    const std::string name = Browser::hidden(form->body, "name");

    const auto wrong = unit.post("/dataset/indicators/cp_rate/edit", {{"name", ""}, {"source_agency", "Council"}, {"target", "lots"}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "govuk-error-summary"));
    EXPECT_TRUE(has(wrong, "Enter the target as a number"));
    EXPECT_EQ(server.count_audit("dataset."), 0) << "nothing saved, not even the catalogue's adoption";

    const auto saved = unit.post("/dataset/indicators/cp_rate/edit",
                                 {{"name", "Child protection plans per 10,000 children"}, {"source_agency", "Test Council"}, {"target", "55"}, {"tolerance", "3"}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    const auto page = unit.get("/dataset/indicators/cp_rate?saved=1");
    EXPECT_TRUE(has(page, "The indicator was saved."));
    EXPECT_TRUE(has(page, "Test Council"));
    EXPECT_TRUE(has(page, "55.0"));

    const auto bench = unit.post("/dataset/indicators/cp_rate/benchmarks", {{"year", "2016-17"}, {"area", "region"}, {"value", "61.4"}});
    ASSERT_EQ(bench->status, 303) << bench->body;
    const auto edit = unit.get("/dataset/indicators/cp_rate/edit?saved=benchmark");
    EXPECT_TRUE(has(edit, "The benchmark was recorded."));
    EXPECT_TRUE(has(edit, "61.4"));
    EXPECT_EQ(unit.post("/dataset/indicators/cp_rate/benchmarks", {{"year", "next year"}, {"area", "region"}, {"value", "1"}})->status, 422);

    Browser member(server);
    ASSERT_TRUE(member.sign_in(server.email(Role::member)));
    EXPECT_FALSE(has(member.get("/dataset/indicators/cp_rate"), "/edit\""));
    EXPECT_EQ(member.get("/dataset/indicators/cp_rate/edit")->status, 403);
}

TEST(DatasetCatalogueHttp, TheApiPatchesOnlyWhatItIsSent) {
    Server server;
    const httplib::Headers bu{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    const auto patched = server.client().Patch("/api/v1/indicators/icpc_in_15_days", bu, json{{"target", 80}}.dump(), "application/json");
    ASSERT_EQ(patched->status, 200) << patched->body;
    const json d = json::parse(patched->body);
    EXPECT_EQ(d["target"], 80.0);
    EXPECT_FALSE(d["name"].get<std::string>().empty()) << "the name not sent is kept";
    const auto bad = server.client().Patch("/api/v1/indicators/icpc_in_15_days", bu, json{{"target", 120}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(json::parse(bad->body)["errors"][0]["field"], "target");
    EXPECT_EQ(server.client().Patch("/api/v1/indicators/nothing_like_it", bu, json{{"target", 1}}.dump(), "application/json")->status, 404);
    const auto made = server.client().Post("/api/v1/indicators/icpc_in_15_days/benchmarks", bu,
                                           json{{"year", "2016-17"}, {"area", "england"}, {"value", 77.2}}.dump(), "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    EXPECT_EQ(json::parse(made->body)["area"], "england");
    const httplib::Headers member{{"Authorization", "Bearer " + server.token(Role::member)}};
    EXPECT_EQ(server.client().Patch("/api/v1/indicators/icpc_in_15_days", member, json{{"target", 1}}.dump(), "application/json")->status, 403);
}
