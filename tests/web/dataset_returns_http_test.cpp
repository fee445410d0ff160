// The agencies' returns over HTTP against a real server: the business unit asks for a
// quarter's returns through the API; the council's lead sends figures as JSON and a CSV file,
// each refused figure or row a problem+json error saving nothing; corrections need their
// reason and are kept; the figures reach the scorecard; the pages show the GOV.UK error
// summary for a bad form and for each refused row of an uploaded file; another role may not
// see the returns. The harness's people all belong to its council, the local authority.
#include <nlohmann/json.hpp>

#include <set>

#include "web/harness.hpp"
#include "web/multipart.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class DatasetReturnsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        lead = auth(Role::agency_lead);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    json call(const std::string& method, const std::string& path, const httplib::Headers& h, const json& body, int status) {
        auto c = server->client();
        auto r = method == "GET" ? c.Get(path, h) : c.Post(path, h, body.dump(), "application/json");
        EXPECT_TRUE(r);
        if (!r) return {};
        EXPECT_EQ(r->status, status) << method << " " << path << ": " << r->body;
        return r->body.empty() ? json() : json::parse(r->body);
    }
    // Asks for 2016-17 Q1 and answers the council's return.
    json ask() {
        const json asked = call("POST", "/api/v1/dataset-returns", bu, {{"period", "2016-17-Q1"}}, 201);
        EXPECT_EQ(asked["asked"], 1);
        const json list = call("GET", "/api/v1/dataset-returns?state=late", bu, {}, 200);
        EXPECT_EQ(list["items"].size(), 1u);
        EXPECT_EQ(list["counts"]["late"], 1);
        return call("GET", "/api/v1/dataset-returns/" + std::to_string(list["items"][0]["id"].get<int>()), lead, {}, 200);
    }
    static json figures(const json& ret, const std::string& started) {
        json out = json::array();
        for (const auto& f : ret["figures"]) {
            if (f["asks_for_parts"].get<bool>()) out.push_back({{"code", f["code"]}, {"numerator", 13}, {"denominator", 100}});
            else out.push_back({{"code", f["code"]}, {"value", f["code"] == "cp_started" ? json(started) : json(10)}});
        }
        return out;
    }
    static std::string path_of(const json& ret) { return "/api/v1/dataset-returns/" + std::to_string(ret["id"].get<int>()); }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    httplib::Headers lead;
};

}  // namespace

TEST_F(DatasetReturnsHttp, FiguresSentAsJsonAreCheckedSavedOnceAndReachTheScorecard) {
    const json ret = ask();
    EXPECT_EQ(ret["status"], "late");
    EXPECT_EQ(ret["due_on"], "2016-07-28");
    const int audits = server->count_audit("dataset.return");
    const json refused = call("POST", path_of(ret) + "/figures", lead, {{"version", 1}, {"figures", figures(ret, "forty")}}, 422);
    ASSERT_EQ(refused["errors"].size(), 1u);
    EXPECT_EQ(refused["errors"][0]["field"], "value-cp_started");
    EXPECT_EQ(server->count_audit("dataset.return"), audits) << "nothing saved";

    const json saved = call("POST", path_of(ret) + "/figures", lead, {{"version", 1}, {"figures", figures(ret, "46")}}, 200);
    EXPECT_EQ(saved["status"], "submitted_late");
    EXPECT_EQ(saved["version"], 2);
    const json card = call("GET", "/api/v1/indicators?period=2016-17-Q1", bu, {}, 200);
    bool found = false;
    for (const auto& i : card["items"]) {
        if (i["code"] == "cp_started") {
            EXPECT_EQ(i["value"], 46);
            found = true;
        }
    }
    EXPECT_TRUE(found);

    // A correction needs its reason; with it, the figure before is kept.
    const json no_reason = call("POST", path_of(ret) + "/figures", lead, {{"version", 2}, {"figures", figures(ret, "44")}}, 422);
    EXPECT_EQ(no_reason["errors"][0]["field"], "reason");
    const json corrected = call("POST", path_of(ret) + "/figures", lead,
                                {{"version", 2}, {"reason", "Two plans counted twice"}, {"figures", figures(ret, "44")}}, 200);
    ASSERT_EQ(corrected["corrections_history"].size(), 1u);
    EXPECT_EQ(corrected["corrections_history"][0]["before"]["value"], 46.0);
    EXPECT_EQ(corrected["corrections_history"][0]["after"]["value"], 44.0);
    EXPECT_EQ(corrected["corrections_history"][0]["reason"], "Two plans counted twice");
    EXPECT_EQ(server->count_audit("dataset.return.correct"), 1);
    // A stale version is a conflict.
    call("POST", path_of(ret) + "/figures", lead, {{"version", 2}, {"reason", "again"}, {"figures", figures(ret, "43")}}, 409);
}

