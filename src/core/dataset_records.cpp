#include "core/dataset_records.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <set>
#include <unordered_set>

#include "core/csv.hpp"

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
            if (!reader_.error().empty()) {
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

template <class Row, class Reader>
Parsed<Row> read_table(std::string_view csv, std::vector<std::string> required, Reader reader) {
    Parsed<Row> out;
    Table t(csv, std::move(required));
    if (!t.heading(out)) return out;
    out.rows.reserve(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')));  // one row a line, near enough
    std::string problem;
    while (t.next(problem)) {
        ++out.rows_read;
        RowCheck check{t.line(), {}};
        if (!problem.empty()) {
            out.refused.push_back({t.line(), "", problem});
            continue;
        }
        Row row = reader(check, t);
        row.line = t.line();
        if (check.ok()) {
            out.rows.push_back(std::move(row));
        } else {
            // One line per refused row, naming every problem found on it.
            Refusal r = check.found.front();
            for (std::size_t i = 1; i < check.found.size(); ++i) r.reason += "; " + check.found[i].reason;
            out.refused.push_back(std::move(r));
        }
    }
    return out;
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

Parsed<ChildRecord> read_ssda903_header(std::string_view csv, const Pseudonymise& pseudonymise) {
    std::unordered_set<std::string> seen;  // hashed: a year's header is a hundred thousand children
    auto out = read_table<ChildRecord>(csv, {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
                                       [&](RowCheck& check, const Table& t) {
                                           ChildRecord r;
                                           r.child = child_column(check, t, pseudonymise);
                                           const auto sex = t.get("SEX");
                                           if (sex == "1" || sex == "2") r.sex = sex[0] - '0';
                                           else check.refuse("SEX", "SEX must be 1 (male) or 2 (female)");
                                           if (auto dob = date_column(check, t, "DOB", true)) {
                                               r.birth_year = dob->year;  // the day is dropped here
                                               r.birth_month = dob->month;
                                           }
                                           r.ethnic = std::string(t.get("ETHNIC")).substr(0, 8);
                                           if (!r.child.empty() && !seen.insert(r.child).second) {
                                               check.refuse("CHILD", "The same CHILD is on an earlier row: a child has one header row");
                                           }
                                           return r;
                                       });
    return out;
}

Parsed<EpisodeRecord> read_ssda903_episodes(std::string_view csv, const Pseudonymise& pseudonymise) {
    std::unordered_set<std::string> seen;  // child and start, hashed
    return read_table<EpisodeRecord>(
        csv, {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
        [&](RowCheck& check, const Table& t) {
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
            r.place = std::string(t.get("PLACE")).substr(0, 4);
            if (r.place.empty()) check.refuse("PLACE", "PLACE is empty: every episode has a placement type");
            r.rec = std::string(t.get("REC")).substr(0, 4);
            if (r.end && r.rec.empty()) check.refuse("REC", "REC is empty: an episode that ended needs the reason it ceased");
            if (!r.end && !r.rec.empty()) check.refuse("REC", "REC is given but DEC is empty: an open episode has no reason ceased");
            r.reason_place_change = std::string(t.get("REASON_PLACE_CHANGE")).substr(0, 8);
            // HOME_POST and PL_POST are read past: postcodes are not kept.
            if (start && !r.child.empty() && !seen.insert(r.child + '|' + start->iso()).second) {
                check.refuse("DECOM", "The same child has another episode starting on " + start->iso());
            }
            return r;
        });
}

Parsed<MissingRecord> read_missing(std::string_view csv, const Pseudonymise& pseudonymise) {
    return read_table<MissingRecord>(csv, {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}, [&](RowCheck& check, const Table& t) {
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
