// Training over HTTP against a real server on loopback: 200 bookings at once for 20 places
// end with exactly 20 booked and 180 waiting in the order they arrived; booking twice, a past
// session and a capacity below the bookings made are problem+json naming the field and save
// nothing; a cancelled place goes to the first waiting; the register; the public calendar and
// its ICS feed (RFC 5545: CRLF lines folded at 75 octets) without sign-in; the pages.
#include <nlohmann/json.hpp>

#include <atomic>
#include <ctime>
#include <set>
#include <sstream>

#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

std::string days_from_today(int days) {
    return Date::from_days(london_date(static_cast<Instant>(std::time(nullptr))).days() + days).iso();
}

class TrainingHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        course_id = ok(send("POST", "/api/v1/courses",
                            {{"title", "Working Together to Safeguard Children, a course whose title runs long enough to fold"},
                             {"level", "multi_agency_core"},
                             {"outcomes", "Know the thresholds of need"},
                             {"audience", "Every agency"},
                             {"duration_minutes", 390},
                             {"priorities", {"Neglect"}}},
                            bu),
                       201)["id"]
                        .get<int>();
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result send(const std::string& method, const std::string& path, const json& body, const httplib::Headers& h) {
        auto c = server->client();
        if (method == "PUT") return c.Put(path, h, body.dump(), "application/json");
        return c.Post(path, h, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        if (!r) return json();
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    json session_on(const std::string& date, int capacity) {
        return {{"course_id", course_id}, {"on", date}, {"starts_at", "09:30"}, {"ends_at", "16:00"},
                {"venue", "Huyton Municipal Buildings, Archway Road, Huyton, Knowsley"}, {"capacity", capacity}, {"trainer", "A. Trainer"}};
    }
    int add_session(const std::string& date, int capacity) { return ok(send("POST", "/api/v1/sessions", session_on(date, capacity), bu), 201)["id"].get<int>(); }
    static json person(int n) { return {{"name", "Person " + std::to_string(n)}, {"email", "p" + std::to_string(n) + "@example.org"}}; }
    std::string bookings_path(int session) { return "/api/v1/sessions/" + std::to_string(session) + "/bookings"; }
    json all_bookings(int session) { return ok(server->client().Get(bookings_path(session) + "?limit=500", bu), 200)["items"]; }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    int course_id = 0;
};

}  // namespace

TEST_F(TrainingHttp, TwoHundredBookingsAtOnceForTwentyPlacesEndTwentyBookedAndTheRestWaitingInOrder) {
    const int session = add_session(days_from_today(30), 20);
    const httplib::Headers member = auth(Role::member);
    constexpr int kBookings = 200;
    std::vector<int> statuses(kBookings, 0);
    std::vector<json> answers(kBookings);
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kBookings; ++i) {
        threads.emplace_back([&, i] {
            auto c = server->client();
            c.set_read_timeout(60, 0);
            ++ready;
            while (ready < kBookings) std::this_thread::yield();  // all start together
            auto r = c.Post(bookings_path(session), member, person(i).dump(), "application/json");
            if (!r) return;
            statuses[i] = r->status;
            answers[i] = json::parse(r->body, nullptr, false);
        });
    }
    for (auto& t : threads) t.join();
    int booked = 0, waiting = 0;
    std::set<int> positions;
    for (int i = 0; i < kBookings; ++i) {
        ASSERT_EQ(statuses[i], 201) << answers[i].dump();
        if (answers[i]["status"] == "booked") ++booked;
        else if (answers[i]["status"] == "waiting") {
            ++waiting;
            positions.insert(answers[i]["position"].get<int>());
        }
    }
    EXPECT_EQ(booked, 20);
    EXPECT_EQ(waiting, 180);
    EXPECT_EQ(positions.size(), 180u);
    EXPECT_EQ(*positions.begin(), 1);
    EXPECT_EQ(*positions.rbegin(), 180);
    // As stored, in the order they arrived (their ids): the first twenty hold the places and
    // the rest wait 1..180 in that same order.
    const json all = all_bookings(session);
    ASSERT_EQ(all.size(), 200u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i < 20) {
            EXPECT_EQ(all[i]["status"], "booked") << i;
        } else {
            EXPECT_EQ(all[i]["position"], static_cast<int>(i) - 19) << i;
        }
    }
    const json s = ok(server->client().Get("/api/v1/sessions/" + std::to_string(session), bu), 200);
    EXPECT_EQ(s["capacity"], 20);
    EXPECT_EQ(s["booked"], 20);
    EXPECT_EQ(s["waiting"], 180);
}

