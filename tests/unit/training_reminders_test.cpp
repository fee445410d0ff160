// Reminders before training sessions (issue 16): due from two working days before the session
// (a Monday's on the Thursday before) until the session; the message names the course, the day
// and place; the daily pass reminds each booking with a place once, not those waiting or
// cancelled, nor sessions further off or already held.
#include <gtest/gtest.h>

#include "app/mail.hpp"
#include "app/training.hpp"
#include "app/training_reminders.hpp"
#include "core/training_mail.hpp"
#include "core/training_notice.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

}  // namespace

TEST(TrainingReminders, AReminderIsDueFromTwoWorkingDaysBeforeUntilTheSession) {
    const WorkingCalendar calendar;
    const Date monday = d("2026-12-14");
    EXPECT_EQ(reminder_from(monday, calendar), d("2026-12-10")) << "the Thursday before";
    EXPECT_FALSE(reminder_due(monday, d("2026-12-09"), calendar));
    EXPECT_TRUE(reminder_due(monday, d("2026-12-10"), calendar));
    EXPECT_TRUE(reminder_due(monday, d("2026-12-12"), calendar)) << "a missed day is caught up";
    EXPECT_FALSE(reminder_due(monday, monday, calendar)) << "not on the day";
    EXPECT_FALSE(reminder_due(monday, d("2026-12-15"), calendar));
}

TEST(TrainingReminders, TheMessageNamesTheCourseTheDayAndThePlace) {
    TrainingSession t;
    t.course_title = "Exploring Neglect";
    t.on = d("2026-12-14");
    t.starts_at = "09:30";
    t.ends_at = "16:00";
    t.venue = "Kirkby Suite, Kirkby";
    Booking b;
    b.name = "Sam Carter";
    const MailText m = reminder_mail_text("Knowsley Safeguarding Children Partnership", t, b);
    EXPECT_EQ(m.subject, "Reminder: Exploring Neglect, 14 December 2026");
    EXPECT_NE(m.body.find("Dear Sam Carter,"), std::string::npos);
    EXPECT_NE(m.body.find("14 December 2026, 09:30 to 16:00, at Kirkby Suite, Kirkby"), std::string::npos);
}

TEST(TrainingReminders, TheDailyPassRemindsEachPlaceOnceAndNoOneElse) {
    World w;
    w.clock.at = 1'796'342'400;  // Friday 4 December 2026, 00:00 UTC
    const Actor bu = w.as(Role::business_unit);
    const Course c = add_course(w.services, bu, {"Exploring Neglect", "multi_agency_core", "Recognise neglect", "Everyone", "360", {}});
    const auto session = [&](const char* on, const char* capacity) {
        return add_session(w.services, bu, {c.id.str(), on, "09:30", "16:00", "Kirkby Suite", "", capacity, "Lisa Moran"}).id;
    };
    const auto tuesday = session("2026-12-08", "2");  // two working days after Friday
    const auto later = session("2026-12-15", "20");
    book_place(w.services, bu, tuesday, {"Sam Carter", "sam@example.org", ""});
    const Booking leaving = book_place(w.services, bu, tuesday, {"Jo Bloggs", "jo@example.org", ""});
    book_place(w.services, bu, tuesday, {"Wait Ing", "waiting@example.org", ""});  // full: on the waiting list
    cancel_booking(w.services, bu, tuesday, leaving.id);  // the place goes to the one waiting
    book_place(w.services, bu, later, {"Far Off", "far@example.org", ""});

    EXPECT_EQ(queue_session_reminders(w.services, d("2026-12-03")), 0) << "Thursday: not yet";
    EXPECT_EQ(queue_session_reminders(w.services, d("2026-12-04")), 2);
    std::vector<std::string> to;
    for (const auto& m : list_outbox(w.services, bu, "", {}).items) {
        if (m.kind == MailKind::session_reminder) to.push_back(m.to);
    }
    std::sort(to.begin(), to.end());
    EXPECT_EQ(to, (std::vector<std::string>{"sam@example.org", "waiting@example.org"})) << "those with a place now";
    EXPECT_EQ(queue_session_reminders(w.services, d("2026-12-04")), 0) << "once";
    EXPECT_EQ(queue_session_reminders(w.services, d("2026-12-07")), 0) << "nor the next day";
    EXPECT_EQ(queue_session_reminders(w.services, d("2026-12-11")), 1) << "the later session's, in its turn";
}
