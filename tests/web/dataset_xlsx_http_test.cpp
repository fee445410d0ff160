// Spreadsheets in the dataset, over HTTP against a real server, and the exception report's API.
// An XLSX workbook (written here with libxlsxwriter, as a spreadsheet program would) is read as
// its first sheet: every cell checked like a CSV file's, a refused row named by its row in the
// sheet, nothing saved if any is refused; a cell formatted as a date is read as that date; a
// damaged workbook is refused as the file's problem. The scorecard and the exception report
// download as XLSX. The exception report answers JSON, and its notes and narratives are written
// through the API with versions, checked as on the page. The scorecard is filtered by agency.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "web/harness.hpp"
#include "web/xlsx_read.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

struct Sheet {
    lxw_worksheet* ws;
    lxw_format* date;
    void text(int row, int col, const char* s) const { worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s, nullptr); }
    void number(int row, int col, double v) const { worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, nullptr); }
    void day(int row, int col, int y, int m, int d) const {
        lxw_datetime dt{y, m, d, 0, 0, 0};
        worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &dt, date);
    }
    void heading(const std::vector<const char*>& names) const {
        for (std::size_t i = 0; i < names.size(); ++i) text(0, static_cast<int>(i), names[i]);
    }
};

// A workbook's bytes; `inline_strings` writes texts in the cells rather than in a shared table.
std::string workbook(const std::function<void(const Sheet&)>& fill, bool inline_strings = false) {
    static std::atomic<int> n{0};
    const auto path = std::filesystem::temp_directory_path() /
                      ("assure-xlsx-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".xlsx");
    lxw_workbook_options options{};
    options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    Sheet sheet{workbook_add_worksheet(wb, nullptr), workbook_add_format(wb)};
    format_set_num_format(sheet.date, "dd/mm/yyyy");
    fill(sheet);
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return bytes.str();
}

std::string figures_workbook(bool with_bad_row) {
    return workbook([&](const Sheet& s) {
        s.heading({"code", "period", "value", "numerator", "denominator"});
        s.text(1, 0, "cp_second_or_subsequent");
        s.text(1, 1, "2016-17-Q1");
        s.number(1, 2, 14);
        s.text(2, 0, "cp_second_or_subsequent");
        s.text(2, 1, "2016-17-Q2");
        s.number(2, 2, 16);
        s.text(3, 0, "cp_second_or_subsequent");
        s.text(3, 1, "2016-17-Q3");
        s.number(3, 2, 18);
        if (with_bad_row) {
            s.text(5, 0, "nonsense");  // row 6: row 5 is left empty
            s.text(5, 1, "2016-17-Q1");
            s.number(5, 2, 1);
        }
    });
}

class DatasetXlsxHttp : public ::testing::Test {
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
    httplib::Result post_file(const std::string& path, const std::string& bytes) {
        return server->client().Post(path, bu, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    httplib::Headers lead;
};

}  // namespace

TEST(XlsxRead, TheFirstSheetIsReadAsCsvWithRowsOnTheirLinesAndDatesAsTheExtractsWriteThem) {
    for (const bool inline_strings : {false, true}) {
        const std::string bytes = workbook(
            [](const Sheet& s) {
                s.heading({"CHILD", "DOB", "NOTE", "COUNT"});
                s.text(1, 0, "A1");
                s.day(1, 1, 2010, 2, 28);
                s.text(1, 2, "has, a comma and \"quotes\"");
                s.number(1, 3, 12);
                s.text(3, 0, "A2");  // row 3 is empty; row 4 has only its first cell
                s.day(5, 1, 1900, 1, 1);
                s.day(5, 2, 1900, 3, 1);  // after Excel's 29 February 1900, which never was
                s.text(6, 3, "line\nbreak");
            },
            inline_strings);
        ASSERT_TRUE(web::looks_like_xlsx(bytes));
        EXPECT_EQ(web::xlsx_to_csv(bytes),
                  "CHILD,DOB,NOTE,COUNT\n"
                  "A1,28/02/2010,\"has, a comma and \"\"quotes\"\"\",12\n"
                  "\n"
                  "A2,,,\n"
                  "\n"
                  ",01/01/1900,01/03/1900,\n"
                  ",,,line break\n")
            << (inline_strings ? "inline strings" : "shared strings");
    }
    EXPECT_FALSE(web::looks_like_xlsx("code,period\n"));
    EXPECT_EQ(web::spreadsheet_or_csv("code,period\n"), "code,period\n");
}

TEST(XlsxRead, ADamagedWorkbookOrOneWithoutItsHeadingRowIsTheFilesProblem) {
    auto problem = [](const std::string& bytes) {
        try {
            web::xlsx_to_csv(bytes);
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::invalid);
            return f.fields().empty() ? std::string() : f.fields()[0].field + ": " + f.fields()[0].message;
        }
        return std::string("read");
    };
    EXPECT_NE(problem(std::string("PK\x03\x04", 4) + "not really a zip").find("file: "), std::string::npos);
    const std::string good = figures_workbook(false);
    std::string truncated = good.substr(0, good.size() / 2);
    EXPECT_NE(problem(truncated).find("file: "), std::string::npos);
    const std::string no_heading = workbook([](const Sheet& s) { s.text(2, 0, "code"); });
    EXPECT_EQ(problem(no_heading), "file: The first sheet's row 1 is empty: row 1 must name the columns");
    EXPECT_EQ(problem(workbook([](const Sheet&) {})), "file: The workbook's first sheet is empty: its first row names the columns");
}

TEST_F(DatasetXlsxHttp, AWorkbookImportedFromThePageIsCheckedCellByCellAndNamesTheRefusedRow) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto upload = [&](const std::string& bytes) {
        b.get("/dataset/imports/new");
        httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"kind", "indicator-values", "", ""}, {"period", "", "", ""},
                                              {"file", bytes, "figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
        return b.http.Post("/dataset/imports/new", {{"Cookie", b.cookie}}, items);
    };
    auto r = upload(figures_workbook(true));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("code &quot;nonsense&quot; is not an indicator"), std::string::npos) << r->body.substr(0, 3000);
    EXPECT_NE(r->body.find("<td class=\"govuk-table__cell\">6</td>"), std::string::npos) << "the sheet's row 6";
    EXPECT_EQ(server->count_audit("dataset.import"), 0) << "nothing saved";
    r = upload(figures_workbook(false));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body.substr(0, 3000);
    EXPECT_NE(r->body.find("3 rows saved from figures.xlsx"), std::string::npos);
    EXPECT_EQ(server->count_audit("dataset.import"), 1);
    // A damaged workbook: the error summary names the file.
    r = upload(std::string("PK\x03\x04", 4) + "damaged");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("href=\"#file\""), std::string::npos);
    EXPECT_NE(r->body.find("upload an XLSX workbook or a CSV file"), std::string::npos);
}