TEST_F(TrainingHttp, BadBookingsAndCapacityAreProblemsNamingTheFieldAndSaveNothing) {
    const int session = add_session(days_from_today(10), 2);
    const std::string path = bookings_path(session);
    EXPECT_EQ(ok(send("POST", path, person(1), bu), 201)["status"], "booked");
    json again = person(1);
    again["email"] = "P1@EXAMPLE.org";
    auto r = send("POST", path, again, bu);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(ok(r, 409)["errors"][0]["field"], "email");
    EXPECT_EQ(ok(send("POST", path, {{"name", "X"}, {"email", "nope"}, {"agency_id", 999}}, bu), 422)["errors"].size(), 2u);
    const int past = add_session(days_from_today(-1), 5);
    EXPECT_EQ(ok(send("POST", bookings_path(past), person(2), bu), 422)["errors"][0]["field"], "session");
    EXPECT_EQ(all_bookings(session).size(), 1u);
    EXPECT_EQ(all_bookings(past).size(), 0u);

    ok(send("POST", path, person(2), bu), 201);
    EXPECT_EQ(ok(send("POST", path, person(3), bu), 201)["position"], 1);
    json smaller = session_on(days_from_today(10), 1);
    smaller["version"] = 1;
    const json problem = ok(send("PUT", "/api/v1/sessions/" + std::to_string(session), smaller, bu), 422);
    EXPECT_EQ(problem["errors"][0]["field"], "capacity");
    EXPECT_NE(problem["errors"][0]["message"].get<std::string>().find("2 places booked"), std::string::npos);
    EXPECT_EQ(ok(server->client().Get("/api/v1/sessions/" + std::to_string(session), bu), 200)["capacity"], 2) << "nothing saved";

    // Cancelling a place gives it to the first waiting.
    const int first = all_bookings(session)[0]["id"].get<int>();
    auto c = server->client();
    const json cancelled = ok(c.Delete(path + "/" + std::to_string(first), bu), 200);
    EXPECT_EQ(cancelled["status"], "cancelled");
    const json after = all_bookings(session);
    EXPECT_EQ(after[2]["status"], "booked");
    EXPECT_EQ(ok(c.Delete(path + "/" + std::to_string(first), bu), 409)["errors"][0]["field"], "booking") << "cancelled twice";
    const int theirs = after[1]["id"].get<int>();
    EXPECT_EQ(c.Delete(path + "/" + std::to_string(theirs), auth(Role::member))->status, 403) << "another person's booking";
}

TEST_F(TrainingHttp, TheRegisterIsTakenOnTheDayThroughTheApi) {
    const int today = add_session(days_from_today(0), 3);
    const int later = add_session(days_from_today(5), 3);
    const int a = ok(send("POST", bookings_path(today), person(1), bu), 201)["id"].get<int>();
    ok(send("POST", bookings_path(today), person(2), bu), 201);
    const std::string path = "/api/v1/sessions/" + std::to_string(today) + "/attendance";
    const json put = ok(send("PUT", path, {{"items", {{{"booking_id", a}, {"attendance", "no_show"}}}}}, bu), 200);
    EXPECT_EQ(put["items"][0]["attendance"], "no_show");
    EXPECT_TRUE(put["items"][1]["attendance"].is_null());
    EXPECT_EQ(ok(send("PUT", path, {{"items", {{{"booking_id", a}, {"attendance", "asleep"}}}}}, bu), 422)["errors"][0]["field"],
              "attendance-" + std::to_string(a));
    EXPECT_EQ(ok(server->client().Get(path, bu), 200)["items"][0]["attendance"], "no_show") << "the bad mark changed nothing";
    EXPECT_EQ(ok(send("PUT", "/api/v1/sessions/" + std::to_string(later) + "/attendance", {{"items", json::array()}}, bu), 422)["errors"][0]["field"],
              "attendance");
    EXPECT_EQ(server->client().Get(path, auth(Role::member))->status, 403);
    const json figures = ok(server->client().Get("/api/v1/training/figures", bu), 200);
    EXPECT_EQ(figures["total"]["no_shows"], 1);
    EXPECT_EQ(figures["total"]["no_show_percent"], 100) << "one recorded, a no-show";
    const json sessions = ok(server->client().Get("/api/v1/sessions?limit=1", bu), 200);
    EXPECT_EQ(sessions["items"].size(), 1u);
    EXPECT_TRUE(sessions.contains("next"));
    EXPECT_EQ(ok(server->client().Get("/api/v1/courses", bu), 200)["items"][0]["level"], "multi_agency_core");
}

