// The year's training by sector, by quarter and by trainer over HTTP (issue 16): the figures
// page shows each as a table with the pool's one-trainer courses named, and the API gives the
// same lines; a year typed wrongly is refused with the error summary.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

// A session of 2025-26 given by `trainer`, with delegates of the council marked on the register.
void held(Server& server, CourseId course, Date on, const char* trainer, int attended, int no_shows) {
    server.services().store.write([&](Transaction& tx) {
        TrainingSession t;
        t.partnership = PartnershipId{1};
        t.course = course;
        t.on = on;
        t.starts_at = "09:30";
        t.ends_at = "12:30";
        t.venue = "Town hall";
        t.capacity = 30;
        t.trainer = trainer;
        const auto id = tx.training().insert_session(t);
        for (int i = 0; i < attended + no_shows; ++i) {
            Booking b;
            b.partnership = PartnershipId{1};
            b.session = id;
            b.name = "Delegate";
            b.email = "d" + std::to_string(on.days()) + "-" + std::to_string(i) + "@example.org";
            b.agency = server.council();
            tx.training().set_attendance(tx.training().insert_booking(b), i < attended ? Attendance::attended : Attendance::no_show);
        }
    });
}

}  // namespace

TEST(TrainingBreakdownHttp, TheFiguresPageAndTheApiCountBySectorQuarterAndTrainer) {
    Server server;
    CourseId wt, cc;
    server.services().store.write([&](Transaction& tx) {
        Course c;
        c.partnership = PartnershipId{1};
        c.title = "Working Together";
        c.duration_minutes = 360;
        wt = tx.training().insert_course(c);
        c.title = "Compromised Care";
        cc = tx.training().insert_course(c);
    });
    held(server, wt, Date{2025, 5, 12}, "Helen Price", 10, 2);
    held(server, wt, Date{2025, 11, 3}, "Mark Doyle", 8, 0);
    held(server, cc, Date{2026, 2, 9}, "Ruth Ogden", 5, 1);

    Browser bu(server);
    ASSERT_TRUE(bu.sign_in(server.email(Role::business_unit)));
    auto page = bu.get("/training/figures?year=2025-26");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Delegates by sector"));
    EXPECT_TRUE(has(page, "<th scope=\"row\" class=\"govuk-table__header\">Local authority</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">23</td>"));
    EXPECT_TRUE(has(page, "<th scope=\"row\" class=\"govuk-table__header\">October to December 2025</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">8</td>"));
    EXPECT_TRUE(has(page, "Training pool: trainers for each course"));
    EXPECT_TRUE(has(page, "<th scope=\"row\" class=\"govuk-table__header\">Working Together</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"));
    EXPECT_TRUE(has(page, "Courses with one trainer or none named, which stop when that trainer is away: Compromised Care."));
    auto wrong = bu.get("/training/figures?year=last");
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "govuk-error-summary"));

    const httplib::Headers token{{"Authorization", "Bearer " + server.token(Role::member)}};
    auto api = server.client().Get("/api/v1/training/figures?year=2025-26", token);
    ASSERT_EQ(api->status, 200);
    const json f = json::parse(api->body);
    EXPECT_EQ(f["by_sector"][0]["name"], "Local authority");
    EXPECT_EQ(f["by_sector"][0]["delegates"], 23);
    EXPECT_EQ(f["by_sector"][0]["no_shows"], 3);
    ASSERT_EQ(f["by_quarter"].size(), 4u);
    EXPECT_EQ(f["by_quarter"][0]["delegates"], 10);
    EXPECT_EQ(f["by_quarter"][1]["delegates"], 0);
    EXPECT_EQ(f["by_quarter"][3]["name"], "January to March 2026");
    EXPECT_EQ(f["pool"]["one_trainer_or_none"], json::array({"Compromised Care"}));
    EXPECT_EQ(f["pool"]["trainers"][0]["name"], "Helen Price");
    EXPECT_EQ(f["pool"]["trainers"][0]["delivered"], 1);
}
