// iCalendar for calendar clients (Outlook, Google, Apple). Meetings carry local times with a
// VTIMEZONE for Europe/London; actions are all-day events on their due date.
#include <cstdio>

#include "web/documents.hpp"

namespace assure::web {
namespace {

// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
std::string ics_text(std::string_view in) {
    std::string out;
    for (const char c : in) {
        if (c == '\\' || c == ';' || c == ',') out += {'\\', c};
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out;
}

// Lines longer than 75 octets fold with CRLF and a space, never inside a UTF-8 sequence.
void line(std::string& out, const std::string& text) {
    std::size_t start = 0, width = 75;
    while (text.size() - start > width) {
        std::size_t cut = start + width;
        while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        out.append(text, start, cut - start);
        out += "\r\n ";
        start = cut;
        width = 74;  // the leading space counts
    }
    out.append(text, start);
    out += "\r\n";
}

std::string compact_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

std::string local_time(Date d, const std::string& hhmm, int add_minutes) {
    const int total = std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2)) + add_minutes;
    const Date day = Date::from_days(d.days() + total / (24 * 60));
    const int minutes = total % (24 * 60);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d%02d00", compact_date(day).c_str(), minutes / 60, minutes % 60);
    return buf;
}

std::string utc_stamp(Instant at) {
    std::string iso = iso_instant(at);  // 2026-11-22T12:00:00Z
    std::string out;
    for (const char c : iso) if (c != '-' && c != ':') out += c;
    return out;
}

}  // namespace

std::string ics_calendar(const std::string& name, const std::vector<FeedEvent>& events) {
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Assure//Safeguarding partnership governance//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + ics_text(name));
    line(out, "X-WR-TIMEZONE:Europe/London");
    for (const char* l : {"BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100",
                          "TZNAME:BST", "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                          "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000",
                          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"}) {
        line(out, l);
    }
    for (const auto& e : events) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + e.uid);
        line(out, "DTSTAMP:" + utc_stamp(e.stamp));
        if (e.starts_at.size() == 5) {
            line(out, "DTSTART;TZID=Europe/London:" + local_time(e.on, e.starts_at, 0));
            line(out, "DTEND;TZID=Europe/London:" + local_time(e.on, e.starts_at, e.minutes_long));
        } else {
            line(out, "DTSTART;VALUE=DATE:" + compact_date(e.on));
            line(out, "DTEND;VALUE=DATE:" + compact_date(Date::from_days(e.on.days() + 1)));
        }
        line(out, "SUMMARY:" + ics_text(e.summary));
        if (!e.location.empty()) line(out, "LOCATION:" + ics_text(e.location));
        if (!e.description.empty()) line(out, "DESCRIPTION:" + ics_text(e.description));
        line(out, std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

}  // namespace assure::web
