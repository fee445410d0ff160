// Escalating overdue meeting actions (decision 0036): which step a day calls for, counted in
// working days past the due day, and what the chair and the partners' leads are told.
#include <gtest/gtest.h>

#include "core/action_escalation.hpp"

using namespace assure;

namespace {
Date d(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST(ActionEscalation, TheChairAfterTenWorkingDaysAndThePartnersAfterTwenty) {
    const WorkingCalendar calendar;
    const Date due = d("2026-12-08");  // a Tuesday
    EXPECT_FALSE(escalation_step(due, due, calendar));
    EXPECT_FALSE(escalation_step(due, d("2026-12-21"), calendar)) << "nine working days late";
    EXPECT_EQ(escalation_step(due, d("2026-12-22"), calendar), EscalationStep::chair);
    // 25 and 28 December and 1 January are bank holidays: the twentieth working day is 8 January.
    EXPECT_EQ(escalation_step(due, d("2027-01-07"), calendar), EscalationStep::chair);
    EXPECT_EQ(escalation_step(due, d("2027-01-08"), calendar), EscalationStep::partners);
    const EscalationPolicy sooner{2, 3};
    EXPECT_EQ(escalation_step(due, d("2026-12-10"), calendar, sooner), EscalationStep::chair);
    EXPECT_EQ(escalation_step(due, d("2026-12-11"), calendar, sooner), EscalationStep::partners);
}

TEST(ActionEscalation, StepsHaveKeysAndWords) {
    for (const auto s : {EscalationStep::chair, EscalationStep::partners}) EXPECT_EQ(parse_escalation_step(escalation_step_key(s)), s);
    EXPECT_FALSE(parse_escalation_step("board"));
    EXPECT_EQ(escalation_step_label(EscalationStep::chair), "Escalated to the group's chair");
}

TEST(ActionEscalation, TheMessageSaysHowLateWhoseAndWhere) {
    const WorkingCalendar calendar;
    const EscalatedAction a{"Audit neglect referrals", "Core Business Group", "Olive Owner", "/actions/7", d("2026-12-08"),
                            EscalationStep::chair};
    const MailText t = escalation_text("Knowsley SCP", a, d("2026-12-22"), calendar, "https://assure.example.org");
    EXPECT_EQ(t.subject, "Action escalated (Knowsley SCP): 10 working days overdue");
    EXPECT_NE(t.body.find("past its due date of 8 December 2026"), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("you chair the Core Business Group"), std::string::npos);
    EXPECT_NE(t.body.find("https://assure.example.org/actions/7"), std::string::npos);
    EscalatedAction later = a;
    later.step = EscalationStep::partners;
    EXPECT_NE(escalation_text("Knowsley SCP", later, d("2027-01-08"), calendar, "").body.find("statutory partner"), std::string::npos);
}