TEST_F(DatasetReturnsHttp, AFileWithAnyWrongRowIsRefusedRowByRowAndSavesNothing) {
    const json ret = ask();
    std::string csv = "code,period,value,numerator,denominator\n";
    for (const auto& f : figures(ret, "46")) {
        auto text = [&](const char* k) { return f.contains(k) ? f[k].dump() : std::string(); };
        csv += f["code"].get<std::string>() + ",2016-17-Q1," + text("value") + "," + text("numerator") + "," + text("denominator") + "\n";
    }
    const std::string bad = csv + "cla,2016-17-Q1,290,,\n" + "cp_ended,2016-17-Q2,3,,\n";
    auto r = server->client().Post(path_of(ret) + "/file?version=1&file_name=q1.csv", lead, bad, "text/csv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    const json p = json::parse(r->body);
    ASSERT_GE(p["errors"].size(), 2u);
    EXPECT_EQ(p["report"]["saved"], false);
    const json still = call("GET", path_of(ret), lead, {}, 200);
    EXPECT_EQ(still["submitted_on"], nullptr);
    r = server->client().Post(path_of(ret) + "/file?version=1&file_name=q1.csv", lead, csv, "text/csv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;
    EXPECT_NE(call("GET", path_of(ret), lead, {}, 200)["submitted_on"], nullptr);
}

TEST_F(DatasetReturnsHttp, OnlyTheBusinessUnitAndTheAgencysLeadSeeReturnsAndOnlyTheBusinessUnitAsks) {
    call("POST", "/api/v1/dataset-returns", lead, {{"period", "2016-17-Q1"}}, 403);
    call("GET", "/api/v1/dataset-returns", auth(Role::member), {}, 403);
    const json bad_quarter = call("POST", "/api/v1/dataset-returns", bu, {{"period", "2016-17"}}, 422);
    EXPECT_EQ(bad_quarter["errors"][0]["field"], "period");
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get("/dataset/returns")->status, 403);
}

TEST_F(DatasetReturnsHttp, TheReturnPageShowsTheErrorSummaryForABadFormAndEachRefusedRowOfAFile) {
    const json ret = ask();
    const std::string page = "/dataset/returns/" + std::to_string(ret["id"].get<int>());
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    auto r = b.get(page);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Test Council: Q1 2016/17 return"), std::string::npos);
    EXPECT_NE(r->body.find("name=\"value-cp_started\""), std::string::npos);
    EXPECT_NE(r->body.find("enctype=\"multipart/form-data\""), std::string::npos);

    httplib::Params form{{"version", "1"}, {"value-cp_started", "lots"}};
    r = b.post(page, form);
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("There is a problem"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#value-cp_started\""), std::string::npos);
    EXPECT_NE(r->body.find("The figure for Child protection plans started must be a whole number"), std::string::npos);
    EXPECT_NE(r->body.find("value=\"lots\""), std::string::npos) << "what was typed is shown again";

    const std::string csv = "code,period,value,numerator,denominator\ncp_started,2016-17-Q2,46,,\n";
    httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"version", "1", "", ""}, {"file", csv, "q1.csv", "text/csv"}};
    r = b.http.Post(page + "/file", {{"Cookie", b.cookie}}, items);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 422) << r->body.substr(0, 400);
    EXPECT_NE(r->body.find("Line 2: period 2016-17-Q2 is not this return&#39;s"), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("href=\"#file\""), std::string::npos);
    EXPECT_EQ(server->count_audit("dataset.return.submit"), 0);
    // Without the form's CSRF token the upload is refused before anything reads it.
    httplib::MultipartFormDataItems forged{{"version", "1", "", ""}, {"file", csv, "q1.csv", "text/csv"}};
    r = b.http.Post(page + "/file", {{"Cookie", b.cookie}}, forged);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
}

