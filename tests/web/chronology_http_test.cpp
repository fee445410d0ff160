// A review's multi-agency chronology over HTTP (issue 18 item 2): the business unit adds a row
// and uploads an agency's sheet (CSV and XLSX), bad input shows the error summary and saves
// nothing; the merged timeline marks its silences and the days two agencies were involved; a
// panel member reads it anonymised only and writes only for their own agency; the downloads;
// the API answers the same timeline, records with 201 and refuses with problem+json.
#include <nlohmann/json.hpp>

#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "web/documents.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class ChronologyHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        const Actor system = Actor::system(PartnershipId{1});
        police = create_agency(server->services(), system, {"Merseyside Police", "statutory_partner", "police", "police"}).id;
        const Actor unit{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Business Unit Person <bu@x>"};
        IncidentInput in;
        in.became_aware_on = "2025-12-19";
        in.incident_on = "2025-12-18";
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child W", "Wendy Example", "", ""}};
        in.agency_ids = {server->council().str(), police.str()};
        id = notify_incident(server->services(), unit, in).record.id;
        // The member works for the council (every seeded account does) and sits on the panel.
        add_panel_member(server->services(), unit, id, 1, server->user_id(Role::member).str());
        base = "/reviews/" + id.str() + "/chronology";
        api = "/api/v1/incidents/" + id.str() + "/chronology";
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result upload(Browser& b, const std::string& agency, const std::string& bytes, const std::string& name) {
        httplib::MultipartFormDataItems items{{"csrf_token", b.csrf, "", ""}, {"agency_id", agency, "", ""}, {"file", bytes, name, ""}};
        return b.http.Post(base + "/upload", {{"Cookie", b.cookie}}, items);
    }
    std::unique_ptr<Server> server;
    AgencyId police;
    CaseId id;
    std::string base, api;
};

}  // namespace

TEST_F(ChronologyHttp, TheUnitAddsAndUploadsAndTheTimelineMarksSilencesAndSharedDays) {
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get("/reviews/" + id.str()), "href=\"" + base + "\""));
    auto page = unit.get(base);
    ASSERT_EQ(page->status, 200) << page->body;
    EXPECT_TRUE(has(page, "No agency has added to the chronology yet."));
    ASSERT_EQ(unit.get(base + "/new")->status, 200);

    auto bad = unit.post(base, {{"agency_id", police.str()}, {"date-day", "30"}, {"date-month", "2"}, {"date-year", "2016"}, {"event", ""}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(has(bad, "govuk-error-summary"));
    EXPECT_TRUE(has(bad, "Enter a real date the event happened"));
    EXPECT_TRUE(has(bad, "Describe what happened"));
    EXPECT_EQ(server->count_audit("chronology."), 0) << "nothing saved";

    auto saved = unit.post(base, {{"agency_id", police.str()}, {"date-day", "14"}, {"date-month", "3"}, {"date-year", "2016"},
                                  {"time", "09:30"}, {"event", "Welfare check: Sarah Jones answered the door"}, {"source", "Log 123"}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(saved->get_header_value("Location"), base + "?saved=added");

    // The council's sheet as CSV, then refused with a wrong row: nothing of it saved.
    const std::string council = server->council().str();
    auto up = upload(unit, council, "Date,Event,Analysis\n14/03/2016,Strategy discussion,Police not invited\n01/01/2016,Referral,\n", "council.csv");
    ASSERT_EQ(up->status, 303) << up->body;
    EXPECT_EQ(up->get_header_value("Location"), base + "?saved=uploaded&rows=2&replaced=0");
    auto refused = upload(unit, council, "Date,Event\n31/09/2016,No such day\n", "council.csv");
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(has(refused, "Row 2: enter a real date the event happened"));
    EXPECT_EQ(server->count_audit("chronology.upload"), 1);
    // The same sheet as XLSX replaces the council's two rows.
    const std::string xlsx = web::xlsx_of(web::Table{"Chronology", {"Date", "Time", "Event"},
                                                     {{"01/01/2016", "", "Referral from school"}, {"14/03/2016", "11:00", "Strategy discussion"}}});
    up = upload(unit, council, xlsx, "council.xlsx");
    ASSERT_EQ(up->status, 303) << up->body;
    EXPECT_EQ(up->get_header_value("Location"), base + "?saved=uploaded&rows=2&replaced=2");

    page = unit.get(base + "?saved=uploaded&rows=2&replaced=2");
    EXPECT_TRUE(has(page, "Chronology uploaded: 2 rows added, replacing the agency&#39;s 2 rows before.") ||
                has(page, "Chronology uploaded: 2 rows added, replacing the agency&apos;s 2 rows before."))
        << page->body;
    EXPECT_TRUE(has(page, "73 days with no entry, from 1 January 2016 to 14 March 2016"));
    EXPECT_TRUE(has(page, "14 March 2016: Merseyside Police and Test Council") || has(page, "14 March 2016: Test Council and Merseyside Police"));
    EXPECT_TRUE(has(page, "Referral from school"));
    EXPECT_TRUE(has(unit.get(base + "?gap=90"), "No silence longer than 90 days"));

    // The names the anonymised view replaces; the child's is replaced without being listed.
    ASSERT_EQ(unit.post(base + "/names", {{"name", "Sarah Jones"}, {"stands_for", "Mother"}})->status, 303);
    const auto twice = unit.post(base + "/names", {{"name", "sarah jones"}, {"stands_for", "Aunt"}});
    EXPECT_EQ(twice->status, 422);
    EXPECT_TRUE(has(twice, "sarah jones is already replaced by Mother"));
    page = unit.get(base);
    EXPECT_TRUE(has(page, "Welfare check: Mother answered the door"));
    EXPECT_FALSE(has(page, "Welfare check: Sarah Jones")) << "the anonymised view is the default";
    const int named_before = server->count_reads(AccessKind::identities);
    page = unit.get(base + "?view=named");
    EXPECT_TRUE(has(page, "Welfare check: Sarah Jones answered the door"));
    EXPECT_TRUE(has(page, "Your viewing of the named chronology is recorded."));
    EXPECT_EQ(server->count_reads(AccessKind::identities), named_before + 1);

    const auto sheet = unit.get(base + ".xlsx");
    ASSERT_EQ(sheet->status, 200);
    EXPECT_EQ(sheet->body.rfind("PK", 0), 0U);
    const auto pdf = unit.get(base + ".pdf?view=named");
    ASSERT_EQ(pdf->status, 200) << pdf->body;
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0U);
    const auto blank = unit.get(base + "/template.xlsx");
    ASSERT_EQ(blank->status, 200);
    EXPECT_EQ(blank->body.rfind("PK", 0), 0U);
}

TEST_F(ChronologyHttp, APanelMemberReadsItAnonymisedAndWritesOnlyForTheirAgency) {
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    ASSERT_EQ(unit.post(base, {{"agency_id", police.str()}, {"date-day", "14"}, {"date-month", "3"}, {"date-year", "2016"},
                               {"event", "Wendy Example seen at home"}})->status, 303);

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    auto page = member.get(base);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Child W seen at home"));
    EXPECT_FALSE(has(page, "Wendy Example"));
    EXPECT_FALSE(has(page, "Show it with names"));
    EXPECT_FALSE(has(page, "/remove")) << "the police's row is not the member's to remove";
    EXPECT_EQ(member.get(base + "?view=named")->status, 403);
    const auto form = member.get(base + "/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Test Council"));
    EXPECT_FALSE(has(form, "Merseyside Police")) << "only the member's own agency is offered";
    const auto theirs = member.post(base, {{"agency_id", police.str()}, {"date-day", "1"}, {"date-month", "4"}, {"date-year", "2016"},
                                           {"event", "Not mine to add"}});
    EXPECT_EQ(theirs->status, 422);
    EXPECT_TRUE(has(theirs, "Select Test Council"));
    EXPECT_EQ(member.post(base + "/names", {{"name", "Lee"}, {"stands_for", "Father"}})->status, 403);

    // Someone not on the panel does not learn the case exists.
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::agency_lead)));
    EXPECT_EQ(lead.get(base)->status, 404);
}

