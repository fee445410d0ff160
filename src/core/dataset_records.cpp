#include "core/dataset_records.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <iterator>
#include <map>
#include <stdexcept>
#include <set>
#include <unordered_set>

#include "core/csv.hpp"
#include "core/dataset_pieces.hpp"

namespace assure {
namespace {

std::string upper_trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Walks a CSV table: checks the heading has every column the kind needs (in any order, other
// columns ignored), then hands each data row to `row` with a getter by column name.
class Table {
public:
    Table(std::string_view csv, std::vector<std::string> required) : reader_(csv), required_(std::move(required)) {}
    // A piece of the file after the heading `whole` has read, starting on line `first_line`.
    Table(const Table& whole, std::string_view piece, int first_line)
        : reader_(piece, first_line), index_(whole.index_), width_(whole.width_) {}

    // False (with the refusal recorded) when the file is not a table of this kind.
    template <class Row>
    bool heading(Parsed<Row>& out) {
        std::vector<std::string> cells;
        if (!reader_.next(cells) || (cells.size() == 1 && trimmed(cells[0]).empty())) {
            out.refused.push_back({0, "", "The file is empty: it needs a heading row naming its columns"});
            out.file_refused = true;
            return false;
        }
        if (!reader_.error().empty()) {
            out.refused.push_back({1, "", "The heading row cannot be read as CSV: " + reader_.error()});
            out.file_refused = true;
            return false;
        }
        for (std::size_t i = 0; i < cells.size(); ++i) index_.emplace_back(upper_trimmed(cells[i]), i);
        width_ = cells.size();
        std::string missing;
        for (const auto& name : required_) {
            if (!position(name)) missing += (missing.empty() ? "" : ", ") + name;
        }
        if (!missing.empty()) {
            out.refused.push_back({1, missing, "The file has no column " + missing + ": is it the right file for this import?"});
            out.file_refused = true;
            return false;
        }
        return true;
    }

    // Next data row; blank lines are passed over. Sets `problem` for a row that cannot be read.
    bool next(std::string& problem) {
        problem.clear();
        for (;;) {
            if (!reader_.next(cells_)) return false;
            unreadable_ = !reader_.error().empty();
            if (unreadable_) {
                problem = "The row cannot be read as CSV: " + reader_.error();
                return true;
            }
            if (cells_.size() == 1 && trimmed(cells_[0]).empty()) continue;
            if (cells_.size() != width_) {
                problem = "The row has " + std::to_string(cells_.size()) + " values but the heading names " +
                          std::to_string(width_) + " columns";
            }
            return true;
        }
    }
    // By name without building a string: a file has a dozen columns, a year a million rows.
    [[nodiscard]] std::string_view get(std::string_view column) const {
        const auto at = position(column);
        if (!at) throw std::out_of_range("no column " + std::string(column));
        return trimmed(cells_[*at]);
    }
    [[nodiscard]] std::string_view get_optional(std::string_view column) const {
        const auto at = position(column);
        return at ? trimmed(cells_[*at]) : std::string_view();
    }
    [[nodiscard]] int line() const { return reader_.line(); }
    // The last row could not be read as CSV (a quote left open, text after a closing quote).
    [[nodiscard]] bool unreadable() const { return unreadable_; }
    // Where the data rows start, once the heading is read: the byte, and its line.
    [[nodiscard]] std::size_t data_offset() const { return reader_.offset(); }
    [[nodiscard]] int data_line() const { return reader_.next_line(); }

private:
    [[nodiscard]] std::optional<std::size_t> position(std::string_view column) const {
        for (const auto& [name, at] : index_) {
            if (name == column) return at;
        }
        return std::nullopt;
    }

    CsvReader reader_;
    std::vector<std::string> required_;
    std::vector<std::pair<std::string, std::size_t>> index_;
    std::size_t width_ = 0;
    std::vector<std::string> cells_;
    bool unreadable_ = false;
};

// Collects the reasons one row is refused; the first reason is the row's.
struct RowCheck {
    int line;
    std::vector<Refusal> found;
    void refuse(const std::string& column, std::string reason) { found.push_back({line, column, std::move(reason)}); }
    [[nodiscard]] bool ok() const { return found.empty(); }
};

std::optional<Date> date_column(RowCheck& check, const Table& t, const std::string& column, bool required) {
    const auto text = t.get(column);
    if (text.empty()) {
        if (required) check.refuse(column, column + " is empty: enter the date as dd/mm/yyyy");
        return std::nullopt;
    }
    auto d = parse_uk_date(text);
    if (!d) check.refuse(column, column + " \"" + std::string(text) + "\" is not a real date as dd/mm/yyyy");
    return d;
}

// A date in a column the file may leave out, or leave empty.
std::optional<Date> optional_date_column(RowCheck& check, const Table& t, const std::string& column) {
    const auto text = t.get_optional(column);
    if (text.empty()) return std::nullopt;
    auto d = parse_uk_date(text);
    if (!d) check.refuse(column, column + " \"" + std::string(text) + "\" is not a real date as dd/mm/yyyy");
    return d;
}

std::string child_column(RowCheck& check, const Table& t, const Pseudonymise& pseudonymise) {
    const auto id = t.get("CHILD");
    if (id.empty()) {
        check.refuse("CHILD", "CHILD is empty: every row needs the child's id");
        return {};
    }
    if (id.size() > 64) {
        check.refuse("CHILD", "CHILD is longer than 64 characters");
        return {};
    }
    return pseudonymise(id);
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> codes) {
    return std::find(codes.begin(), codes.end(), v) != codes.end();
}

// What a kind says when a row's key (a header's child, an episode's child and start) is on
// an earlier row of the file.
template <class Row>
using Repeated = std::function<void(RowCheck&, const Row&)>;

// What one piece of a table gives: its rows, and its keys' hashes to find a key in two pieces.
template <class Row>
struct PieceRead {
    Parsed<Row> parsed;
    std::vector<std::uint64_t> keys;
    bool unreadable = false;  // a row that could not be read as CSV: the file is read whole instead
};

// Reads the data rows of `t` (the whole table or a piece of it). `reader` reads a row and sets
// `key` when the row has one that must not repeat.
template <class Row, class Reader>
void read_rows(Table& t, const Reader& reader, const Repeated<Row>& repeated, std::size_t expected, PieceRead<Row>& out) {
    out.parsed.rows.reserve(expected);
    std::unordered_set<std::string> seen;  // hashed: a year's header is a hundred thousand children
    std::string problem;
    std::string key;
    while (t.next(problem)) {
        ++out.parsed.rows_read;
        RowCheck check{t.line(), {}};
        if (!problem.empty()) {
            out.parsed.refused.push_back({t.line(), "", problem});
            out.unreadable = out.unreadable || t.unreadable();
            continue;
        }
        key.clear();
        Row row = reader(check, t, key);
        row.line = t.line();
        if (!key.empty()) {
            out.keys.push_back(std::hash<std::string>{}(key));
            if (!seen.insert(key).second) repeated(check, row);
        }
        if (check.ok()) {
            out.parsed.rows.push_back(std::move(row));
        } else {
            // One line per refused row, naming every problem found on it.
            Refusal r = check.found.front();
            for (std::size_t i = 1; i < check.found.size(); ++i) r.reason += "; " + check.found[i].reason;
            out.parsed.refused.push_back(std::move(r));
        }
    }
}

struct Cut {
    std::size_t at;  // the byte a piece starts at
    int line;        // and its line
};

// Where the data rows of `csv` (from `from`, on line `line`) may be cut into `count` pieces of
// about the same size: after a line break outside quotes. None when the file had better be
// read whole: one piece, or a line ending in a lone carriage return (the reader counts one as
// a line, the cut does not). The first cut is always `from`.
std::vector<Cut> cuts_of(std::string_view csv, std::size_t from, int line, std::size_t count) {
    std::vector<Cut> cuts{{from, line}};
    if (count <= 1 || from >= csv.size()) return cuts;
    const bool quotes = csv.find('"', from) != std::string_view::npos;
    for (std::size_t cr = csv.find('\r', from); cr != std::string_view::npos; cr = csv.find('\r', cr + 1)) {
        if (cr + 1 >= csv.size() || csv[cr + 1] != '\n') return {{from, line}};
    }
    std::size_t at = from;
    bool quoted = false;
    for (std::size_t k = 1; k < count; ++k) {
        const std::size_t target = from + (csv.size() - from) * k / count;
        if (target <= at) continue;
        if (!quotes) {
            // No quote in the file: every line break ends a row.
            const std::size_t nl = csv.find('\n', target - 1);
            if (nl == std::string_view::npos || nl + 1 >= csv.size()) break;
            line += static_cast<int>(line_breaks(csv.substr(at, nl + 1 - at)));
            at = nl + 1;
        } else {
            // A line break inside quotes is part of a value: count the quotes on the way.
            bool found = false;
            for (; at < csv.size(); ++at) {
                const char c = csv[at];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    ++line;
                    if (!quoted && at + 1 >= target) {
                        ++at;
                        found = at < csv.size();
                        break;
                    }
                }
            }
            if (!found) break;
        }
        cuts.push_back({at, line});
    }
    return cuts;
}

template <class Row, class Reader>
Parsed<Row> read_table(std::string_view csv, const std::vector<std::string>& required, const Pieces& pieces, const Reader& reader,
                       const Repeated<Row>& repeated = nullptr) {
    Parsed<Row> out;
    Table t(csv, required);
    if (!t.heading(out)) return out;
    const auto cuts = cuts_of(csv, t.data_offset(), t.data_line(), pieces.count);
    if (cuts.size() == 1) {
        PieceRead<Row> whole;
        whole.parsed = std::move(out);
        read_rows(t, reader, repeated, line_breaks(csv), whole);  // a row a line, near enough
        return std::move(whole.parsed);
    }
    // Each piece's rows joined to the first piece's as soon as the pieces before it are, while
    // later pieces are read; the first piece's rows are where all are joined, with room for the
    // file's rows judged by its own (room never used costs no memory, only addresses).
    std::vector<PieceRead<Row>> read(cuts.size());
    Parsed<Row>& joined = read[0].parsed;
    InOrder in_order(cuts.size(), [&](std::size_t i) {
        if (i == 0) return;
        auto& r = read[i].parsed;
        joined.rows_read += r.rows_read;
        std::move(r.rows.begin(), r.rows.end(), std::back_inserter(joined.rows));
        std::move(r.refused.begin(), r.refused.end(), std::back_inserter(joined.refused));
        r = {};
    });
    std::vector<Task> tasks;
    for (std::size_t i = 0; i < cuts.size(); ++i) {
        tasks.emplace_back([&, i] {
            const std::size_t end = i + 1 < cuts.size() ? cuts[i + 1].at : csv.size();
            const std::string_view piece = csv.substr(cuts[i].at, end - cuts[i].at);
            auto lines = line_breaks(piece) + 1;
            if (i == 0) lines = lines * (csv.size() - cuts[0].at) / std::max<std::size_t>(piece.size(), 1) * 9 / 8;
            Table part(t, piece, cuts[i].line);
            read_rows(part, reader, repeated, lines, read[i]);
            in_order.done(i);
        });
    }
    pieces.run(tasks);
    std::vector<std::vector<std::uint64_t>> keys;
    for (auto& r : read) {
        if (r.unreadable) return read_table(csv, required, Pieces{}, reader, repeated);
        keys.push_back(std::move(r.keys));
    }
    if (shared_between(std::move(keys))) return read_table(csv, required, Pieces{}, reader, repeated);
    out.rows = std::move(joined.rows);
    out.rows_read += joined.rows_read;
    std::move(joined.refused.begin(), joined.refused.end(), std::back_inserter(out.refused));
    return out;
}

// A kind read whole, whose rows have no key.
template <class Row, class Reader>
Parsed<Row> read_table(std::string_view csv, const std::vector<std::string>& required, const Reader& reader) {
    return read_table<Row>(csv, required, Pieces{}, [&](RowCheck& check, const Table& t, std::string&) { return reader(check, t); });
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

}  // namespace

std::optional<Date> parse_uk_date(std::string_view text) {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    int v[8];
    constexpr int at[8] = {0, 1, 3, 4, 6, 7, 8, 9};
    for (int i = 0; i < 8; ++i) {
        const char c = text[static_cast<std::size_t>(at[i])];
        if (c < '0' || c > '9') return std::nullopt;
        v[i] = c - '0';
    }
    const Date d{v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7], v[2] * 10 + v[3], v[0] * 10 + v[1]};
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

Parsed<ChildRecord> read_ssda903_header(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces) {
    return read_table<ChildRecord>(
        csv, {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}, pieces,
        [&](RowCheck& check, const Table& t, std::string& key) {
            ChildRecord r;
            r.child = child_column(check, t, pseudonymise);
            const auto sex = t.get("SEX");
            if (sex == "1" || sex == "2") r.sex = sex[0] - '0';
            else check.refuse("SEX", "SEX must be 1 (male) or 2 (female)");
            if (auto dob = date_column(check, t, "DOB", true)) {
                r.birth_year = dob->year;  // the day is dropped here
                r.birth_month = dob->month;
            }
            r.ethnic = t.get("ETHNIC").substr(0, 8);
            key = r.child;
            return r;
        },
        [](RowCheck& check, const ChildRecord&) { check.refuse("CHILD", "The same CHILD is on an earlier row: a child has one header row"); });
}

Parsed<EpisodeRecord> read_ssda903_episodes(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces) {
    return read_table<EpisodeRecord>(
        csv, {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
        pieces,
        [&](RowCheck& check, const Table& t, std::string& key) {
            EpisodeRecord r;
            r.child = child_column(check, t, pseudonymise);
            const auto start = date_column(check, t, "DECOM", true);
            if (start) r.start = *start;
            r.end = date_column(check, t, "DEC", false);
            if (start && r.end && *r.end < *start) {
                check.refuse("DEC", "The episode ends (DEC " + r.end->iso() + ") before it starts (DECOM " + start->iso() + ")");
            }
            r.rne = t.get("RNE");
            if (!one_of(r.rne, {"S", "P", "L", "T", "U", "B"})) check.refuse("RNE", "RNE must be one of S, P, L, T, U, B");
            r.ls = t.get("LS");
            if (!one_of(r.ls, {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"})) {
                check.refuse("LS", "LS is not a legal status code of the SSDA903 guide");
            }
            r.cin = t.get("CIN");
            if (!one_of(r.cin, {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"})) check.refuse("CIN", "CIN must be N1 to N8");
            r.place = t.get("PLACE").substr(0, 4);
            if (r.place.empty()) check.refuse("PLACE", "PLACE is empty: every episode has a placement type");
            r.rec = t.get("REC").substr(0, 4);
            if (r.end && r.rec.empty()) check.refuse("REC", "REC is empty: an episode that ended needs the reason it ceased");
            if (!r.end && !r.rec.empty()) check.refuse("REC", "REC is given but DEC is empty: an open episode has no reason ceased");
            r.reason_place_change = t.get("REASON_PLACE_CHANGE").substr(0, 8);
            // HOME_POST and PL_POST are read past: postcodes are not kept.
            if (start && !r.child.empty()) key.append(r.child).append(1, '|').append(start->iso());
            return r;
        },
        [](RowCheck& check, const EpisodeRecord& r) { check.refuse("DECOM", "The same child has another episode starting on " + r.start.iso()); });
}

Parsed<MissingRecord> read_missing(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces) {
    return read_table<MissingRecord>(csv, {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}, pieces, [&](RowCheck& check, const Table& t, std::string&) {
        MissingRecord r;
        r.child = child_column(check, t, pseudonymise);
        date_column(check, t, "DOB", false);  // checked, then dropped: the header row has the month and year
        const auto kind = t.get("MISSING");
        if (kind == "M" || kind == "A") r.kind = kind[0];
        else check.refuse("MISSING", "MISSING must be M (missing) or A (away from placement without authorisation)");
        const auto start = date_column(check, t, "MIS_START", true);
        if (start) r.start = *start;
        r.end = date_column(check, t, "MIS_END", false);
        if (start && r.end && *r.end < *start) {
            check.refuse("MIS_END", "The episode ends (MIS_END " + r.end->iso() + ") before it starts (MIS_START " + start->iso() + ")");
        }
        // A return interview is offered once the child is back, and accepted once offered.
        r.rhi_offered = optional_date_column(check, t, "RHI_OFFERED");
        r.rhi_accepted = optional_date_column(check, t, "RHI_ACCEPTED");
        if (r.rhi_offered && !r.end) {
            check.refuse("RHI_OFFERED", "RHI_OFFERED is given but MIS_END is empty: a return interview is offered once the child has returned");
        } else if (r.rhi_offered && r.end && *r.rhi_offered < *r.end) {
            check.refuse("RHI_OFFERED", "The return interview was offered (RHI_OFFERED " + r.rhi_offered->iso() + ") before the child returned (MIS_END " +
                                            r.end->iso() + ")");
        }
        if (r.rhi_accepted && !r.rhi_offered) {
            check.refuse("RHI_ACCEPTED", "RHI_ACCEPTED is given but RHI_OFFERED is empty: an interview is accepted once offered");
        } else if (r.rhi_accepted && r.rhi_offered && *r.rhi_accepted < *r.rhi_offered) {
            check.refuse("RHI_ACCEPTED", "The return interview was accepted (RHI_ACCEPTED " + r.rhi_accepted->iso() + ") before it was offered (RHI_OFFERED " +
                                             r.rhi_offered->iso() + ")");
        }
        return r;
    });
}

Parsed<ChildRecord> read_ssda903_header(std::string_view csv, const Pseudonymise& pseudonymise) { return read_ssda903_header(csv, pseudonymise, Pieces{}); }
Parsed<EpisodeRecord> read_ssda903_episodes(std::string_view csv, const Pseudonymise& pseudonymise) {
    return read_ssda903_episodes(csv, pseudonymise, Pieces{});
}
Parsed<MissingRecord> read_missing(std::string_view csv, const Pseudonymise& pseudonymise) { return read_missing(csv, pseudonymise, Pieces{}); }

Parsed<PopulationRecord> read_population(std::string_view csv) {
    std::set<int> seen;
    auto out = read_table<PopulationRecord>(csv, {"YEAR", "CHILDREN"}, [&](RowCheck& check, const Table& t) {
        PopulationRecord r;
        const auto year = t.get("YEAR");
        const auto [e1, ec1] = std::from_chars(year.data(), year.data() + year.size(), r.year);
        if (ec1 != std::errc{} || e1 != year.data() + year.size() || r.year < 1990 || r.year > 2100) {
            check.refuse("year", "year must be a mid-year such as 2016");
        } else if (!seen.insert(r.year).second) {
            check.refuse("year", "year " + std::to_string(r.year) + " is on an earlier row");
        }
        const auto children = t.get("CHILDREN");
        const auto [e2, ec2] = std::from_chars(children.data(), children.data() + children.size(), r.children);
        if (ec2 != std::errc{} || e2 != children.data() + children.size() || r.children <= 0) {
            check.refuse("children", "children must be a whole number above 0");
        }
        return r;
    });
    return out;
}

Parsed<ReturnedValue> read_indicator_values(std::string_view csv, const std::function<bool(std::string_view)>& known) {
    std::set<std::pair<std::string, DatasetPeriod>> seen;
    Parsed<ReturnedValue> out;
    // value, or numerator and denominator: the heading must have one or the other.
    out = read_table<ReturnedValue>(csv, {"CODE", "PERIOD"}, [&](RowCheck& check, const Table& t) {
        ReturnedValue r;
        r.code = t.get("CODE");
        if (!known(r.code)) check.refuse("code", "code \"" + r.code + "\" is not an indicator of the partnership's dataset");
        const auto period = DatasetPeriod::parse(t.get("PERIOD"));
        if (period) r.period = *period;
        else check.refuse("period", "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1");
        auto whole = [&](const std::string& column, std::optional<std::int64_t>& into) {
            const std::string_view text = t.get_optional(column);
            if (text.empty()) return;
            std::int64_t v = 0;
            const auto [e, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc{} || e != text.data() + text.size() || v < 0) {
                const std::string name = column == "NUMERATOR" ? "numerator" : "denominator";
                check.refuse(name, name + " must be a whole number");
            } else {
                into = v;
            }
        };
        whole("NUMERATOR", r.numerator);
        whole("DENOMINATOR", r.denominator);
        const std::string_view value_text = t.get_optional("VALUE");
        if (!value_text.empty()) {
            r.value = parse_decimal(value_text);
            if (!r.value) check.refuse("value", "value \"" + std::string(value_text) + "\" is not a number");
        }
        if (r.numerator.has_value() != r.denominator.has_value()) {
            check.refuse("denominator", "give both numerator and denominator, or neither");
        } else if (r.denominator && *r.denominator == 0) {
            check.refuse("denominator", "denominator must be above 0");
        }
        if (!r.value && !r.numerator && check.ok()) check.refuse("value", "give a value, or a numerator and denominator");
        if (check.ok() && !seen.insert({r.code, r.period}).second) {
            check.refuse("period", r.code + " for " + r.period.key() + " is on an earlier row");
        }
        return r;
    });
    return out;
}

std::string canonical(const ChildRecord& r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "|%d|%04d-%02d|", r.sex, r.birth_year, r.birth_month);
    return r.child + buf + r.ethnic;
}

std::string canonical(const EpisodeRecord& r) {
    return r.child + "|" + r.start.iso() + "|" + date_text(r.end) + "|" + r.rne + "|" + r.ls + "|" + r.cin + "|" + r.place + "|" +
           r.rec + "|" + r.reason_place_change;
}

std::string canonical(const MissingRecord& r) {
    return r.child + "|" + std::string(1, r.kind) + "|" + r.start.iso() + "|" + date_text(r.end);
}

std::string canonical(const PopulationRecord& r) { return std::to_string(r.year) + "|" + std::to_string(r.children); }

std::string canonical(const ReturnedValue& r) {
    auto num = [](const auto& o) { return o ? std::to_string(*o) : std::string(); };
    return r.code + "|" + r.period.key() + "|" + (r.value ? std::to_string(*r.value) : "") + "|" + num(r.numerator) +
           "|" + num(r.denominator);
}

}  // namespace assure
