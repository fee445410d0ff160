// The dataset over HTTP against a real server: the demo's files imported through the API give
// seed 001's published figures; refused rows answer problem+json naming each line and save
// nothing; only the business unit imports; the scorecard page draws its trends as SVG with the
// figures in tables; the CSV download; an import over the server's import limit is refused
// before it is read, from the API and the page.
#include <nlohmann/json.hpp>

#include "cli/demo_dataset.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class DatasetHttp : public ::testing::Test {
protected:
    void SetUp() override {
        // The demo's children in need census is over the 1 MiB any other request may carry: an
        // import has its own limit, and its body is written to a file as it arrives.
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result post_file(const std::string& kind, const std::string& query, const std::string& csv, const httplib::Headers& h) {
        return server->client().Post("/api/v1/imports/" + kind + query, h, csv, "text/csv");
    }
    json get(const std::string& path, int status = 200) {
        auto r = server->client().Get(path, bu);
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    void import_demo() {
        for (const auto& f : cli::demo_dataset_files()) {
            const std::string query = "?file_name=" + f.name + (f.period.empty() ? "" : "&period=" + f.period);
            auto r = post_file(f.kind, query, f.csv, bu);
            ASSERT_TRUE(r);
            ASSERT_EQ(r->status, 201) << f.name << ": " << r->body;
        }
    }
    static const json& item(const json& body, const std::string& code) {
        for (const auto& i : body["items"]) {
            if (i["code"] == code) return i;
        }
        throw std::runtime_error("no indicator " + code);
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
};

}  // namespace

TEST_F(DatasetHttp, TheDemoRecordsReproduceSeed001sPublishedFigures) {
    import_demo();
    const json year = get("/api/v1/indicators?period=2016-17");
    EXPECT_EQ(year["period"], "2016-17");
    EXPECT_EQ(item(year, "cla")["value"], 290);
    const json& rate = item(year, "cla_rate");
    EXPECT_EQ(rate["value"], 89.3);
    EXPECT_EQ(rate["numerator"], 290);
    EXPECT_EQ(rate["denominator"], 32486);
    EXPECT_EQ(rate["unit"], "rate_per_10000");
    EXPECT_EQ(rate["target"], 95.0);
    EXPECT_EQ(rate["rag"], "green");
    EXPECT_EQ(item(year, "missing_children")["value"], 403);  // not 127 + 155 + 140 + 115 = 537
    EXPECT_EQ(item(year, "missing_episodes")["value"], 1347);
    EXPECT_EQ(item(year, "missing_cla_children")["value"], 79);
    EXPECT_EQ(item(year, "missing_cla_episodes")["value"], 350);
    EXPECT_EQ(item(year, "cp_plans")["value"], 220);
    EXPECT_EQ(item(year, "cp_rate")["value"], 67.7);
    EXPECT_EQ(item(year, "cp_category_emo")["value"], 50.0);
    EXPECT_EQ(item(year, "cp_category_neg")["value"], 43.6);
    EXPECT_EQ(item(year, "cp_second_or_subsequent")["value"], 13.0);
    EXPECT_EQ(item(year, "cp_second_or_subsequent")["direction"], "improving");  // 14.4 the year before
    // 2015/16's child protection figures are counted from its children in need census.
    const json census_year = get("/api/v1/indicators?period=2015-16");  // the year before
    EXPECT_EQ(item(census_year, "cp_plans")["value"], 208);
    EXPECT_EQ(item(census_year, "cp_plans")["counted_from"], "records");
    EXPECT_EQ(item(year, "cp_plans")["counted_from"], "returns");
    EXPECT_EQ(item(year, "cla")["counted_from"], "records");
    EXPECT_EQ(item(census_year, "cp_second_or_subsequent")["numerator"], 18);
    EXPECT_EQ(item(census_year, "cp_second_or_subsequent")["denominator"], 125);
    EXPECT_EQ(item(census_year, "cp_second_or_subsequent")["value"], 14.4);
    EXPECT_EQ(item(census_year, "cp_category_emo")["numerator"], 96);
    EXPECT_EQ(item(census_year, "cp_started")["value"], 125);
    EXPECT_EQ(item(census_year, "icpc_in_15_days")["denominator"], 125);
    const std::vector<std::pair<int, int>> quarters{{127, 335}, {155, 404}, {140, 334}, {115, 274}};
    const std::vector<std::pair<int, int>> cla_quarters{{34, 91}, {29, 119}, {33, 72}, {33, 68}};
    for (int q = 1; q <= 4; ++q) {
        const json quarter = get("/api/v1/indicators?period=2016-17-Q" + std::to_string(q));
        EXPECT_EQ(item(quarter, "missing_children")["value"], quarters[q - 1].first) << "Q" << q;
        EXPECT_EQ(item(quarter, "missing_episodes")["value"], quarters[q - 1].second) << "Q" << q;
        EXPECT_EQ(item(quarter, "missing_cla_children")["value"], cla_quarters[q - 1].first) << "Q" << q;
        EXPECT_EQ(item(quarter, "missing_cla_episodes")["value"], cla_quarters[q - 1].second) << "Q" << q;
    }
    const json before = get("/api/v1/indicators?period=2015-16");
    EXPECT_EQ(item(before, "cla")["value"], 291);
    EXPECT_EQ(item(before, "cla_rate")["value"], 89.0);
    EXPECT_EQ(item(before, "missing_episodes")["value"], 845);
    EXPECT_EQ(item(before, "missing_cla_episodes")["value"], 304);
    const json& bench = item(year, "cla_rate")["benchmarks"];
    ASSERT_EQ(bench.size(), 3u);
    EXPECT_EQ(bench[0]["area"], "england");
    EXPECT_EQ(bench[0]["value"], 60.0);
}

TEST_F(DatasetHttp, RefusedRowsAnswerAProblemNamingEachLineAndSaveNothing) {
    ASSERT_EQ(post_file("ssda903-header", "?period=2016-17", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/01/2010,WBRI,,,\n", bu)->status, 201);
    const std::string csv = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                            "A1,01/05/2016,S,C2,N1,U1,PR1,,,,,,\n"
                            "A1,31/06/2016,P,C2,N1,U1,PR1,,,,,,\n"
                            "B7,01/05/2016,S,C2,N1,U1,PR1,,,,,,\n";
    auto r = post_file("ssda903-episodes", "?period=2016-17", csv, bu);
    ASSERT_EQ(r->status, 422) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(r->body);
    ASSERT_EQ(problem["errors"].size(), 2u);
    EXPECT_EQ(problem["errors"][0]["line"], 3);
    EXPECT_EQ(problem["errors"][0]["field"], "DECOM");
    EXPECT_EQ(problem["errors"][1]["line"], 4);
    EXPECT_EQ(problem["errors"][1]["field"], "CHILD");
    EXPECT_EQ(problem["report"]["saved"], false);
    EXPECT_EQ(problem["report"]["rows_read"], 3);
    EXPECT_EQ(problem["report"]["rows_valid"], 1);
    EXPECT_EQ(problem["report"]["rows_saved"], 0);
    EXPECT_NE(problem["detail"].get<std::string>().find("save the 1 valid rows"), std::string::npos);
    EXPECT_EQ(get("/api/v1/imports")["items"].size(), 1u);  // the header only

    r = post_file("ssda903-episodes", "?period=2016-17&accept=valid", csv, bu);
    ASSERT_EQ(r->status, 201) << r->body;
    const json report = json::parse(r->body);
    EXPECT_EQ(report["rows_saved"], 1);
    EXPECT_EQ(report["rows_refused"], 2);
    EXPECT_EQ(report["changes"]["first_import"], true);
    EXPECT_EQ(item(get("/api/v1/indicators?period=2016-17"), "cla")["value"], 1);
}

TEST_F(DatasetHttp, BadRequestsAreProblemsWithFieldErrors) {
    auto r = post_file("ssda903-header", "", "CHILD\n", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "period");
    r = post_file("ssda903-reviews", "?period=2016-17", "x", bu);
    EXPECT_EQ(json::parse(r->body)["errors"][0]["field"], "kind");
    r = post_file("cin-census", "?period=2016-17", "CHILD,DECOM\nC1,01/04/2016\n", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(json::parse(r->body)["title"], "The file is not a cin-census file");
    EXPECT_NE(json::parse(r->body)["detail"].get<std::string>().find("not well-formed XML"), std::string::npos) << r->body;
    r = post_file("population", "", "not,a,population\n1,2,3\n", bu);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(json::parse(r->body)["title"].get<std::string>().find("not a population file"), std::string::npos);
    EXPECT_EQ(get("/api/v1/indicators?period=2016-17-Q5", 422)["errors"][0]["field"], "period");
}

TEST_F(DatasetHttp, OnlyTheBusinessUnitImportsButEveryoneReadsTheFigures) {
    EXPECT_EQ(post_file("population", "", "year,children\n2016,32486\n", {})->status, 401);
    for (const Role role : {Role::administrator, Role::partner_lead, Role::member, Role::agency_lead, Role::scrutineer, Role::read_only}) {
        EXPECT_EQ(post_file("population", "", "year,children\n2016,32486\n", auth(role))->status, 403) << role_key(role);
        EXPECT_EQ(server->client().Get("/api/v1/indicators", auth(role))->status, 200) << role_key(role);
    }
    EXPECT_EQ(server->count_audit("dataset."), 0);
    EXPECT_EQ(post_file("population", "", "year,children\n2016,32486\n", bu)->status, 201);
    EXPECT_EQ(server->count_audit("dataset.import"), 1);
}

TEST_F(DatasetHttp, TheScorecardPageDrawsEachTrendWithItsFiguresBesideIt) {
    import_demo();
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::read_only)));
    auto r = b.get("/dataset?period=2016-17");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Scorecard 2016/17"), std::string::npos);
    EXPECT_NE(r->body.find("<svg class=\"assure-trend\" role=\"img\""), std::string::npos);
    EXPECT_NE(r->body.find("<title id=\"trend-cla_rate-title\">"), std::string::npos);
    EXPECT_NE(r->body.find("2015/16: 89.0; 2016/17: 89.3"), std::string::npos);  // the chart's description reads the figures
    EXPECT_NE(r->body.find("Children looked after per 10,000 children: figures"), std::string::npos);
    EXPECT_NE(r->body.find("England 60.0 (2015/16)"), std::string::npos);
    EXPECT_EQ(r->body.find("<script>"), std::string::npos);
    EXPECT_EQ(r->body.find("K000001"), std::string::npos);

    r = b.get("/dataset.csv?period=2016-17");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_NE(r->body.find("cla_rate,\"Children looked after per 10,000 children\",2016-17,89.3,290,32486,rate_per_10000,95.0,green"),
              std::string::npos)
        << r->body.substr(0, 600);

    r = b.get("/dataset?period=2016-17-Q9");
    EXPECT_EQ(r->status, 422);
}

TEST_F(DatasetHttp, TheImportsPageListsWhatEachImportSaid) {
    ASSERT_EQ(post_file("population", "?file_name=ons.csv", "year,children\n2016,32486\n", bu)->status, 201);
    ASSERT_EQ(post_file("population", "?file_name=ons-revised.csv", "year,children\n2016,32490\n", bu)->status, 201);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto r = b.get("/dataset/imports");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("ons-revised.csv"), std::string::npos);
    EXPECT_NE(r->body.find("1 added, 1 removed, 0 unchanged"), std::string::npos);
}

