// Documents beside pages: iCalendar escaping and folding, CSV quoting and formula defence,
// Markdown without raw HTML and with headings below the page's own.
#include <gtest/gtest.h>

#include "web/documents.hpp"

using namespace assure;
using namespace assure::web;

TEST(Documents, CalendarEscapesTextAndFoldsLongLinesAtSeventyFiveOctets) {
    FeedEvent meeting;
    meeting.uid = "meeting-1@assure";
    meeting.on = *Date::parse("2026-12-31");
    meeting.starts_at = "23:30";
    meeting.minutes_long = 60;
    meeting.summary = "Core group; budget, plan\nand " + std::string(80, 'x');
    FeedEvent action;
    action.uid = "action-1@assure";
    action.on = *Date::parse("2027-01-04");
    action.summary = "Action due: send the plan";
    const std::string ics = ics_calendar("Calendar", {meeting, action});
    EXPECT_NE(ics.find("DTSTART;TZID=Europe/London:20261231T233000\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTEND;TZID=Europe/London:20270101T003000\r\n"), std::string::npos) << "ends after midnight";
    EXPECT_NE(ics.find("SUMMARY:Core group\\; budget\\, plan\\nand xxx"), std::string::npos);
    EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270105\r\n"), std::string::npos);
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
        EXPECT_LE(end - start, 75u) << ics.substr(start, end - start);
        start = end + 2;
    }
    EXPECT_NE(ics.find("\r\n x"), std::string::npos) << "continuation lines start with a space";
}

TEST(Documents, CsvQuotesAndDefusesFormulas) {
    const std::string csv = csv_of({"t", {"Name", "Note"}, {{"=HYPERLINK(\"x\")", "a, \"quoted\"\nline"}, {"-1", "plain"}}});
    EXPECT_EQ(csv, "Name,Note\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a, \"\"quoted\"\"\nline\"\r\n'-1,plain\r\n");
}

TEST(Documents, MarkdownDropsRawHtmlAndLowersHeadings) {
    const std::string html = markdown_html("# Title\n\n### Small\n\n<b onclick=\"x()\">bold</b>\n\n[a](javascript:alert(1)) [b](https://example.org)");
    EXPECT_NE(html.find("<h3 class=\"govuk-heading-m\">Title</h3>"), std::string::npos) << html;
    EXPECT_NE(html.find("<h4 class=\"govuk-heading-s\">Small</h4>"), std::string::npos) << html;
    EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
    EXPECT_NE(html.find("<a class=\"govuk-link\" href=\"https://example.org\">b</a>"), std::string::npos) << html;
}
