#pragma once
// Documents other than pages: Markdown rendered to safe HTML, iCalendar feeds, and tables
// exported as CSV and XLSX.
#include <string>
#include <string_view>
#include <vector>

#include "app/governance.hpp"
#include "web/routes.hpp"

namespace assure::web {

// CommonMark to HTML. Raw HTML in the source is dropped and unsafe links (javascript:) are
// removed, so the output can be placed in a page as it is. GOV.UK classes are added.
std::string markdown_html(std::string_view markdown);

// An iCalendar (RFC 5545) document: Europe/London local times, CRLF lines folded at 75 octets.
std::string ics_calendar(const std::string& name, const std::vector<FeedEvent>& events);

struct Table {
    std::string title;  // the sheet's name
    std::vector<std::string> headings;
    std::vector<std::vector<std::string>> rows;
};

// RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with '.
std::string csv_of(const Table& table);
// An XLSX workbook with one sheet, headings bold and frozen. Throws on a write failure.
std::string xlsx_of(const Table& table);
// Answers with the table as a download named `base`.csv or `base`.xlsx.
void send_table(Ctx& ctx, const Table& table, const std::string& base, bool xlsx);

}  // namespace assure::web