TEST_F(DatasetXlsxHttp, TheApiReadsAWorkbooksDateCellsAndRefusesAnImpossibleTypedDateByRow) {
    auto header = [](bool bad) {
        return workbook([bad](const Sheet& s) {
            s.heading({"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"});
            s.text(1, 0, "C1001");
            s.number(1, 1, 1);
            s.day(1, 2, 2004, 5, 17);
            s.text(1, 3, "WBRI");
            s.text(2, 0, "C1002");
            s.number(2, 1, 2);
            if (bad) s.text(2, 2, "31/02/2009");  // typed as text, and no such day
            else s.day(2, 2, 2009, 2, 28);
            s.text(2, 3, "MWBC");
        });
    };
    auto r = post_file("/api/v1/imports/ssda903-header?period=2016-17", header(true));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << r->body;
    json p = json::parse(r->body);
    ASSERT_EQ(p["errors"].size(), 1u);
    EXPECT_EQ(p["errors"][0]["line"], 3);
    EXPECT_EQ(p["errors"][0]["field"], "DOB");
    r = post_file("/api/v1/imports/ssda903-header?period=2016-17", header(false));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;
    p = json::parse(r->body);
    EXPECT_EQ(p["rows_saved"], 2);
    EXPECT_EQ(p["file_name"], "ssda903-header.xlsx");
    // A damaged workbook is a problem with the file.
    r = post_file("/api/v1/imports/population", std::string("PK\x03\x04", 4) + "damaged");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    p = json::parse(r->body);
    EXPECT_EQ(p["errors"][0]["field"], "file");
}

