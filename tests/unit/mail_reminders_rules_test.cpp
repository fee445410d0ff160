// Reminders beyond the statutory ones, under frozen dates worked out by hand against the
// published bank holidays of England: when an action or a return calls for a coming-due or an
// overdue reminder, the words of each message, the digest, and a person's choices.
#include <gtest/gtest.h>

#include "core/mail_reminders.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

const WorkingCalendar calendar;

std::string stage_on(const char* due, const char* today, ReminderLead lead = kActionReminderLead) {
    const auto s = reminder_stage(d(due), d(today), lead, calendar);
    return s ? std::string(reminder_stage_key(*s)) : "none";
}

const std::string site = "https://assure.example.org";

}  // namespace

// Due Tuesday 8 December 2026. Five working days before is Tuesday 1 December (2, 3, 4, 7, 8).
TEST(ReminderStage, AnActionIsComingDueFiveWorkingDaysBeforeAndOverdueTheDayAfter) {
    EXPECT_EQ(coming_due_from(d("2026-12-08"), kActionReminderLead, calendar), d("2026-12-01"));
    EXPECT_EQ(stage_on("2026-12-08", "2026-11-30"), "none") << "six working days before";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-01"), "coming_due");
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-04"), "coming_due") << "later in the window: the caller keeps it to once";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-05"), "none") << "a Saturday: no reminders at weekends";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-08"), "coming_due") << "the due day itself";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-09"), "overdue") << "the first day overdue";
}

TEST(ReminderStage, AnOverdueReminderMissedOnItsDayIsCaughtUpWithinFourteenDays) {
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-15"), "overdue") << "the server was down for a week";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-22"), "overdue") << "14 days overdue: the last chance";
    EXPECT_EQ(stage_on("2026-12-08", "2026-12-23"), "none") << "15 days overdue: too late to be news";
}

// Due Thursday 31 December 2026. Christmas Day is a Friday and Boxing Day a Saturday, so
// Monday 28 December is the substitute holiday: five working days before are 30, 29, 24, 23, 22.
// New Year's Day is a Friday: the first working day overdue is Monday 4 January 2027.
TEST(ReminderStage, BankHolidaysAreNotWorkingDaysForEitherReminder) {
    EXPECT_EQ(coming_due_from(d("2026-12-31"), kActionReminderLead, calendar), d("2026-12-22"));
    EXPECT_EQ(stage_on("2026-12-31", "2026-12-21"), "none");
    EXPECT_EQ(stage_on("2026-12-31", "2026-12-22"), "coming_due");
    EXPECT_EQ(stage_on("2026-12-31", "2026-12-28"), "none") << "the substitute Boxing Day";
    EXPECT_EQ(stage_on("2026-12-31", "2027-01-01"), "none") << "New Year's Day";
    EXPECT_EQ(stage_on("2026-12-31", "2027-01-04"), "overdue");
}

// A return due Friday 11 December 2026 is reminded ten calendar days before: from Tuesday 1st.
TEST(ReminderStage, AReturnIsComingDueTenCalendarDaysBefore) {
    EXPECT_EQ(coming_due_from(d("2026-12-11"), kReturnReminderLead, calendar), d("2026-12-01"));
    EXPECT_EQ(stage_on("2026-12-11", "2026-11-30", kReturnReminderLead), "none");
    EXPECT_EQ(stage_on("2026-12-11", "2026-12-01", kReturnReminderLead), "coming_due");
    EXPECT_EQ(stage_on("2026-12-11", "2026-12-14", kReturnReminderLead), "overdue") << "Monday, the first working day after";
    // Ten days before Sunday 20 December is Thursday 10th.
    EXPECT_EQ(coming_due_from(d("2026-12-20"), kReturnReminderLead, calendar), d("2026-12-10"));
}

TEST(ReminderText, AnActionReminderGivesTheDateInWordsTheLinkAndThePreferencesLine) {
    DueItem item{"Audit neglect referrals", "Core Business Group", "/meetings/4", d("2026-12-08"), ReminderStage::coming_due};
    MailText t = action_reminder_text("Knowsley", item, d("2026-12-01"), site);
    EXPECT_EQ(t.subject, "Action due (Knowsley): due 8 December 2026");
    EXPECT_NE(t.body.find("An action you own is due on 8 December 2026.\n\nAudit neglect referrals\n"), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("From: Core Business Group\n"), std::string::npos);
    EXPECT_NE(t.body.find("https://assure.example.org/meetings/4"), std::string::npos);
    EXPECT_TRUE(t.body.ends_with(preferences_line(site)));
    EXPECT_NE(preferences_line(site).find("https://assure.example.org/account/email"), std::string::npos);

    t = action_reminder_text("Knowsley", item, d("2026-12-08"), site);
    EXPECT_NE(t.body.find("is due today, 8 December 2026."), std::string::npos) << t.body;

    item.stage = ReminderStage::overdue;
    t = action_reminder_text("Knowsley", item, d("2026-12-09"), site);
    EXPECT_EQ(t.subject, "Action overdue (Knowsley): was due 8 December 2026");
    EXPECT_NE(t.body.find("was due on 8 December 2026 and is overdue"), std::string::npos);
    EXPECT_TRUE(t.body.ends_with(preferences_line(site)));
}

