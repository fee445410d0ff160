#include "core/chronology.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/csv.hpp"
#include "core/dataset_records.hpp"
#include "core/fields.hpp"
#include "core/sheet_rows.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

// A spreadsheet keeps a time of day typed into a cell as the fraction of a day (09:30 is
// 0.395833...), which is how it reaches the CSV text of an uploaded workbook.
std::optional<int> day_fraction_minutes(const std::string& raw) {
    if (raw.size() < 3 || raw[0] != '0' || raw[1] != '.') return std::nullopt;
    if (!std::all_of(raw.begin() + 2, raw.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    const double minutes = std::stod(raw) * 1440.0;
    const int rounded = static_cast<int>(minutes + 0.5);
    return rounded < 1440 ? std::optional<int>(rounded) : std::nullopt;
}

std::optional<int> parse_clock(const std::string& raw) {
    // 9:30, 09:30 and 09:30:00; seconds are dropped.
    if (const auto fraction = day_fraction_minutes(raw)) return fraction;
    const auto colon = raw.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2) return std::nullopt;
    const std::string rest = raw.substr(colon + 1);
    if (rest.size() != 2 && !(rest.size() == 5 && rest[2] == ':')) return std::nullopt;
    const auto hours = to_int(raw.substr(0, colon));
    const auto minutes = to_int(rest.substr(0, 2));
    if (rest.size() == 5 && !to_int(rest.substr(3, 2))) return std::nullopt;
    if (!hours || !minutes || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59) return std::nullopt;
    return static_cast<int>(*hours * 60 + *minutes);
}

bool word_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

bool same_letters(std::string_view text, std::size_t at, std::string_view name) {
    if (at + name.size() > text.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != std::tolower(static_cast<unsigned char>(name[i]))) return false;
    }
    return true;
}

}  // namespace

std::string clock_time(int minute) {
    if (minute < 0) return "";
    const int h = minute / 60, m = minute % 60;
    return (h < 10 ? "0" : "") + std::to_string(h) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

std::optional<ChronologyEntry> check_chronology_row(const ChronologyRowInput& in, Date today, FieldErrors& errors,
                                                   const std::string& prefix) {
    const std::size_t before = errors.size();
    ChronologyEntry e;
    const std::string date = trim(in.date);
    std::optional<Date> on = Date::parse(date);
    if (!on) on = parse_uk_date(date);
    if (date.empty()) {
        errors.push_back({prefix + "date", "Enter the date the event happened"});
    } else if (!on) {
        errors.push_back({prefix + "date", "Enter a real date the event happened, like 14/03/2016 (" + date + " is not a date)"});
    } else if (*on > today) {
        errors.push_back({prefix + "date", "The date the event happened must be today or in the past"});
    } else {
        e.on = *on;
    }
    const std::string time = trim(in.time);
    if (!time.empty()) {
        if (const auto minute = parse_clock(time)) {
            e.minute = *minute;
        } else {
            errors.push_back({prefix + "time", "Enter the time as hours and minutes on the 24-hour clock, like 09:30 or 17:05, or leave it empty"});
        }
    }
    e.event = trim(in.event);
    if (e.event.empty()) errors.push_back({prefix + "event", "Describe what happened"});
    check_length(errors, prefix + "event", e.event, kMaxChronologyEvent, "What happened");
    e.source = trim(in.source);
    check_length(errors, prefix + "source", e.source, kMaxChronologySource, "The source");
    e.analysis = trim(in.analysis);
    check_length(errors, prefix + "analysis", e.analysis, kMaxChronologyEvent, "The analysis");
    if (errors.size() != before) return std::nullopt;
    return e;
}

const std::vector<std::string>& chronology_headings() {
    static const std::vector<std::string> headings{"Date", "Time", "Event", "Source", "Analysis"};
    return headings;
}

std::vector<ChronologyEntry> read_chronology_sheet(std::string_view csv, Date today, const std::string& field, FieldErrors& errors) {
    std::vector<ChronologyEntry> out;
    CsvReader reader(csv);
    std::vector<std::string> cells;
    // Which column holds each heading: -1 when the sheet has none.
    std::map<std::string, int> column{{"date", -1}, {"time", -1}, {"event", -1}, {"source", -1}, {"analysis", -1}};
    bool headed = false;
    std::vector<std::string> wrong;
    std::size_t rows = 0;
    while (reader.next(cells)) {
        if (!reader.error().empty()) {
            errors.push_back({field, "Row " + std::to_string(reader.line()) + ": " + reader.error()});
            return {};
        }
        const bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim(c).empty(); });
        if (blank) continue;
        if (!headed) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const std::string heading = lower(trim(cells[i]));
                if (heading.empty()) continue;
                const auto known = column.find(heading);
                if (known == column.end()) {
                    errors.push_back({field, "Row " + std::to_string(reader.line()) + ": the column \"" + trim(cells[i]) +
                                                 "\" is not one of Date, Time, Event, Source and Analysis: use the template's headings"});
                    return {};
                }
                known->second = static_cast<int>(i);
            }
            if (column["date"] < 0 || column["event"] < 0) {
                errors.push_back({field, "The first row must name the columns, with Date and Event at least: use the template"});
                return {};
            }
            headed = true;
            continue;
        }
        if (++rows > kMaxChronologyRows) {
            errors.push_back({field, "A chronology upload has at most " + std::to_string(kMaxChronologyRows) +
                                         " rows: split it into parts by date"});
            return {};
        }
        auto cell = [&](const char* name) {
            const int at = column[name];
            return at >= 0 && static_cast<std::size_t>(at) < cells.size() ? cells[static_cast<std::size_t>(at)] : std::string();
        };
        FieldErrors row_errors;
        auto entry = check_chronology_row({cell("date"), cell("time"), cell("event"), cell("source"), cell("analysis")}, today, row_errors);
        if (entry) {
            out.push_back(std::move(*entry));
        } else {
            wrong.push_back(row_message(reader.line(), row_errors));
        }
    }
    if (!headed || (out.empty() && wrong.empty())) {
        errors.push_back({field, "The file has no chronology rows: fill in the template, one event on each row"});
        return {};
    }
    if (!wrong.empty()) {
        errors.push_back({field, wrong_rows_message(wrong)});
        return {};
    }
    return out;
}