TEST_F(DatasetHttp, AnImportOverTheServersLimitIsRefusedBeforeItIsReadAndNothingIsSaved) {
    std::string census;
    for (const auto& f : cli::demo_dataset_files()) {
        if (f.kind == "cin-census") census = f.csv;
    }
    ASSERT_GT(census.size(), 1u << 20) << "over a form's limit: the default server took it in the test above";
    Server small([](web::WebConfig& c) { c.max_import_bytes = 1u << 20; });
    auto r = small.client().Post("/api/v1/imports/cin-census?period=2015-16", {{"Authorization", "Bearer " + small.token(Role::business_unit)}},
                                 census, "application/xml");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_NE(json::parse(r->body)["detail"].get<std::string>().find("max_import_mb"), std::string::npos) << r->body;

    Browser b(small);
    ASSERT_TRUE(b.sign_in(small.email(Role::business_unit)));
    b.get("/dataset/imports/new");
    httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"kind", "cin-census", "", ""}, {"period", "2015-16", "", ""},
                                          {"file", census, "census.xml", "application/xml"}};
    r = b.http.Post("/dataset/imports/new", {{"Cookie", b.cookie}}, items);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_NE(r->body.find("The selected file is too large"), std::string::npos);
    EXPECT_EQ(small.count_audit("dataset.import"), 0) << "nothing saved";

    // Under the limit, the same page takes a file larger than any form.
    items[3].content = census.substr(0, 1u << 19);
    r = b.http.Post("/dataset/imports/new", {{"Cookie", b.cookie}}, items);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << "read and refused as cut short, not refused unread";
    EXPECT_NE(r->body.find("not a cin-census file"), std::string::npos);
}

