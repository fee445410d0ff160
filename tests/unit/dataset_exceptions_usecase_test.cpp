// The exception report on a real SQLite store: the indicators red or off trend in a period,
// each note written once its indicator is an exception (with the action plan's action, which
// must exist), versions checked, every write audited; priority narratives by the business unit.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/dataset_exceptions.hpp"
#include "app/learning.hpp"
#include "fakes/fakes.hpp"

namespace assure {
namespace {

using testing::World;

struct Exceptions : ::testing::Test {
    World w;
    void SetUp() override {
        // Repeat plans (lower is better, target 15, amber to 17): 14, 16, 18 by quarter: red in
        // Q3 and worse twice running. Referrals (no better direction) are never exceptions.
        const auto r = import_dataset_file(w.services, w.as(Role::business_unit),
                                           ImportRequest{"indicator-values", "", "v.csv",
                                                         "code,period,value,numerator,denominator\n"
                                                         "cp_second_or_subsequent,2016-17-Q1,14,,\n"
                                                         "cp_second_or_subsequent,2016-17-Q2,16,,\n"
                                                         "cp_second_or_subsequent,2016-17-Q3,18,,\n"
                                                         "referrals,2016-17-Q3,900,,\n",
                                                         false});
        ASSERT_TRUE(r.saved);
    }
    Actor bu() const { return w.as(Role::business_unit); }
};

TEST_F(Exceptions, AnIndicatorRedOrOffTrendIsAnExceptionWithItsFlags) {
    const auto q3 = read_exception_report(w.services, bu(), DatasetPeriod{2016, 3});
    ASSERT_EQ(q3.lines.size(), 1u);
    EXPECT_EQ(q3.lines[0].line.definition.code, "cp_second_or_subsequent");
    EXPECT_TRUE(q3.lines[0].flags.red);
    EXPECT_TRUE(q3.lines[0].flags.off_trend);
    EXPECT_EQ(q3.lines[0].note.version, 0);
    EXPECT_TRUE(q3.lines[0].may_write);
    EXPECT_FALSE(q3.narratives.empty()) << "one narrative slot per priority";
    const auto q2 = read_exception_report(w.services, bu(), DatasetPeriod{2016, 2});
    EXPECT_TRUE(q2.lines.empty()) << "16 is amber, and one deterioration is not a trend";
}

TEST_F(Exceptions, ANoteIsWrittenForAnExceptionOnlyWithAnActionOnThePlanAndItsVersion) {
    const std::size_t audits = w.audit_count();
    try {
        save_exception_note(w.services, bu(), "2016-17-Q2", "cp_second_or_subsequent", 0, "Rose", "Audit", "");
        ADD_FAILURE() << "a note was written for an indicator that is not an exception";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "code");
    }
    try {
        save_exception_note(w.services, bu(), "2016-17-Q3", "cp_second_or_subsequent", 0, "Rose", "", "9999");
        ADD_FAILURE() << "a note named an action not on the plan";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "action_id");
    }
    EXPECT_EQ(w.audit_count(), audits);
    const auto n = save_exception_note(w.services, bu(), "2016-17-Q3", "cp_second_or_subsequent", 0,
                                       "Plans ended early in Q1 were restarted", "A dip sample of repeat plans", "");
    EXPECT_EQ(n.version, 1);
    EXPECT_EQ(w.last_audit().action, "dataset.exception.note");
    EXPECT_THROW(save_exception_note(w.services, bu(), "2016-17-Q3", "cp_second_or_subsequent", 0, "Again", "Again", ""), Failure)
        << "a stale version";
    const auto report = read_exception_report(w.services, bu(), DatasetPeriod{2016, 3});
    EXPECT_EQ(report.lines[0].note.narrative, "Plans ended early in Q1 were restarted");
    EXPECT_EQ(report.lines[0].note.action_taken, "A dip sample of repeat plans");
    // A member reads the report but writes no note.
    const auto member = read_exception_report(w.services, w.as(Role::member), DatasetPeriod{2016, 3});
    EXPECT_FALSE(member.lines[0].may_write);
    EXPECT_THROW(save_exception_note(w.services, w.as(Role::member), "2016-17-Q3", "cp_second_or_subsequent", 1, "x", "y", ""), Failure);
}

TEST_F(Exceptions, APriorityNarrativeIsTheBusinessUnitsForAPriorityOfTheScorecard) {
    const std::string priority = "Children in need of help and protection";
    const auto n = save_priority_narrative(w.services, bu(), "2016-17-Q3", priority, 0, "Repeat plans rose for a second quarter.");
    EXPECT_EQ(n.version, 1);
    EXPECT_EQ(w.last_audit().action, "dataset.priority.narrative");
    const auto report = read_exception_report(w.services, bu(), DatasetPeriod{2016, 3});
    const auto it = std::find_if(report.narratives.begin(), report.narratives.end(), [&](const auto& x) { return x.priority == priority; });
    ASSERT_NE(it, report.narratives.end());
    EXPECT_EQ(it->narrative, "Repeat plans rose for a second quarter.");
    try {
        save_priority_narrative(w.services, bu(), "2016-17-Q3", "Not a priority", 0, "Words");
        ADD_FAILURE() << "a narrative for a priority the scorecard does not have";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "priority");
    }
    EXPECT_THROW(save_priority_narrative(w.services, w.as(Role::agency_lead), "2016-17-Q3", priority, 1, "Words"), Failure);
}

}  // namespace
}  // namespace assure
