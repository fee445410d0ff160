#include "store/sql/dataset_rows.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>

#include "store/sql/strict.hpp"

namespace assure::sql::dataset_rows {

std::string decimal_text(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc{}) throw Error(Error::Kind::other, "a figure could not be written as text");
    return {buf, end};
}

double strict_decimal(const std::string& text, std::string_view table, std::string_view column) {
    return strict_enum(table, column, text, [](std::string_view s) { return parse_decimal(s); });
}

std::string_view missing_source_key(MissingSource s) { return s == MissingSource::looked_after ? "looked_after" : "all_children"; }

std::string birth_month_text(const ChildRecord& r) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", r.birth_year, r.birth_month);
    return buf;
}

IndicatorDefinition read_indicator(const Statement& q) {
    constexpr std::string_view t = "dataset_indicators";
    IndicatorDefinition d;
    d.code = q.text(0);
    d.name = q.text(1);
    d.definition = q.text(2);
    d.source_agency = q.text(3);
    d.unit = strict_enum(parse_unit, q.text(4), t, "unit");
    d.polarity = strict_enum(parse_polarity, q.text(5), t, "polarity");
    d.frequency = strict_enum(parse_frequency, q.text(6), t, "frequency");
    d.aggregation = strict_enum(parse_aggregation, q.text(7), t, "aggregation");
    d.source = strict_enum(parse_indicator_source, q.text(8), t, "source");
    d.rate_of = q.text(9);
    if (const auto target = q.text(10); !target.empty()) d.target = strict_decimal(target, t, "target");
    d.tolerance = strict_decimal(q.text(11), t, "tolerance");
    d.priority = q.text(12);
    d.position = q.integer(13);
    return d;
}

ChildRecord read_child(const Statement& q) {
    ChildRecord r;
    r.child = q.text(0);
    r.sex = q.integer(1);
    const auto month = q.text(2);
    const auto d = Date::parse(month + "-01");
    if (!d) unknown_value("dataset_children", "birth_month", month);
    r.birth_year = d->year;
    r.birth_month = d->month;
    r.ethnic = q.text(3);
    return r;
}

EpisodeRecord read_episode(const Statement& q) {
    constexpr std::string_view t = "dataset_episodes";
    EpisodeRecord r;
    r.child = q.text(0);
    r.start = strict_date(q, 1, t, "start_on");
    r.end = strict_optional_date(q, 2, t, "end_on");
    r.rne = q.text(3);
    r.ls = q.text(4);
    r.cin = q.text(5);
    r.place = q.text(6);
    r.rec = q.text(7);
    r.reason_place_change = q.text(8);
    return r;
}

MissingRecord read_missing(const Statement& q) {
    constexpr std::string_view t = "dataset_missing";
    MissingRecord r;
    r.child = q.text(0);
    const auto kind = q.text(1);
    if (kind != "M" && kind != "A") unknown_value(t, "kind", kind);
    r.kind = kind[0];
    r.start = strict_date(q, 2, t, "start_on");
    r.end = strict_optional_date(q, 3, t, "end_on");
    r.rhi_offered = strict_optional_date(q, 4, t, "rhi_offered_on");
    r.rhi_accepted = strict_optional_date(q, 5, t, "rhi_accepted_on");
    return r;
}

IndicatorValue read_value(const Statement& q) {
    constexpr std::string_view t = "dataset_values";
    IndicatorValue v;
    v.code = q.text(0);
    v.period = strict_enum(DatasetPeriod::parse, q.text(1), t, "period");
    if (!q.is_null(2)) v.value = strict_decimal(q.text(2), t, "value");
    if (!q.is_null(3)) v.numerator = q.int64(3);
    if (!q.is_null(4)) v.denominator = q.int64(4);
    return v;
}

namespace {

constexpr int kRowsPerInsert = 100;

// INSERT INTO table(columns) VALUES (?, …), (?, …) … for `rows` rows.
std::string insert_sql(const std::string& table, const std::vector<std::string>& columns, int rows) {
    std::string one = "(";
    for (std::size_t i = 0; i < columns.size(); ++i) one += i ? ", ?" : "?";
    one += ")";
    std::string sql = "INSERT INTO " + table + "(";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") VALUES ";
    for (int r = 0; r < rows; ++r) sql += (r ? ", " : "") + one;
    return sql;
}

}  // namespace

// Writes `count` rows, `bind_row(statement, first_parameter, row)` binding each one's columns.
void insert_rows(Connection& db, const std::string& table, const std::vector<std::string>& columns, std::size_t count,
                 const std::function<void(Statement&, int, std::size_t)>& bind_row) {
    const int width = static_cast<int>(columns.size());
    std::size_t done = 0;
    while (done < count) {
        const int rows = static_cast<int>(std::min<std::size_t>(kRowsPerInsert, count - done));
        std::unique_ptr<Statement> once;
        Statement* q = nullptr;
        if (rows == kRowsPerInsert) {
            q = &db.cached(insert_sql(table, columns, rows));
        } else {
            once = db.prepare(insert_sql(table, columns, rows));
            q = once.get();
        }
        for (int r = 0; r < rows; ++r) bind_row(*q, r * width + 1, done + static_cast<std::size_t>(r));
        q->run();
        if (rows == kRowsPerInsert) q->reset();
        done += static_cast<std::size_t>(rows);
    }
}

void bind_optional_date(Statement& q, int at, const std::optional<Date>& d) {
    if (d) q.bind(at, d->iso());
    else q.bind_null(at);
}

void bind_optional_int(Statement& q, int at, const std::optional<std::int64_t>& v) {
    if (v) q.bind(at, *v);
    else q.bind_null(at);
}

}  // namespace assure::sql::dataset_rows