TEST_F(DatasetHttp, TheCensusRulesAreReadByEveryoneAndChangedByTheBusinessUnitFromThePageOrTheApi) {
    const json first = get("/api/v1/dataset/census-rules");
    EXPECT_EQ(first["defaults"], true);
    EXPECT_EQ(first["assessment_working_days"], 45);
    EXPECT_EQ(first["long_plan_months"], 24);
    auto put = [&](const json& body, const httplib::Headers& h) {
        return server->client().Put("/api/v1/dataset/census-rules", h, body.dump(), "application/json");
    };
    const json rules{{"assessment_working_days", 40}, {"conference_working_days", 15}, {"re_referral_months", 12}, {"long_plan_months", 24}};
    EXPECT_EQ(put(rules, auth(Role::member))->status, 403);
    auto r = put({{"assessment_working_days", 400}, {"conference_working_days", true}}, bu);
    ASSERT_EQ(r->status, 422);
    const json problem = json::parse(r->body);
    ASSERT_EQ(problem["errors"].size(), 4u) << r->body;
    EXPECT_EQ(problem["errors"][0]["field"], "assessment_working_days");
    EXPECT_EQ(server->count_audit("dataset.cin_rules"), 0);
    r = put(rules, bu);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(json::parse(r->body)["assessment_working_days"], 40);
    EXPECT_EQ(json::parse(r->body)["defaults"], false);
    EXPECT_EQ(server->count_audit("dataset.cin_rules"), 1);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get("/dataset/census-rules");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("value=\"40\""), std::string::npos);
    page = b.post("/dataset/census-rules", {{"assessment_working_days", "forty"}, {"conference_working_days", "15"},
                                            {"re_referral_months", "12"}, {"long_plan_months", "24"}});
    ASSERT_EQ(page->status, 422);
    EXPECT_NE(page->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(page->body.find("href=\"#assessment_working_days\""), std::string::npos);
    EXPECT_NE(page->body.find("value=\"forty\""), std::string::npos) << "what was typed is shown again";
    page = b.post("/dataset/census-rules", {{"assessment_working_days", "35"}, {"conference_working_days", "15"},
                                            {"re_referral_months", "12"}, {"long_plan_months", "24"}});
    ASSERT_EQ(page->status, 303);
    EXPECT_EQ(page->get_header_value("Location"), "/dataset/census-rules?saved=1");
    EXPECT_EQ(get("/api/v1/dataset/census-rules")["assessment_working_days"], 35);

    Browser reader(*server);
    ASSERT_TRUE(reader.sign_in(server->email(Role::read_only)));
    page = reader.get("/dataset/census-rules");
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Save the census rules"), std::string::npos) << "only the business unit changes them";
    EXPECT_EQ(reader.post("/dataset/census-rules", {{"assessment_working_days", "30"}})->status, 403);
}