TEST_F(TrainingHttp, ThePublicCalendarAndItsFeedNeedNoSignIn) {
    const int open = add_session(days_from_today(14), 5);
    const int full = add_session(days_from_today(15), 1);
    ok(send("POST", bookings_path(full), person(1), bu), 201);
    auto c = server->client();
    auto page = c.Get("/p/test/training");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Working Together to Safeguard Children"), std::string::npos);
    EXPECT_NE(page->body.find("5 of 5 places free"), std::string::npos);
    EXPECT_EQ(page->body.find("Full:"), std::string::npos) << "a full session is not offered";
    EXPECT_EQ(c.Get("/p/nowhere/training")->status, 404);
    // The first address moved for good under the public site.
    auto old = c.Get("/public/test/training");
    EXPECT_EQ(old->status, 301);
    EXPECT_EQ(old->get_header_value("Location"), "/p/test/training");
    EXPECT_EQ(c.Get("/public/test/training.ics")->get_header_value("Location"), "/p/test/training.ics");

    auto feed = c.Get("/p/test/training.ics");
    ASSERT_EQ(feed->status, 200);
    EXPECT_EQ(feed->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
    const std::string& ics = feed->body;
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
    bool folded = false;
    std::size_t start = 0, events = 0;
    std::string unfolded;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "every line ends CRLF";
        const std::string line = ics.substr(start, end - start);
        EXPECT_EQ(line.find('\n'), std::string::npos) << "no bare LF";
        EXPECT_LE(line.size(), 75u) << line;
        if (!line.empty() && line[0] == ' ') {
            folded = true;
            unfolded += line.substr(1);
        } else {
            unfolded += "\n" + line;
        }
        if (line == "BEGIN:VEVENT") ++events;
        start = end + 2;
    }
    EXPECT_TRUE(folded) << "the long summary is folded";
    EXPECT_EQ(events, 1u) << "only the session with places free";
    const std::string day = days_from_today(14);
    const std::string compact = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
    EXPECT_NE(unfolded.find("\nDTSTART;TZID=Europe/London:" + compact + "T093000"), std::string::npos) << unfolded;
    EXPECT_NE(unfolded.find("\nDTEND;TZID=Europe/London:" + compact + "T160000"), std::string::npos);
    EXPECT_NE(unfolded.find("\nUID:training-session-" + std::to_string(open) + "@test.assure"), std::string::npos);
    EXPECT_NE(unfolded.find("\nSUMMARY:Working Together to Safeguard Children\\, a course whose title runs long enough to fold"),
              std::string::npos)
        << "commas escaped, the line unfolded whole";
    EXPECT_NE(unfolded.find("\nLOCATION:Huyton Municipal Buildings\\, Archway Road"), std::string::npos);
}

TEST_F(TrainingHttp, ThePagesBookAPlaceShowErrorsAndTakeTheRegister) {
    const int session = add_session(days_from_today(0), 1);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string path = "/training/sessions/" + std::to_string(session);
    auto page = b.get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find(date_in_words(*Date::parse(days_from_today(0)))), std::string::npos) << "the date in words";
    auto bad = b.post(path + "/bookings", {{"name", "Ann"}, {"email", "not an email"}, {"agency_id", ""}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
    auto made = b.post(path + "/bookings", {{"name", "Ann"}, {"email", "ann@example.org"}, {"agency_id", server->council().str()}});
    ASSERT_EQ(made->status, 303);
    EXPECT_EQ(made->get_header_value("Location"), path + "?saved=booked");
    EXPECT_EQ(b.post(path + "/bookings", {{"name", "Bob"}, {"email", "bob@example.org"}})->get_header_value("Location"),
              path + "?saved=waiting");
    page = b.get(path);
    EXPECT_NE(page->body.find("Test Council"), std::string::npos);
    EXPECT_NE(page->body.find("On the waiting list (1)"), std::string::npos);
    const json all = all_bookings(session);
    auto reg = b.get(path + "/register");
    ASSERT_EQ(reg->status, 200);
    const std::string id = std::to_string(all[0]["id"].get<int>());
    auto saved = b.post(path + "/register", {{"booking_id", id}, {"attendance-" + id, "attended"}});
    EXPECT_EQ(saved->status, 303);
    auto figures = b.get("/training/figures");
    ASSERT_EQ(figures->status, 200);
    EXPECT_NE(figures->body.find("Test Council"), std::string::npos);
    EXPECT_NE(figures->body.find("100%"), std::string::npos) << "attendance rate worked out";
    for (const std::string& p : std::vector<std::string>{"/training", "/training?when=all", "/training/courses", "/training/courses/new", "/training/sessions/new",
                                "/training/courses/" + std::to_string(course_id), path + "/edit"}) {
        EXPECT_EQ(b.get(p)->status, 200) << p;
    }
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get("/training/courses/new")->status, 403);
    EXPECT_EQ(member.get(path)->body.find("Take the register"), std::string::npos);
}