TEST_F(DatasetXlsxHttp, AnAgencysReturnIsAcceptedAsAWorkbook) {
    call("POST", "/api/v1/dataset-returns", bu, {{"period", "2016-17-Q1"}}, 201);
    const json list = call("GET", "/api/v1/dataset-returns", lead, {}, 200);
    ASSERT_EQ(list["items"].size(), 1u);
    const std::string path = "/api/v1/dataset-returns/" + std::to_string(list["items"][0]["id"].get<int>());
    const json ret = call("GET", path, lead, {}, 200);
    auto book = [&](bool wrong_period) {
        return workbook([&](const Sheet& s) {
            s.heading({"code", "period", "value", "numerator", "denominator"});
            int row = 1;
            for (const auto& f : ret["figures"]) {
                s.text(row, 0, f["code"].get<std::string>().c_str());
                s.text(row, 1, wrong_period && row == 2 ? "2016-17-Q2" : "2016-17-Q1");
                if (f["asks_for_parts"].get<bool>()) {
                    s.number(row, 3, 13);
                    s.number(row, 4, 100);
                } else {
                    s.number(row, 2, 10);
                }
                ++row;
            }
        });
    };
    auto r = server->client().Post(path + "/file?version=1&file_name=q1.xlsx", lead, book(true), "application/octet-stream");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << r->body;
    json p = json::parse(r->body);
    ASSERT_EQ(p["errors"].size(), 1u);
    EXPECT_EQ(p["errors"][0]["line"], 3);
    EXPECT_EQ(call("GET", path, lead, {}, 200)["submitted_on"], nullptr) << "nothing saved";
    r = server->client().Post(path + "/file?version=1&file_name=q1.xlsx", lead, book(false), "application/octet-stream");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;
    EXPECT_EQ(json::parse(r->body)["rows_saved"], ret["figures"].size());
    EXPECT_NE(call("GET", path, lead, {}, 200)["submitted_on"], nullptr);
}

