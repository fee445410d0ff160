// The public training calendar's booking form over HTTP (issue 16 item 2, issue 18 item 4): a
// practitioner without an account books from the calendar's link, signed out; a wrong email is
// refused with the error summary and nothing booked; the confirmation goes to the outbox; the
// same email twice is refused; a full session puts the next person on the waiting list; a
// session already held is not found; and one address cannot book without end.
#include <nlohmann/json.hpp>

#include "app/mail.hpp"
#include "web/harness.hpp"
#include "web/public_booking.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

class PublicBookingHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        const Date today = london_date(server->services().clock.now());
        server->services().store.write([&](Transaction& tx) {
            Course c;
            c.partnership = PartnershipId{1};
            c.title = "Working Together";
            c.duration_minutes = 360;
            const CourseId course = tx.training().insert_course(c);
            const auto add = [&](Date on, int capacity) {
                TrainingSession t;
                t.partnership = PartnershipId{1};
                t.course = course;
                t.on = on;
                t.starts_at = "09:30";
                t.ends_at = "12:30";
                t.venue = "Huyton Municipal Buildings";
                t.capacity = capacity;
                t.trainer = "Helen Price";
                return tx.training().insert_session(t);
            };
            roomy = add(Date::from_days(today.days() + 14), 30);
            small = add(Date::from_days(today.days() + 21), 1);
            held = add(Date::from_days(today.days() - 7), 30);
        });
    }
    std::string book_path(TrainingSessionId id) { return "/p/test/training/sessions/" + id.str() + "/book"; }
    // The form opened signed out, then posted with its double-submit cookie and token.
    httplib::Result book(TrainingSessionId id, const std::string& name, const std::string& email, const std::string& agency) {
        auto c = server->client();
        auto form = c.Get(book_path(id));
        if (!form || form->status != 200) return form;
        const std::string cookie = Browser::cookie_from(form, "assure_login_csrf");
        return c.Post(book_path(id), {{"Cookie", cookie}},
                      httplib::Params{{"name", name}, {"email", email}, {"agency_id", agency}, {"csrf_token", Browser::hidden(form->body, "csrf_token")}});
    }
    std::vector<MailMessage> outbox() {
        const Actor unit{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit <u@example.org>"};
        return list_outbox(server->services(), unit, "", {}).items;
    }
    std::unique_ptr<Server> server;
    TrainingSessionId roomy, small, held;
};

}  // namespace

TEST_F(PublicBookingHttp, APractitionerBooksFromThePublicCalendarWithoutAnAccount) {
    auto c = server->client();
    auto calendar = c.Get("/p/test/training");
    ASSERT_EQ(calendar->status, 200);
    EXPECT_TRUE(has(calendar, "href=\"" + book_path(roomy) + "\""));
    auto form = c.Get(book_path(roomy));
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Book a place: Working Together"));
    EXPECT_TRUE(has(form, "Test Council"));
    EXPECT_EQ(form->get_header_value("Cache-Control"), "no-store");
    EXPECT_EQ(c.Post(book_path(roomy), httplib::Params{{"name", "Sam"}, {"email", "sam@example.org"}})->status, 403) << "no CSRF token";

    const auto mail_before = outbox().size();
    auto wrong = book(roomy, "Sam Carter", "sam at example", server->council().str());
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "govuk-error-summary"));
    EXPECT_TRUE(has(wrong, "<title>Error: Book a place"));
    EXPECT_EQ(outbox().size(), mail_before) << "nothing booked";

    auto made = book(roomy, "Sam Carter", "Sam.Carter@Example.org", server->council().str());
    ASSERT_EQ(made->status, 303) << made->body;
    EXPECT_EQ(made->get_header_value("Location"), "/p/test/training/booked?status=booked");
    EXPECT_TRUE(has(c.Get("/p/test/training/booked?status=booked"), "You have a place"));
    const auto mail = outbox();
    ASSERT_EQ(mail.size(), mail_before + 1);
    EXPECT_EQ(mail[0].to, "sam.carter@example.org");
    EXPECT_EQ(mail[0].kind, MailKind::booking_confirmation);

    auto twice = book(roomy, "Sam Carter", "sam.carter@example.org", "none");
    ASSERT_EQ(twice->status, 422);
    EXPECT_TRUE(has(twice, "govuk-error-summary"));

    ASSERT_EQ(book(small, "First In", "first@example.org", "none")->status, 303);
    auto waiting = book(small, "Second In", "second@example.org", "none");
    ASSERT_EQ(waiting->status, 303);
    EXPECT_EQ(waiting->get_header_value("Location"), "/p/test/training/booked?status=waiting");
    EXPECT_TRUE(has(c.Get("/p/test/training/booked?status=waiting"), "You are on the waiting list"));

    EXPECT_EQ(c.Get(book_path(held))->status, 404) << "a session already held";
    EXPECT_EQ(c.Get("/p/nowhere/training/sessions/" + roomy.str() + "/book")->status, 404);
}

TEST_F(PublicBookingHttp, OneAddressCannotBookWithoutEnd) {
    // The counter is the process's: bookings by earlier tests in this process count too.
    int made = 0, status = 0;
    std::string body;
    for (int i = 0; i < 40 && status != 429; ++i) {
        auto r = book(roomy, "Person " + std::to_string(i), "p" + std::to_string(i) + "@example.org", "none");
        ASSERT_TRUE(r);
        status = r->status;
        body = r->body;
        if (status == 303) ++made;
        else ASSERT_EQ(status, 429) << body;
    }
    EXPECT_EQ(status, 429);
    EXPECT_LE(made, web::kPublicBookingLimits.per_address);
    EXPECT_NE(body.find("too many bookings from your network"), std::string::npos);
}
