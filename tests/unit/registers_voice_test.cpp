// The voice and scrutiny registers' rules, with values: which kinds each register records, what
// an activity must keep (how children were heard, for the voice register), the counts derived
// from its points, and a year's figures from the store's counts (seed 001's 1,808 respondents).
#include <gtest/gtest.h>

#include "core/registers_voice.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Activity survey() {
    Activity a;
    a.strand = Strand::voice;
    a.kind = ActivityKind::survey;
    a.title = "Safeguarding survey";
    a.led_by = "Voice for Children";
    a.held_on = d("2016-01-18");
    a.children_heard = 1808;
    a.how_heard = "Online questionnaire in every secondary school";
    a.points = {{"Key finding 1", "Listen to My Story", std::nullopt, d("2016-03-01")}, {"Key finding 2", "", ImprovementId{7}, std::nullopt}};
    return a;
}

bool has_field(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors) {
        if (e.field == field) return true;
    }
    return false;
}

}  // namespace

TEST(VoiceRules, EachRegisterRecordsItsOwnKindsAndBothTheChallengeDay) {
    EXPECT_TRUE(kind_in(ActivityKind::survey, Strand::voice));
    EXPECT_FALSE(kind_in(ActivityKind::survey, Strand::scrutiny));
    EXPECT_TRUE(kind_in(ActivityKind::focus_visit, Strand::scrutiny));
    EXPECT_FALSE(kind_in(ActivityKind::focus_visit, Strand::voice));
    EXPECT_TRUE(kind_in(ActivityKind::challenge_day, Strand::voice));
    EXPECT_TRUE(kind_in(ActivityKind::challenge_day, Strand::scrutiny));
    EXPECT_EQ(kinds_of(Strand::voice).size(), 6u);
    EXPECT_EQ(kinds_of(Strand::scrutiny).size(), 6u);
    EXPECT_EQ(parse_activity_kind("young_scrutineers"), ActivityKind::young_scrutineers);
    EXPECT_FALSE(parse_activity_kind("party"));
    EXPECT_EQ(strand_key(Strand::scrutiny), "scrutiny");
}

TEST(VoiceRules, PointsAnsweredAndLinkedAreCountedFromThePoints) {
    const Activity a = survey();
    EXPECT_EQ(points_answered(a), 1);
    EXPECT_EQ(points_linked(a), 1);
    EXPECT_TRUE(validate_activity(a, d("2017-03-31")).empty());
}

TEST(VoiceRules, AVoiceActivitySaysHowChildrenWereHeardAScrutinyOneNeedNot) {
    Activity a = survey();
    a.how_heard = "";
    EXPECT_TRUE(has_field(validate_activity(a, d("2017-03-31")), "how_heard"));
    a.strand = Strand::scrutiny;
    a.kind = ActivityKind::audit;
    EXPECT_TRUE(validate_activity(a, d("2017-03-31")).empty());
}

TEST(VoiceRules, AKindOfTheOtherRegisterAFutureDateAnEmptyPointAndTooManyPointsAreRefused) {
    Activity a = survey();
    a.kind = ActivityKind::frontline_visit;
    EXPECT_TRUE(has_field(validate_activity(a, d("2017-03-31")), "kind"));
    a = survey();
    EXPECT_TRUE(has_field(validate_activity(a, d("2016-01-17")), "held_on"));
    a.points[1].point = "  ";
    EXPECT_TRUE(has_field(validate_activity(a, d("2017-03-31")), "point2"));
    a = survey();
    a.points.resize(kMaxActivityPoints + 1, ActivityPoint{"A finding", "", std::nullopt, std::nullopt});
    EXPECT_TRUE(has_field(validate_activity(a, d("2017-03-31")), "point1"));
    a = survey();
    a.children_heard = -1;
    EXPECT_TRUE(has_field(validate_activity(a, d("2017-03-31")), "children_heard"));
}

TEST(VoiceRules, AResponseIsDatedNotBeforeTheActivityAndNotInTheFuture) {
    const Date today = d("2016-03-31");
    Activity a = survey();
    a.points[0].responded_on = std::nullopt;
    EXPECT_TRUE(has_field(validate_activity(a, today), "responded_on1")) << "a response needs its date";
    a.points[0].responded_on = d("2016-01-17");
    EXPECT_TRUE(has_field(validate_activity(a, today), "responded_on1")) << "the day before the survey";
    a.points[0].responded_on = d("2016-01-18");
    EXPECT_TRUE(validate_activity(a, today).empty()) << "the day it was held";
    a.points[0].responded_on = d("2016-03-31");
    EXPECT_TRUE(validate_activity(a, today).empty()) << "today";
    a.points[0].responded_on = d("2016-04-01");
    EXPECT_TRUE(has_field(validate_activity(a, today), "responded_on1")) << "tomorrow";
    a = survey();
    a.points[1].responded_on = d("2016-02-01");
    const auto errors = validate_activity(a, today);
    ASSERT_TRUE(has_field(errors, "responded_on2")) << "a date with no response";
    EXPECT_FALSE(has_field(errors, "responded_on1"));
}

TEST(VoiceRules, FiguresAddTheKindsAndShareTheAnsweredPoints) {
    std::map<ActivityKind, KindCount> counts;
    counts[ActivityKind::survey] = {1, 1808, 6, 6, 0};
    counts[ActivityKind::young_advisers] = {1, 0, 1, 1, 0};
    counts[ActivityKind::group_report] = {1, 0, 2, 0, 1};
    const auto f = activity_figures(FinancialYear{2015}, Strand::voice, counts);
    EXPECT_EQ(f.total.activities, 3);
    EXPECT_EQ(f.total.children, 1808);
    EXPECT_EQ(f.total.points, 9);
    EXPECT_EQ(f.total.answered, 7);
    EXPECT_EQ(f.answered_percent, 78);  // 7 of 9 is 77.8
    EXPECT_EQ(f.linked_percent, 11);
    ASSERT_EQ(f.by_kind.size(), 6u);
    EXPECT_EQ(f.by_kind[0].kind, ActivityKind::survey);
    EXPECT_EQ(f.by_kind[0].count.children, 1808);
    EXPECT_EQ(f.by_kind[1].count.activities, 0) << "every kind of the register, counted or not";
    const auto none = activity_figures(FinancialYear{2016}, Strand::scrutiny, {});
    EXPECT_FALSE(none.answered_percent);
    EXPECT_EQ(none.by_kind.front().kind, ActivityKind::scrutiny_plan);
}