TEST(ReminderText, AReturnReminderNamesTheAgencyAndTheAudit) {
    DueItem item{"Section 11 audit 2026/27", "Knowsley Housing Trust", "/audits/3/returns/9", d("2026-12-11"),
                 ReminderStage::overdue};
    const MailText t = return_reminder_text("Knowsley", item, d("2026-12-14"), site);
    EXPECT_EQ(t.subject, "Return overdue (Knowsley): Section 11 audit 2026/27");
    EXPECT_NE(t.body.find("Knowsley Housing Trust's return to Section 11 audit 2026/27 has not been submitted. It was due on "
                          "11 December 2026 and is overdue."),
              std::string::npos)
        << t.body;
    EXPECT_NE(t.body.find("https://assure.example.org/audits/3/returns/9"), std::string::npos);
    EXPECT_TRUE(t.body.ends_with(preferences_line(site)));
}

TEST(ReminderText, AnAgendaNoticeListsTheItemsAndLinksToTheMeeting) {
    AgendaNotice n{"Core Business Group", d("2026-12-08"), "10:00", "Huyton Municipal Building", false,
                   {"Minutes of the last meeting", "Neglect audit findings"}, "/meetings/12"};
    const MailText t = agenda_published_text("Knowsley", n, site);
    EXPECT_EQ(t.subject, "Agenda published: Core Business Group, 8 December 2026");
    EXPECT_NE(t.body.find("meeting on 8 December 2026 at 10:00"), std::string::npos);
    EXPECT_NE(t.body.find("Where: Huyton Municipal Building\n"), std::string::npos);
    EXPECT_NE(t.body.find("1. Minutes of the last meeting\n2. Neglect audit findings\n"), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("https://assure.example.org/meetings/12"), std::string::npos);
    EXPECT_TRUE(t.body.ends_with(preferences_line(site)));
}

TEST(ReminderText, ADigestCombinesTheDaysMessagesAndSaysHowToChangeOnce) {
    DueItem a{"First action", "Group A", "/meetings/1", d("2026-12-08"), ReminderStage::coming_due};
    DueItem b{"Second action", "Group B", "/improvement/2", d("2026-11-30"), ReminderStage::overdue};
    const MailText t = digest_text("Knowsley",
                                   d("2026-12-01"),
                                   {action_reminder_text("Knowsley", a, d("2026-12-01"), site),
                                    action_reminder_text("Knowsley", b, d("2026-12-01"), site)},
                                   site);
    EXPECT_EQ(t.subject, "Your reminders from Knowsley, 1 December 2026");
    EXPECT_TRUE(t.body.starts_with("2 messages for you from Knowsley on 1 December 2026.\n")) << t.body;
    EXPECT_NE(t.body.find("First action"), std::string::npos);
    EXPECT_NE(t.body.find("Second action"), std::string::npos);
    EXPECT_LT(t.body.find("First action"), t.body.find("Second action"));
    const auto line = preferences_line(site);
    EXPECT_EQ(t.body.find(line), t.body.size() - line.size()) << "the preferences line once, at the end";
}

TEST(MailPreferencesRules, WithNoChoicesEverythingIsSentAndStatutoryRemindersCannotBeTurnedOff) {
    MailPreferences p;
    for (MailKind k : optional_mail_kinds()) EXPECT_TRUE(wants(p, k));
    p.action_reminders = p.return_reminders = p.agenda_published = false;
    EXPECT_FALSE(wants(p, MailKind::action_reminder));
    EXPECT_TRUE(wants(p, MailKind::milestone_reminder)) << "statutory";
    EXPECT_TRUE(wants(p, MailKind::role_approval));
    EXPECT_FALSE(digestible(MailKind::milestone_reminder));
    EXPECT_FALSE(digestible(MailKind::booking_confirmation));
    EXPECT_TRUE(digestible(MailKind::return_reminder));
}

TEST(MailPreferencesRules, TheFormTurnsKindsOffAndChoosesTheDigest) {
    MailPreferences p;
    p.user = UserId{7};
    EXPECT_TRUE(validate_mail_preferences({{"return_reminder"}, "digest"}, p).empty());
    EXPECT_EQ(p.user, UserId{7});
    EXPECT_TRUE(p.digest);
    EXPECT_FALSE(p.action_reminders);
    EXPECT_TRUE(p.return_reminders);
    EXPECT_FALSE(p.agenda_published);
}

TEST(MailPreferencesRules, BadInputNamesItsFieldAndChangesNothing) {
    MailPreferences p;
    auto errors = validate_mail_preferences({{"action_reminder"}, "weekly"}, p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "delivery");
    errors = validate_mail_preferences({{"milestone_reminder"}, "each"}, p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "kinds") << "statutory reminders are not the person's to turn off";
    errors = validate_mail_preferences({{"carrier_pigeon"}, "digest"}, p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_TRUE(p.action_reminders && p.return_reminders && p.agenda_published && !p.digest) << "unchanged";
}
