// The training needs analysis over HTTP (issue 16 item 5): the business unit opens one (a wrong
// date named in the error summary, nothing saved), the agency's lead answers for their agency on
// a form that names a missing figure, a member cannot read an agency's return, and the API opens,
// reads and answers alike with problem+json field errors.
#include <nlohmann/json.hpp>

#include "fakes/training_records.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

CourseId course(Server& server) {
    CourseId id;
    server.services().store.write([&](Transaction& tx) {
        const auto session = store_session(tx, PartnershipId{1}, "Working Together", Date{2027, 2, 11}, 24);
        id = tx.training().find_session(PartnershipId{1}, session)->course;
    });
    return id;
}

std::string today_plus(int days) { return london_date(static_cast<Instant>(std::time(nullptr)) + days * 86400).iso(); }

httplib::Params dated(httplib::Params form, const std::string& name, const std::string& iso) {
    form.emplace(name + "-day", iso.substr(8, 2));
    form.emplace(name + "-month", iso.substr(5, 2));
    form.emplace(name + "-year", iso.substr(0, 4));
    return form;
}

}  // namespace

TEST(TrainingNeedsHttp, TheUnitOpensAnAnalysisAndTheAgencysLeadSubmitsItsReturn) {
    Server server;
    const CourseId wt = course(server);
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get("/training/needs"), "No training needs analysis has been opened yet."));
    auto form = unit.get("/training/needs/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Working Together"));

    httplib::Params base{{"title", "Training needs analysis 2026 to 2028"}, {"courses", wt.str()}, {"other_topics", "Online harm"}};
    base = dated(base, "opens", today_plus(0));
    auto wrong = unit.post("/training/needs", dated(base, "closes", today_plus(-3)));
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "href=\"#closes\""));
    auto no_topic = unit.post("/training/needs", dated(dated({{"title", "Nothing asked"}}, "opens", today_plus(0)), "closes", today_plus(30)));
    ASSERT_EQ(no_topic->status, 422);
    EXPECT_TRUE(has(no_topic, "href=\"#courses\"")) << "the summary links to the courses' first box";
    EXPECT_EQ(server.count_audit("training_needs.open"), 0);
    auto opened = unit.post("/training/needs", dated(base, "closes", today_plus(30)));
    ASSERT_EQ(opened->status, 303);
    const std::string analysis = opened->get_header_value("Location").substr(0, opened->get_header_value("Location").find('?'));
    EXPECT_EQ(server.count_audit("training_needs.open"), 1);
    auto page = unit.get(analysis);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "0 of 1 agency has returned (0%)."));
    EXPECT_TRUE(has(page, "Test Council"));

    Browser lead(server);
    ASSERT_TRUE(lead.sign_in(server.email(Role::agency_lead)));
    const std::string ret = analysis + "/returns/" + server.council().str();
    EXPECT_TRUE(has(lead.get(analysis), "Your agency’s return"));
    auto blank = lead.get(ret);
    ASSERT_EQ(blank->status, 200);
    EXPECT_TRUE(has(blank, "Staff who work with children or their families"));
    auto missing = lead.post(ret, {{"version", "1"}, {"workforce", "120"}, {"need-1", "30"}, {"need-2", "4"}, {"action", "submit"}});
    ASSERT_EQ(missing->status, 422);
    EXPECT_TRUE(has(missing, "href=\"#trained\""));
    ASSERT_EQ(lead.post(ret, {{"version", "1"}, {"workforce", "120"}, {"trained", "90"}, {"need-1", "30"}, {"need-2", "4"}, {"action", "submit"}})->status,
              303);
    EXPECT_EQ(server.count_audit("training_needs.submit"), 1);
    EXPECT_TRUE(has(lead.get(ret), "Submitted on"));
    auto results = unit.get(analysis);
    EXPECT_TRUE(has(results, "1 of 1 agency has returned (100%)."));
    EXPECT_TRUE(has(results, "75%")) << "90 of 120 trained";
    auto csv = unit.get(analysis + "/returns.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_TRUE(has(csv, "Staff needing Working Together,Staff needing Online harm")) << csv->body;
    EXPECT_TRUE(has(csv, "Test Council,Submitted,")) << csv->body;
    EXPECT_TRUE(has(csv, ",120,90,75,30,4,")) << csv->body;
    auto xlsx = unit.get(analysis + "/returns.xlsx");
    ASSERT_EQ(xlsx->status, 200);
    EXPECT_EQ(xlsx->body.substr(0, 2), "PK") << "a workbook";

    Browser member(server);
    ASSERT_TRUE(member.sign_in(server.email(Role::member)));
    EXPECT_EQ(member.get(ret)->status, 404) << "a member reads no agency's return";
    EXPECT_FALSE(has(member.get(analysis + "/returns.csv"), "Test Council")) << "nor its figures in the download";
    EXPECT_EQ(member.get("/training/needs/new")->status, 403);
}

TEST(TrainingNeedsHttp, TheApiOpensReadsAndAnswersWithFieldErrors) {
    Server server;
    const CourseId wt = course(server);
    auto c = server.client();
    const httplib::Headers unit{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    const httplib::Headers lead{{"Authorization", "Bearer " + server.token(Role::agency_lead)}};
    const httplib::Headers member{{"Authorization", "Bearer " + server.token(Role::member)}};
    const json body{{"title", "TNA"}, {"opens", today_plus(0)}, {"closes", today_plus(30)}, {"course_ids", {wt.value}}, {"other_topics", {"Online harm"}}};
    EXPECT_EQ(c.Post("/api/v1/training-needs", member, body.dump(), "application/json")->status, 403);
    auto bad = c.Post("/api/v1/training-needs", unit, json{{"opens", today_plus(0)}, {"closes", today_plus(30)}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    const auto fields = json::parse(bad->body)["errors"];
    EXPECT_TRUE(std::any_of(fields.begin(), fields.end(), [](const json& e) { return e["field"] == "title"; }));
    EXPECT_TRUE(std::any_of(fields.begin(), fields.end(), [](const json& e) { return e["field"] == "topics"; }));
    auto made = c.Post("/api/v1/training-needs", unit, body.dump(), "application/json");
    ASSERT_EQ(made->status, 201);
    const json a = json::parse(made->body);
    EXPECT_EQ(a["topics"].size(), 2u);
    EXPECT_EQ(a["stage"], "open");
    const std::string ret = "/api/v1/training-needs/" + std::to_string(a["id"].get<int>()) + "/returns/" + server.council().str();
    auto wrong = c.Put(ret, lead, json{{"version", 1}, {"workforce", 10}, {"trained", 20}, {"needs", {1, 1}}, {"submit", true}}.dump(), "application/json");
    ASSERT_EQ(wrong->status, 422);
    EXPECT_EQ(json::parse(wrong->body)["errors"][0]["field"], "trained");
    auto saved = c.Put(ret, lead, json{{"version", 1}, {"workforce", 10}, {"trained", 8}, {"needs", {3, nullptr}}, {"submit", false}}.dump(), "application/json");
    ASSERT_EQ(saved->status, 200);
    EXPECT_EQ(json::parse(saved->body)["state"], "draft");
    const json read = json::parse(c.Get("/api/v1/training-needs/" + std::to_string(a["id"].get<int>()), unit)->body);
    EXPECT_EQ(read["figures"]["invited"], 1);
    EXPECT_EQ(read["figures"]["submitted"], 0) << "a draft is not counted";
    EXPECT_EQ(read["figures"]["by_topic"][0]["places"], 24);
    EXPECT_EQ(c.Get(ret, member)->status, 404);
}
