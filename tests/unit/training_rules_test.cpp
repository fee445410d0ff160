// Training's rules, with no store: what a course, a session and a booking must be, whether a
// booking takes a place or waits, how many a freed place promotes, and how counts become the
// year's figures (rates worked out, never typed). "Today" is a value passed in.
#include <gtest/gtest.h>

#include "core/training.hpp"

using namespace assure;

namespace {

const Date kToday{2026, 11, 18};

bool names(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors) if (e.field == field) return true;
    return false;
}

Course course() {
    Course c;
    c.title = "Working Together to Safeguard Children";
    c.level = CourseLevel::multi_agency_core;
    c.outcomes = "Know the thresholds of need";
    c.audience = "Practitioners in every agency";
    c.duration_minutes = 360;
    return c;
}

TrainingSession session(int capacity = 20, int booked = 0) {
    TrainingSession t;
    t.course = CourseId{1};
    t.on = Date{2026, 12, 8};
    t.starts_at = "09:30";
    t.ends_at = "12:30";
    t.venue = "Huyton Municipal Buildings";
    t.capacity = capacity;
    t.booked = booked;
    t.trainer = "A. Trainer";
    return t;
}

}  // namespace

TEST(TrainingRules, ACourseNeedsATitleOutcomesAudienceAndASensibleLength) {
    EXPECT_TRUE(validate_course(course()).empty());
    Course c = course();
    c.title = " ";
    c.outcomes = "";
    c.duration_minutes = 5;
    const auto e = validate_course(c);
    EXPECT_TRUE(names(e, "title"));
    EXPECT_TRUE(names(e, "outcomes"));
    EXPECT_TRUE(names(e, "duration_minutes"));
    c = course();
    c.priorities = {"Neglect", "Neglect"};
    EXPECT_TRUE(names(validate_course(c), "priorities"));
}

TEST(TrainingRules, ASessionEndsAfterItStartsAndHasAPlaceOrALink) {
    EXPECT_TRUE(validate_session(session(), 0).empty());
    TrainingSession t = session();
    t.ends_at = "09:00";
    EXPECT_TRUE(names(validate_session(t, 0), "ends_at"));
    t = session();
    t.starts_at = "9.30";
    EXPECT_TRUE(names(validate_session(t, 0), "starts_at"));
    t = session();
    t.venue = "";
    EXPECT_TRUE(names(validate_session(t, 0), "venue"));
    t.online_link = "http://meet.example.org/x";
    EXPECT_TRUE(names(validate_session(t, 0), "online_link")) << "only https";
    t.online_link = "https://meet.example.org/x";
    EXPECT_TRUE(validate_session(t, 0).empty()) << "online only";
    EXPECT_EQ(session_minutes(session()), 180);
}

TEST(TrainingRules, CapacityBelowThePlacesBookedIsAFieldErrorSayingHowMany) {
    const auto e = validate_session(session(10), 12);
    ASSERT_TRUE(names(e, "capacity"));
    EXPECT_NE(e[0].message.find("12 places booked"), std::string::npos) << e[0].message;
    EXPECT_TRUE(validate_session(session(12), 12).empty());
    EXPECT_TRUE(names(validate_session(session(0), 0), "capacity"));
}

TEST(TrainingRules, ABookingTakesAPlaceWhileOneIsFreeAndWaitsAfter) {
    EXPECT_EQ(decide_booking(session(20, 19), kToday, false).status, BookingStatus::booked);
    EXPECT_EQ(decide_booking(session(20, 20), kToday, false).status, BookingStatus::waiting) << "full is not an error";
    const auto twice = decide_booking(session(20, 3), kToday, true);
    EXPECT_FALSE(twice.status);
    EXPECT_TRUE(names(twice.refusal, "email"));
    TrainingSession past = session();
    past.on = Date{2026, 11, 17};
    const auto late = decide_booking(past, kToday, false);
    EXPECT_FALSE(late.status);
    ASSERT_TRUE(names(late.refusal, "session"));
    EXPECT_NE(late.refusal[0].message.find("17 November 2026"), std::string::npos) << "dates in words";
    past.on = kToday;
    EXPECT_TRUE(decide_booking(past, kToday, false).status) << "the day itself can still be booked";
}

TEST(TrainingRules, AFreedPlacePromotesOnlyAsManyAsThereArePlacesAndPeopleWaiting) {
    EXPECT_EQ(places_to_promote(20, 19, 5), 1);
    EXPECT_EQ(places_to_promote(25, 20, 3), 3) << "a rise of five with three waiting";
    EXPECT_EQ(places_to_promote(20, 20, 5), 0);
    EXPECT_EQ(places_to_promote(20, 10, 0), 0);
}

TEST(TrainingRules, TheRegisterOpensOnTheSessionsDay) {
    TrainingSession t = session();
    EXPECT_FALSE(register_open(t, kToday));
    t.on = kToday;
    EXPECT_TRUE(register_open(t, kToday));
}

TEST(TrainingRules, FiguresCountDelegatesAsThoseWhoCameAndWorkOutTheRates) {
    TrainingCounts counts;
    counts.sessions = 3;
    counts.by_course = {{"Exploring Neglect", {18, 2, 0, 0}}, {"WTSC", {40, 6, 2, 4}}};
    counts.by_agency = {{"Health", {30, 5, 1, 0}}, {"Education", {28, 3, 1, 4}}};
    const auto f = training_figures(FinancialYear{2016}, counts);
    EXPECT_EQ(f.total.delegates, 58);
    EXPECT_EQ(f.total.no_shows, 8);
    EXPECT_EQ(f.total.recorded, 68) << "unrecorded places are not in the rates";
    EXPECT_EQ(f.total.attendance_percent, 85) << "58 of 68";
    EXPECT_EQ(f.total.no_show_percent, 12) << "8 of 68";
    ASSERT_EQ(f.by_course.size(), 2u);
    EXPECT_EQ(f.by_course[0].name, "WTSC") << "most delegates first";
    EXPECT_EQ(f.by_course[0].attendance_percent, 83) << "40 of 48";
    EXPECT_EQ(f.by_course[1].no_show_percent, 10);
    EXPECT_EQ(f.by_agency[0].name, "Health");
    const auto none = training_figures(FinancialYear{2017}, {});
    EXPECT_EQ(none.total.delegates, 0);
    EXPECT_FALSE(none.total.attendance_percent) << "no rate when nothing was recorded";
}

TEST(TrainingRules, KeysRoundTripAndUnknownOnesAreRefused) {
    for (const auto l : all_course_levels()) EXPECT_EQ(parse_course_level(course_level_key(l)), l);
    for (const auto a : all_attendances()) EXPECT_EQ(parse_attendance(attendance_key(a)), a);
    EXPECT_FALSE(parse_booking_status("maybe"));
    EXPECT_EQ(clock_minutes("23:59"), 23 * 60 + 59);
    EXPECT_FALSE(clock_minutes("24:00"));
}