TEST_F(DatasetXlsxHttp, TheExceptionReportIsReadAndWrittenThroughTheApiAndBothTablesDownloadAsXlsx) {
    auto r = post_file("/api/v1/imports/indicator-values", figures_workbook(false));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;

    json report = call("GET", "/api/v1/dataset-exceptions?period=2016-17-Q3", bu, {}, 200);
    EXPECT_EQ(report["period"], "2016-17-Q3");
    const json* line = nullptr;
    for (const auto& i : report["items"]) {
        if (i["code"] == "cp_second_or_subsequent") line = &i;
    }
    ASSERT_NE(line, nullptr) << report.dump();
    EXPECT_EQ((*line)["red"], true);
    EXPECT_EQ((*line)["off_trend"], true);
    EXPECT_EQ((*line)["exception"], "Red and off trend");
    ASSERT_EQ((*line)["recent"].size(), 3u);
    EXPECT_EQ((*line)["recent"][2]["period"], "2016-17-Q3");
    EXPECT_EQ((*line)["note"]["version"], 0);
    EXPECT_EQ((*line)["note"]["updated_by"], nullptr);
    ASSERT_FALSE(report["narratives"].empty());
    call("GET", "/api/v1/dataset-exceptions?period=2016-17-Q9", bu, {}, 422);

    // A note without its narrative, or for an indicator that is no exception, saves nothing.
    const json no_narrative = call("POST", "/api/v1/dataset-exceptions/notes", bu,
                                   {{"period", "2016-17-Q3"}, {"code", "cp_second_or_subsequent"}, {"version", 0}, {"action_taken", "An audit"}}, 422);
    EXPECT_EQ(no_narrative["errors"][0]["field"], "narrative");
    const json not_exception = call("POST", "/api/v1/dataset-exceptions/notes", bu,
                                    {{"period", "2016-17-Q3"}, {"code", "cla"}, {"version", 0}, {"narrative", "n"}, {"action_taken", "a"}}, 422);
    EXPECT_EQ(not_exception["errors"][0]["field"], "code");
    EXPECT_EQ(server->count_audit("dataset.exception"), 0);

    const json saved = call("POST", "/api/v1/dataset-exceptions/notes", bu,
                            {{"period", "2016-17-Q3"}, {"code", "cp_second_or_subsequent"}, {"version", 0},
                             {"narrative", "Plans closed too early were restarted"}, {"action_taken", "A dip sample of repeat plans"}},
                            200);
    EXPECT_EQ(saved["note"]["version"], 1);
    EXPECT_EQ(saved["note"]["narrative"], "Plans closed too early were restarted");
    EXPECT_NE(saved["note"]["updated_by"], nullptr);
    EXPECT_EQ(server->count_audit("dataset.exception.note"), 1);
    // The version read is checked: a second writer with the old one is told.
    call("POST", "/api/v1/dataset-exceptions/notes", bu,
         {{"period", "2016-17-Q3"}, {"code", "cp_second_or_subsequent"}, {"version", 0}, {"narrative", "Another"}, {"action_taken", "Another"}}, 409);

    const std::string priority = report["narratives"][0]["priority"];
    call("POST", "/api/v1/dataset-exceptions/narratives", lead, {{"period", "2016-17-Q3"}, {"priority", priority}, {"version", 0}, {"narrative", "x"}},
         403);
    const json narrative = call("POST", "/api/v1/dataset-exceptions/narratives", bu,
                                {{"period", "2016-17-Q3"}, {"priority", priority}, {"version", 0}, {"narrative", "Repeat plans are the quarter's concern"}},
                                200);
    EXPECT_EQ(narrative["version"], 1);
    EXPECT_EQ(narrative["priority"], priority);
    report = call("GET", "/api/v1/dataset-exceptions?period=2016-17-Q3", bu, {}, 200);
    EXPECT_EQ(report["narratives"][0]["narrative"], "Repeat plans are the quarter's concern");

    // Both tables as XLSX: read back, they carry the figures and the note.
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto x = b.get("/dataset/exceptions.xlsx?period=2016-17-Q3");
    ASSERT_TRUE(x);
    ASSERT_EQ(x->status, 200);
    ASSERT_TRUE(web::looks_like_xlsx(x->body));
    const std::string exceptions = web::xlsx_to_csv(x->body);
    EXPECT_NE(exceptions.find("cp_second_or_subsequent"), std::string::npos);
    EXPECT_NE(exceptions.find("Plans closed too early were restarted"), std::string::npos);
    x = b.get("/dataset.xlsx?period=2016-17-Q3");
    ASSERT_TRUE(x);
    ASSERT_EQ(x->status, 200);
    ASSERT_TRUE(web::looks_like_xlsx(x->body));
    EXPECT_NE(web::xlsx_to_csv(x->body).find("cp_second_or_subsequent"), std::string::npos);
    auto page = b.get("/dataset?period=2016-17-Q3");
    EXPECT_NE(page->body.find("href=\"/dataset.xlsx?period=2016-17-Q3\""), std::string::npos);
    // The scorecard filtered by its source agency: the police's indicators only.
    page = b.get("/dataset?period=2016-17-Q3&agency=Police");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("id=\"indicator-missing_children\""), std::string::npos);
    EXPECT_EQ(page->body.find("id=\"indicator-cp_plans\""), std::string::npos);
    EXPECT_NE(page->body.find("<option value=\"Police\" selected"), std::string::npos) << "the filter keeps its choice";
}
