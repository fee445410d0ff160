// The exception report and the import page over HTTP against a real server: an indicator red
// and off trend is listed with a note form; a note without its narrative shows the GOV.UK
// error summary naming the note's own field and saves nothing; a note with an action on the
// plan links to it; the CSV download carries the note; a file imported from the page shows its
// import report, refused rows listed by line.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

const std::string kFigures =
    "code,period,value,numerator,denominator\n"
    "cp_second_or_subsequent,2016-17-Q1,14,,\n"
    "cp_second_or_subsequent,2016-17-Q2,16,,\n"
    "cp_second_or_subsequent,2016-17-Q3,18,,\n";

class DatasetExceptionsHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = std::make_unique<Browser>(*server);
        ASSERT_TRUE(bu->sign_in(server->email(Role::business_unit)));
    }
    httplib::Result upload(const std::string& kind, const std::string& csv, const std::string& period = "") {
        bu->get("/dataset/imports/new");
        httplib::MultipartFormDataItems items{{"csrf_token", bu->csrf, "", ""}, {"kind", kind, "", ""}, {"period", period, "", ""},
                                              {"file", csv, kind + ".csv", "text/csv"}};
        return bu->http.Post("/dataset/imports/new", {{"Cookie", bu->cookie}}, items);
    }
    std::unique_ptr<Server> server;
    std::unique_ptr<Browser> bu;
};

}  // namespace

TEST_F(DatasetExceptionsHttp, AFileImportedFromThePageShowsItsReportAndRefusedRowsByLine) {
    auto r = upload("indicator-values", kFigures + "nonsense,2016-17-Q1,1,,\n");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("There is a problem"), std::string::npos);
    EXPECT_NE(r->body.find("id=\"refused-rows\""), std::string::npos);
    EXPECT_NE(r->body.find("code &quot;nonsense&quot; is not an indicator"), std::string::npos) << r->body.substr(0, 3000);
    EXPECT_EQ(server->count_audit("dataset.import"), 0) << "nothing saved";
    r = upload("indicator-values", kFigures);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("3 rows saved from indicator-values.csv"), std::string::npos);
    EXPECT_EQ(server->count_audit("dataset.import"), 1);
    // Without a kind or a file, the form says so.
    bu->get("/dataset/imports/new");
    r = bu->http.Post("/dataset/imports/new", {{"Cookie", bu->cookie}}, httplib::MultipartFormDataItems{{"csrf_token", bu->csrf, "", ""}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("href=\"#kind\""), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#file\""), std::string::npos);
}

TEST_F(DatasetExceptionsHttp, AnExceptionsNoteIsCheckedSavedAndInTheCsv) {
    ASSERT_EQ(upload("indicator-values", kFigures)->status, 200);
    auto page = bu->get("/dataset/exceptions?period=2016-17-Q3");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("id=\"exception-cp_second_or_subsequent\""), std::string::npos);
    EXPECT_NE(page->body.find("Red and off trend"), std::string::npos);
    EXPECT_NE(page->body.find("name=\"narrative-cp_second_or_subsequent\""), std::string::npos);

    auto r = bu->post("/dataset/exceptions/note", {{"period", "2016-17-Q3"}, {"code", "cp_second_or_subsequent"}, {"version", "0"},
                                                  {"narrative-cp_second_or_subsequent", ""}, {"action_taken-cp_second_or_subsequent", "An audit"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("href=\"#narrative-cp_second_or_subsequent\""), std::string::npos);
    EXPECT_EQ(server->count_audit("dataset.exception"), 0);

    r = bu->post("/dataset/exceptions/note", {{"period", "2016-17-Q3"}, {"code", "cp_second_or_subsequent"}, {"version", "0"},
                                             {"narrative-cp_second_or_subsequent", "Plans closed too early were restarted"},
                                             {"action_taken-cp_second_or_subsequent", "A dip sample of repeat plans"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(server->count_audit("dataset.exception"), 1);
    auto csv = bu->get("/dataset/exceptions.csv?period=2016-17-Q3");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("cp_second_or_subsequent"), std::string::npos);
    EXPECT_NE(csv->body.find("Plans closed too early were restarted"), std::string::npos);
    EXPECT_NE(csv->body.find("Red and off trend"), std::string::npos);
}