// Several people at once from the session's page: a wrong line shows the error summary naming it
// and books no one; a right list books the places free and puts the rest on the waiting list.
TEST_F(TrainingHttp, AnAgencyLeadBooksSeveralPeopleFromTheSessionsPage) {
    const int session = add_session(days_from_today(12), 2);
    const std::string page = "/training/sessions/" + std::to_string(session);
    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::agency_lead)));
    EXPECT_NE(lead.get(page)->body.find("href=\"" + page + "/bookings/group\">Book several people at once</a>"), std::string::npos);
    ASSERT_EQ(lead.get(page + "/bookings/group")->status, 200);
    const auto wrong = lead.post(page + "/bookings/group", {{"people", "Sam Jones, sam@example.org\nAlex Reed"}, {"agency_id", ""}});
    ASSERT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(wrong->body.find("Line 2: enter"), std::string::npos) << wrong->body;
    EXPECT_EQ(server->count_audit("training_booking.create"), 0) << "no one booked";
    const auto booked = lead.post(page + "/bookings/group", {{"people", "Sam Jones, sam@example.org\nAlex Reed, alex@example.org\nKim Lee, kim@example.org"},
                                                            {"agency_id", server->council().str()}});
    ASSERT_EQ(booked->status, 303) << booked->body;
    EXPECT_EQ(booked->get_header_value("Location"), page + "?saved=group&booked=2&waiting=1");
    EXPECT_NE(lead.get(page + "?saved=group&booked=2&waiting=1")->body.find("2 places booked, 1 person on the waiting list"), std::string::npos);
    EXPECT_EQ(server->count_audit("training_booking.create"), 3);
}

TEST_F(TrainingHttp, TheApiBooksSeveralPeopleAllOrNoneInTheOrderGiven) {
    const int session = add_session(days_from_today(12), 2);
    const std::string path = bookings_path(session) + "/group";
    const auto lead = auth(Role::agency_lead);
    const auto wrong = send("POST", path, {{"people", {person(1), {{"name", "Alex Reed"}, {"email", "not an email"}}, person(1)}}}, lead);
    ASSERT_EQ(wrong->status, 422);
    EXPECT_EQ(wrong->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(wrong->body);
    ASSERT_EQ(problem["errors"].size(), 1U);
    EXPECT_EQ(problem["errors"][0]["field"], "people");
    const std::string message = problem["errors"][0]["message"];
    EXPECT_NE(message.find("Person 2: enter"), std::string::npos) << message;
    EXPECT_NE(message.find("Person 3: p1@example.org is given earlier"), std::string::npos) << message;
    EXPECT_EQ(send("POST", path, {{"people", "Sam Jones, sam@example.org"}}, lead)->status, 422) << "a list, not the page's text";
    EXPECT_EQ(send("POST", path, {{"people", json::array()}}, lead)->status, 422);
    EXPECT_TRUE(all_bookings(session).empty()) << "no one booked";

    // A name with a comma is a name, not a separator, when given one by one.
    const json done = ok(send("POST", path, {{"people", {{{"name", "Lee, Kim"}, {"email", "kim@example.org"}}, person(2), person(3)}},
                                             {"agency_id", server->council().value}},
                              lead),
                         201);
    EXPECT_EQ(done["booked"], 2);
    EXPECT_EQ(done["waiting"], 1);
    ASSERT_EQ(done["items"].size(), 3U);
    EXPECT_EQ(done["items"][0]["name"], "Lee, Kim");
    EXPECT_EQ(done["items"][0]["status"], "booked");
    EXPECT_EQ(done["items"][2]["status"], "waiting");
    EXPECT_EQ(send("POST", path, {{"people", {person(2)}}}, lead)->status, 422) << "already booked";
    EXPECT_EQ(send("POST", path, {{"people", {person(9)}}}, {})->status, 401) << "no token";
}
