// Mail's rules with frozen dates: which statutory milestones call for a reminder on a day
// (worked out by hand against the published bank holidays), the retry delays, what a message
// must be, and the message as a mail server receives it.
#include <gtest/gtest.h>

#include "core/mail.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Case aware_on(const char* iso) {
    Case c;
    c.reference = "SI-2026-04";
    c.became_aware_on = d(iso);
    c.incident_on = d(iso);
    return c;
}

CaseEvent event(EventKind kind, const char* on) {
    CaseEvent e;
    e.kind = kind;
    e.on = d(on);
    return e;
}

// "notify_panel@2026-11-27:before" for each reminder, to compare whole lists.
std::vector<std::string> keys(const std::vector<MilestoneReminder>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) {
        out.push_back(r.milestone + "@" + r.due.iso() + (r.when == ReminderWhen::due_today ? ":today" : ":before"));
    }
    return out;
}

const WorkingCalendar kCalendar;

}  // namespace

// Aware Friday 20 November 2026: the Panel and the partners by Friday 27th (5 working days),
// the rapid review by Friday 11 December (15).
TEST(MilestoneReminders, TwoWorkingDaysBeforeAndOnTheDay) {
    const Case c = aware_on("2026-11-20");
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-11-25"), kCalendar)),
              (std::vector<std::string>{"notify_panel@2026-11-27:before", "inform_partners@2026-11-27:before"}));
    EXPECT_TRUE(milestone_reminders(c, d("2026-11-26"), kCalendar).empty()) << "one working day before: no reminder";
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-11-27"), kCalendar)),
              (std::vector<std::string>{"notify_panel@2026-11-27:today", "inform_partners@2026-11-27:today"}));
    EXPECT_TRUE(milestone_reminders(c, d("2026-11-30"), kCalendar).empty()) << "overdue is the home page's, not a daily email";
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-12-09"), kCalendar)), (std::vector<std::string>{"rapid_review@2026-12-11:before"}));
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-12-11"), kCalendar)), (std::vector<std::string>{"rapid_review@2026-12-11:today"}));
}

// Aware Tuesday 24 November: due Tuesday 1 December. Friday 27th is two working days before;
// Saturday and Sunday are too (Monday, Tuesday) by count, but no reminder goes on a weekend, so
// the Friday's is the only one.
TEST(MilestoneReminders, NeverOnAWeekendSoNoSecondEarlyReminder) {
    const Case c = aware_on("2026-11-24");
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-11-27"), kCalendar)),
              (std::vector<std::string>{"notify_panel@2026-12-01:before", "inform_partners@2026-12-01:before"}));
    EXPECT_TRUE(milestone_reminders(c, d("2026-11-28"), kCalendar).empty());
    EXPECT_TRUE(milestone_reminders(c, d("2026-11-29"), kCalendar).empty());
    EXPECT_TRUE(milestone_reminders(c, d("2026-11-30"), kCalendar).empty());
}

// Aware Monday 21 December: due Wednesday 30th. Christmas Day and the Boxing Day holiday on
// Monday 28th are not working days, so two working days before is Thursday 24th.
TEST(MilestoneReminders, BankHolidaysAreNotWorkingDays) {
    const Case c = aware_on("2026-12-21");
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-12-24"), kCalendar)),
              (std::vector<std::string>{"notify_panel@2026-12-30:before", "inform_partners@2026-12-30:before"}));
    EXPECT_TRUE(milestone_reminders(c, d("2026-12-29"), kCalendar).empty());
}

TEST(MilestoneReminders, ADoneMilestoneIsNotRemindedOf) {
    Case c = aware_on("2026-11-20");
    c.events = {event(EventKind::notify_panel, "2026-11-23")};
    EXPECT_EQ(keys(milestone_reminders(c, d("2026-11-27"), kCalendar)), (std::vector<std::string>{"inform_partners@2026-11-27:today"}));
}

TEST(MilestoneReminders, TheRapidReviewsDecisionEndsItsReminders) {
    Case c = aware_on("2026-11-20");
    CaseEvent decide = event(EventKind::decide, "2026-12-08");
    decide.decision = Decision::no_further_review;
    c.events = {event(EventKind::notify_panel, "2026-11-23"), event(EventKind::inform_partners, "2026-11-23"), decide};
    EXPECT_TRUE(milestone_reminders(c, d("2026-12-09"), kCalendar).empty());
    EXPECT_TRUE(milestone_reminders(c, d("2026-12-11"), kCalendar).empty());
}

