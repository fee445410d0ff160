// Training places not used over HTTP (issue 16 item 3): the business unit sets the charges (a
// wrong amount named in the error summary), reads the year's places by agency with who they were,
// tells the agency's leads with one button, once; a member reads the counts without names; the
// API says the same and refuses a stale charge.
#include <nlohmann/json.hpp>

#include "fakes/training_records.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

// A session of 2025-26 whose register marks two of the council's staff as not using their place.
void held(Server& server) {
    server.services().store.write([&](Transaction& tx) {
        const auto session = store_session(tx, PartnershipId{1}, "Exploring Neglect", Date{2025, 6, 11});
        const std::pair<const char*, Attendance> marks[] = {{"Sam Carter", Attendance::no_show}, {"Jo Bloggs", Attendance::cancelled_late},
                                                             {"Ali Khan", Attendance::attended}};
        for (const auto& [name, mark] : marks) {
            Booking b;
            b.partnership = PartnershipId{1};
            b.session = session;
            b.name = name;
            b.email = std::string(name).substr(0, 3) + "@council.example";
            b.agency = server.council();
            tx.training().set_attendance(tx.training().insert_booking(b), mark);
        }
    });
}

}  // namespace

TEST(TrainingNoShowsHttp, TheUnitSetsChargesAndTellsTheAgencyOnce) {
    Server server;
    held(server);
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    ASSERT_EQ(unit.get("/training/charges")->status, 200);
    auto wrong = unit.post("/training/charges", {{"no_show", "lots"}, {"late_cancellation", ""}, {"version", "0"}});
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "href=\"#no_show\""));
    EXPECT_EQ(server.count_audit("training_charges."), 0);
    auto saved = unit.post("/training/charges", {{"no_show", "25"}, {"late_cancellation", "10.00"}, {"version", "0"}});
    ASSERT_EQ(saved->status, 303);
    EXPECT_EQ(server.count_audit("training_charges.update"), 1);

    auto page = unit.get("/training/no-shows?year=2025-26");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "The partnership charges an agency £25 for a place not used without notice and £10 for a place cancelled late."));
    EXPECT_TRUE(has(page, "<th scope=\"row\" class=\"govuk-table__header\">Test Council</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>"
                          "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">£35</td>"
                          "<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"));
    EXPECT_TRUE(has(page, "<li>Sam Carter, Exploring Neglect on 11 June 2025: did not come</li>"));
    EXPECT_FALSE(has(page, "Ali Khan")) << "came";

    auto told = unit.post("/training/no-shows/tell", {{"year", "2025-26"}});
    ASSERT_EQ(told->status, 303);
    EXPECT_TRUE(has(unit.get(told->get_header_value("Location")), "Told 1 agency of 2 places not used."));
    EXPECT_EQ(server.count_audit("training_no_shows.tell"), 1);
    EXPECT_FALSE(has(unit.get("/training/no-shows?year=2025-26"), "/training/no-shows/tell")) << "nothing left to tell";

    Browser member(server);
    ASSERT_TRUE(member.sign_in(server.email(Role::member)));
    auto theirs = member.get("/training/no-shows?year=2025-26");
    ASSERT_EQ(theirs->status, 200);
    EXPECT_TRUE(has(theirs, ">Test Council</th>"));
    EXPECT_FALSE(has(theirs, "Sam Carter")) << "names are for the business unit";
    EXPECT_EQ(member.post("/training/no-shows/tell", {{"year", "2025-26"}})->status, 403);
}

TEST(TrainingNoShowsHttp, TheApiReadsTellsAndRefusesAStaleCharge) {
    Server server;
    held(server);
    const httplib::Headers unit{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    auto c = server.client();
    auto set = c.Put("/api/v1/training/charges", unit, json{{"no_show", 25}, {"late_cancellation", "10.00"}, {"version", 0}}.dump(), "application/json");
    ASSERT_EQ(set->status, 200) << set->body;
    EXPECT_EQ(json::parse(set->body)["no_show_pence"], 2500);
    EXPECT_EQ(c.Put("/api/v1/training/charges", unit, json{{"no_show", 30}, {"version", 0}}.dump(), "application/json")->status, 409);
    auto bad = c.Put("/api/v1/training/charges", unit, json{{"no_show", "-1"}, {"version", 1}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(json::parse(bad->body)["errors"][0]["field"], "no_show");

    auto read = c.Get("/api/v1/training/no-shows?year=2025-26", unit);
    ASSERT_EQ(read->status, 200);
    const json r = json::parse(read->body);
    ASSERT_EQ(r["agencies"].size(), 1u);
    EXPECT_EQ(r["agencies"][0]["charge_pence"], 3500);
    EXPECT_EQ(r["agencies"][0]["untold"], 2);
    EXPECT_EQ(r["agencies"][0]["items"].size(), 2u);
    auto tell = c.Post("/api/v1/training/no-shows/tell?year=2025-26", unit, "", "application/json");
    ASSERT_EQ(tell->status, 200);
    EXPECT_EQ(json::parse(tell->body)["bookings"], 2);
    EXPECT_EQ(json::parse(c.Post("/api/v1/training/no-shows/tell?year=2025-26", unit, "", "application/json")->body)["bookings"], 0);
    const httplib::Headers member{{"Authorization", "Bearer " + server.token(Role::member)}};
    const json counts = json::parse(c.Get("/api/v1/training/no-shows?year=2025-26", member)->body);
    EXPECT_FALSE(counts["agencies"][0].contains("items")) << "counts only";
    EXPECT_EQ(counts["agencies"][0]["untold"], 0);
}