TEST_F(ChronologyHttp, TheApiAnswersTheTimelineAndRecordsAndRefusesLikeThePage) {
    const auto bad = server->client().Post(api, auth(Role::business_unit),
                                           json{{"agency_id", police.value}, {"date", "2016-02-30"}, {"event", ""}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    std::set<std::string> fields;
    const json problem = json::parse(bad->body);
    for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"date", "event"})) << bad->body;
    EXPECT_EQ(server->count_audit("chronology."), 0);

    const auto made = server->client().Post(api, auth(Role::business_unit),
                                            json{{"agency_id", police.value}, {"date", "2016-03-14"}, {"time", "09:30"},
                                                 {"event", "Wendy Example seen"}, {"source", "Log"}}.dump(),
                                            "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    const json entry = json::parse(made->body);
    EXPECT_EQ(entry["agency"], "Merseyside Police");
    EXPECT_EQ(entry["time"], "09:30");

    const auto anonymised = server->client().Get(api, auth(Role::member));
    ASSERT_EQ(anonymised->status, 200) << anonymised->body;
    const json t = json::parse(anonymised->body);
    EXPECT_EQ(t["view"], "anonymised");
    ASSERT_EQ(t["items"].size(), 1U);
    EXPECT_EQ(t["items"][0]["event"], "Child W seen");
    EXPECT_EQ(server->client().Get(api + "?view=named", auth(Role::member))->status, 403);
    EXPECT_EQ(server->client().Get(api + "?view=everything", auth(Role::business_unit))->status, 422);
    const json named = json::parse(server->client().Get(api + "?view=named", auth(Role::business_unit))->body);
    EXPECT_EQ(named["items"][0]["event"], "Wendy Example seen");

    const std::string one = api + "/" + std::to_string(entry["id"].get<std::int64_t>());
    EXPECT_EQ(server->client().Delete(one, auth(Role::member))->status, 403);
    EXPECT_EQ(server->client().Delete(one, auth(Role::business_unit))->status, 204);
    EXPECT_EQ(server->client().Delete(one, auth(Role::business_unit))->status, 404);
    EXPECT_EQ(server->count_audit("chronology.remove"), 1);
}