TEST(MilestoneReminders, TheTextNamesTheCaseByReferenceAndTheDateInWords) {
    const MilestoneReminder r{"rapid_review", "Complete the rapid review and decide", d("2026-12-11"), ReminderWhen::two_working_days_before};
    const MailText t = milestone_reminder_text("Knowsley Safeguarding Children Partnership", "SI-2026-04", r);
    EXPECT_EQ(t.subject, "SI-2026-04: Complete the rapid review and decide is due on 11 December 2026");
    EXPECT_NE(t.body.find("is due on 11 December 2026, in 2 working days."), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("Knowsley Safeguarding Children Partnership"), std::string::npos);
    const MilestoneReminder today{"notify_panel", "Notify the Panel", d("2026-11-27"), ReminderWhen::due_today};
    EXPECT_EQ(milestone_reminder_text("P", "SI-2026-04", today).subject, "SI-2026-04: Notify the Panel is due today");
}

TEST(MailRetry, DelaysDoubleFromTheFirstAndStopAtTheLargest) {
    const MailRetry retry{60, 3600};
    EXPECT_EQ(next_attempt_after_failure(1000, 1, retry), 1060);
    EXPECT_EQ(next_attempt_after_failure(1000, 2, retry), 1120);
    EXPECT_EQ(next_attempt_after_failure(1000, 3, retry), 1240);
    EXPECT_EQ(next_attempt_after_failure(1000, 6, retry), 1000 + 1920);
    EXPECT_EQ(next_attempt_after_failure(1000, 7, retry), 1000 + 3600);
    EXPECT_EQ(next_attempt_after_failure(1000, 400, retry), 1000 + 3600) << "no overflow after many failures";
}

TEST(MailMessageRules, StatusFollowsAttemptsAndSending) {
    MailMessage m;
    EXPECT_EQ(mail_status(m), MailStatus::waiting);
    m.attempts = 2;
    EXPECT_EQ(mail_status(m), MailStatus::failing);
    m.sent_at = 5;
    EXPECT_EQ(mail_status(m), MailStatus::sent);
    EXPECT_EQ(parse_mail_status("failing"), MailStatus::failing);
    EXPECT_FALSE(parse_mail_status("lost"));
    EXPECT_EQ(parse_mail_kind(mail_kind_key(MailKind::milestone_reminder)), MailKind::milestone_reminder);
}

TEST(MailMessageRules, RefusesWhatWouldAddAHeaderOrReachNobody) {
    MailMessage m;
    m.to = "officer@knowsley.gov.uk";
    m.subject = "SI-2026-04: due";
    m.body = "Text";
    EXPECT_TRUE(validate_mail(m).empty());
    m.subject = "Hello\r\nBcc: everyone@example.org";
    m.to = "a@b.org\r\nBcc: x@y.org";
    const auto errors = validate_mail(m);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "to");
    EXPECT_EQ(errors[1].field, "subject");
    for (const char* bad : {"", "nobody", "a@b", "a@@b.org", "a b@c.org", "<a@b.org>", "a@b.org, c@d.org", "a@.org", "a@b."}) {
        EXPECT_FALSE(plausible_address(bad)) << bad;
    }
    EXPECT_TRUE(plausible_address("first.last+lscp@nhs.net"));
}

TEST(MailFormat, DateIsRfc5322InUtc) {
    EXPECT_EQ(rfc5322_date(1'795'000'000), "Wed, 18 Nov 2026 11:06:40 +0000");
    EXPECT_EQ(rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(MailFormat, QuotedPrintableKeepsLinesShortAndEveryByteRecoverable) {
    EXPECT_EQ(quoted_printable("a=b\nend \n"), "a=3Db\r\nend=20\r\n");
    EXPECT_EQ(quoted_printable("Café"), "Caf=C3=A9\r\n");
    const std::string long_line(200, 'x');
    const std::string qp = quoted_printable(long_line);
    std::size_t start = 0, longest = 0;
    while (start < qp.size()) {
        const auto end = qp.find("\r\n", start);
        longest = std::max(longest, end - start);
        start = end + 2;
    }
    EXPECT_LE(longest, 76u);
    std::string joined = qp;
    for (std::size_t at; (at = joined.find("=\r\n")) != std::string::npos;) joined.erase(at, 3);
    EXPECT_EQ(joined, long_line + "\r\n");
}

TEST(MailFormat, TheMessageCarriesItsHeadersAndEncodesASubjectThatIsNotAscii) {
    MailMessage m;
    m.id = MailId{42};
    m.to = "officer@knowsley.gov.uk";
    m.subject = "Réunion: SI-2026-04";
    m.body = "Line one\nLine two";
    m.created_at = 1'795'000'000;
    const std::string text = rfc5322_message(m, "assure@knowsley.gov.uk", 1'795'000'000);
    EXPECT_EQ(text.rfind("From: assure@knowsley.gov.uk\r\nTo: officer@knowsley.gov.uk\r\nSubject: =?UTF-8?B?", 0), 0u) << text;
    EXPECT_NE(text.find("\r\nDate: Wed, 18 Nov 2026 11:06:40 +0000\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\nMessage-ID: <assure.42.1795000000@knowsley.gov.uk>\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\nContent-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\n\r\nLine one\r\nLine two\r\n"), std::string::npos);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "a bare line feed at " << i;
        }
    }
}