TEST(Multipart, TextFieldsBecomeParamsAndFilesFilesAndAMalformedBodyNothing) {
    const auto boundary = web::multipart_boundary("multipart/form-data; boundary=----x1");
    ASSERT_TRUE(boundary);
    EXPECT_EQ(*boundary, "----x1");
    EXPECT_FALSE(web::multipart_boundary("application/x-www-form-urlencoded"));
    const std::string body =
        "------x1\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n"
        "------x1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q1.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        "code,period\r\nx,y\r\n\r\n------x1--\r\n";
    httplib::Request req;
    ASSERT_TRUE(web::read_multipart(body, *boundary, req));
    EXPECT_EQ(req.get_param_value("csrf_token"), "abc");
    ASSERT_EQ(req.files.count("file"), 1u);
    EXPECT_EQ(req.files.find("file")->second.filename, "q1.csv");
    EXPECT_EQ(req.files.find("file")->second.content, "code,period\r\nx,y\r\n");
    httplib::Request cut;
    EXPECT_FALSE(web::read_multipart(body.substr(0, 80), *boundary, cut));
    EXPECT_TRUE(cut.params.empty());
}

// The home page counts the returns the person chases (the business unit) or owes (the agency's
// lead); a role with none to answer for sees no such section.
TEST_F(DatasetReturnsHttp, TheHomePageCountsLateReturnsForTheBusinessUnitAndTheAgencysLead) {
    call("POST", "/api/v1/dataset-returns", bu, {{"period", "2016-17-Q1"}}, 201);
    for (const Role role : {Role::business_unit, Role::agency_lead}) {
        Browser b(*server);
        ASSERT_TRUE(b.sign_in(server->email(role)));
        const auto home = b.get("/");
        ASSERT_EQ(home->status, 200);
        EXPECT_NE(home->body.find("1</span><br><a class=\"govuk-link\" href=\"/dataset/returns?state=late\">returns late"),
                  std::string::npos)
            << role_key(role) << ": " << home->body;
    }
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get("/")->body.find("returns late"), std::string::npos);
}

TEST_F(DatasetReturnsHttp, AFigureTheRecordsCountForThePeriodIsMarkedOnTheReturnAndItsForm) {
    const json ret = ask();
    for (const auto& f : ret["figures"]) EXPECT_FALSE(f["counted_from_records"].get<bool>()) << f["code"] << ": nothing imported yet";

    // The council's census for 2016/17: one child on a neglect plan from June.
    const std::string census =
        "<Message><Header><CollectionDetails><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header><Children>\n"
        "<Child><ChildIdentifiers><LAchildID>LA0001</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2016-05-03</CINreferralDate>"
        "<ChildProtectionPlans><CPPstartDate>2016-06-01</CPPstartDate><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse></ChildProtectionPlans>"
        "</CINdetails></Child>\n</Children></Message>\n";
    auto r = server->client().Post("/api/v1/imports/cin-census?period=2016-17", bu, census, "application/xml");
    ASSERT_EQ(r->status, 201) << r->body;

    const json after = call("GET", path_of(ret), lead, {}, 200);
    std::set<std::string> asked, counted;
    for (const auto& f : after["figures"]) {
        asked.insert(f["code"].get<std::string>());
        if (f["counted_from_records"].get<bool>()) counted.insert(f["code"].get<std::string>());
    }
    EXPECT_TRUE(counted.contains("cp_plans")) << after.dump();
    EXPECT_TRUE(counted.contains("cp_started"));
    ASSERT_TRUE(asked.contains("lado_referrals")) << ::testing::PrintToString(asked);
    EXPECT_FALSE(counted.contains("lado_referrals")) << "no record counts it: the return's figure is the one used";
    EXPECT_FALSE(counted.contains("missing_rhi_offered_72h")) << "no missing file is imported";

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    const auto page = b.get("/dataset/returns/" + std::to_string(ret["id"].get<int>()));
    ASSERT_EQ(page->status, 200);
    const auto at = page->body.find("id=\"figure-cp_plans\"");
    ASSERT_NE(at, std::string::npos);
    EXPECT_NE(page->body.find("Counted from the records.", at), std::string::npos);
    EXPECT_LT(page->body.find("Counted from the records.", at), page->body.find("</fieldset>", at)) << "within cp_plans's own fields";
}