void sort_timeline(std::vector<ChronologyEntry>& entries, const std::vector<std::pair<AgencyId, std::string>>& agency_names) {
    auto name_of = [&](AgencyId id) {
        for (const auto& [agency, name] : agency_names) {
            if (agency == id) return name;
        }
        return std::string();
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const ChronologyEntry& a, const ChronologyEntry& b) {
        if (a.on != b.on) return a.on < b.on;
        if (a.minute != b.minute) return a.minute < b.minute;
        if (a.agency != b.agency) return name_of(a.agency) < name_of(b.agency);
        if (a.added_at != b.added_at) return a.added_at < b.added_at;
        return a.id < b.id;
    });
}

std::vector<ChronologyGap> timeline_gaps(const std::vector<ChronologyEntry>& sorted, int min_days) {
    std::vector<ChronologyGap> out;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const auto days = sorted[i].on.days() - sorted[i - 1].on.days();
        if (days > min_days) out.push_back({sorted[i - 1].on, sorted[i].on, static_cast<int>(days)});
    }
    return out;
}

std::vector<ChronologyOverlap> timeline_overlaps(const std::vector<ChronologyEntry>& sorted) {
    std::vector<ChronologyOverlap> out;
    for (std::size_t i = 0; i < sorted.size();) {
        ChronologyOverlap day{sorted[i].on, {}};
        for (; i < sorted.size() && sorted[i].on == day.on; ++i) {
            if (std::find(day.agencies.begin(), day.agencies.end(), sorted[i].agency) == day.agencies.end()) day.agencies.push_back(sorted[i].agency);
        }
        if (day.agencies.size() > 1) out.push_back(std::move(day));
    }
    return out;
}

FieldErrors check_alias(const ChronologyAlias& alias, const std::vector<ChronologyAlias>& existing) {
    FieldErrors errors;
    const std::string name = trim(alias.name), stands_for = trim(alias.stands_for);
    if (name.empty()) errors.push_back({"name", "Enter the name as agencies wrote it, like Sarah Jones"});
    check_length(errors, "name", name, 120, "The name");
    if (stands_for.empty()) errors.push_back({"stands_for", "Enter what the anonymised chronology calls them, like Mother or Child W"});
    check_length(errors, "stands_for", stands_for, 120, "What they are called");
    for (const auto& a : existing) {
        if (!name.empty() && lower(a.name) == lower(name)) {
            errors.push_back({"name", name + " is already replaced by " + a.stands_for});
            break;
        }
    }
    return errors;
}

std::string anonymise(std::string_view text, const std::vector<ChronologyAlias>& aliases) {
    std::vector<const ChronologyAlias*> longest_first;
    for (const auto& a : aliases) {
        if (!a.name.empty()) longest_first.push_back(&a);
    }
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [](const ChronologyAlias* a, const ChronologyAlias* b) { return a->name.size() > b->name.size(); });
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const bool starts_word = at == 0 || !word_byte(static_cast<unsigned char>(text[at - 1]));
        const ChronologyAlias* match = nullptr;
        if (starts_word) {
            for (const auto* a : longest_first) {
                const std::size_t end = at + a->name.size();
                if (same_letters(text, at, a->name) && (end == text.size() || !word_byte(static_cast<unsigned char>(text[end])))) {
                    match = a;
                    break;
                }
            }
        }
        if (match != nullptr) {
            out += match->stands_for;
            at += match->name.size();
        } else {
            out += text[at++];
        }
    }
    return out;
}

}  // namespace assure
