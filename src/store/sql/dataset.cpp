// The multi-agency dataset's store: the catalogue, imports, and a year's records read and
// replaced whole. Records are written in batches of rows per INSERT, as an England-sized year
// is a million rows and PostgreSQL would otherwise make a round trip for each.
#include <charconv>
#include <cstdio>
#include <functional>

#include "store/sql/dataset_rows.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using namespace dataset_rows;

DatasetImport read_import(const Statement& q) {
    DatasetImport i;
    i.id = DatasetImportId{q.int64(0)};
    i.partnership = PartnershipId{q.int64(1)};
    i.kind = q.text(2);
    i.period = q.text(3);
    i.file_name = q.text(4);
    i.rows_read = q.integer(5);
    i.rows_saved = q.integer(6);
    i.rows_refused = q.integer(7);
    i.changes.added = q.integer(8);
    i.changes.removed = q.integer(9);
    i.changes.unchanged = q.integer(10);
    if (!q.is_null(11)) i.replaces = DatasetImportId{q.int64(11)};
    i.changes.first = !i.replaces.has_value();
    i.by = UserId{q.is_null(12) ? 0 : q.int64(12)};
    i.by_label = q.text(13);
    i.at = q.int64(14);
    return i;
}

constexpr const char* kImportColumns =
    "id, partnership_id, kind, period, file_name, rows_read, rows_saved, rows_refused, rows_added, rows_removed, rows_unchanged, "
    "replaces_import_id, imported_by, imported_by_label, imported_at";

}  // namespace

std::vector<IndicatorDefinition> SqlDataset::catalogue(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT code, name, definition, source_agency, unit, polarity, frequency, aggregation, source, rate_of, target, tolerance, "
        "priority, position FROM dataset_indicators WHERE partnership_id = ? ORDER BY position, code");
    q.bind(1, partnership.value);
    std::vector<IndicatorDefinition> out;
    while (q.step()) out.push_back(read_indicator(q));
    return out;
}

void SqlDataset::put_indicator(PartnershipId partnership, const IndicatorDefinition& d) {
    auto& q = db_.cached(
        "INSERT INTO dataset_indicators(partnership_id, code, name, definition, source_agency, unit, polarity, frequency, aggregation, "
        "source, rate_of, target, tolerance, priority, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT (partnership_id, code) DO UPDATE SET name = ?3, definition = ?4, source_agency = ?5, unit = ?6, polarity = ?7, "
        "frequency = ?8, aggregation = ?9, source = ?10, rate_of = ?11, target = ?12, tolerance = ?13, priority = ?14, position = ?15");
    q.bind(1, partnership.value).bind(2, d.code).bind(3, d.name).bind(4, d.definition).bind(5, d.source_agency);
    q.bind(6, std::string(unit_key(d.unit))).bind(7, std::string(polarity_key(d.polarity)));
    q.bind(8, std::string(frequency_key(d.frequency))).bind(9, std::string(aggregation_key(d.aggregation)));
    q.bind(10, std::string(indicator_source_key(d.source))).bind(11, d.rate_of);
    q.bind(12, d.target ? decimal_text(*d.target) : std::string()).bind(13, decimal_text(d.tolerance));
    q.bind(14, d.priority).bind(15, d.position);
    q.run();
}

std::vector<Benchmark> SqlDataset::benchmarks(PartnershipId partnership) {
    auto& q = db_.cached("SELECT code, year, area, value FROM dataset_benchmarks WHERE partnership_id = ? ORDER BY code, year, area");
    q.bind(1, partnership.value);
    std::vector<Benchmark> out;
    while (q.step()) {
        out.push_back({q.text(0), q.integer(1), strict_enum(parse_benchmark_area, q.text(2), "dataset_benchmarks", "area"),
                       strict_decimal(q.text(3), "dataset_benchmarks", "value")});
    }
    return out;
}

void SqlDataset::put_benchmark(PartnershipId partnership, const Benchmark& b) {
    auto& q = db_.cached(
        "INSERT INTO dataset_benchmarks(partnership_id, code, year, area, value) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (partnership_id, code, year, area) DO UPDATE SET value = ?5");
    q.bind(1, partnership.value).bind(2, b.code).bind(3, b.year).bind(4, std::string(benchmark_area_key(b.area))).bind(5, decimal_text(b.value));
    q.run();
}

DatasetImportId SqlDataset::insert_import(const DatasetImport& i) {
    auto& q = db_.cached(
        "INSERT INTO dataset_imports(partnership_id, kind, period, file_name, rows_read, rows_saved, rows_refused, rows_added, "
        "rows_removed, rows_unchanged, replaces_import_id, imported_by, imported_by_label, imported_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, i.partnership.value).bind(2, i.kind).bind(3, i.period).bind(4, i.file_name);
    q.bind(5, i.rows_read).bind(6, i.rows_saved).bind(7, i.rows_refused);
    q.bind(8, i.changes.added).bind(9, i.changes.removed).bind(10, i.changes.unchanged);
    if (i.replaces) q.bind(11, i.replaces->value);
    else q.bind_null(11);
    if (i.by.valid()) q.bind(12, i.by.value);
    else q.bind_null(12);
    q.bind(13, i.by_label).bind(14, i.at);
    q.run();
    return DatasetImportId{db_.last_insert_id()};
}

std::optional<DatasetImport> SqlDataset::latest_import(PartnershipId partnership, const std::string& kind, const std::string& period) {
    auto& q = db_.cached(std::string("SELECT ") + kImportColumns +
                         " FROM dataset_imports WHERE partnership_id = ? AND kind = ? AND period = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, partnership.value).bind(2, kind).bind(3, period);
    if (!q.step()) return std::nullopt;
    auto out = read_import(q);
    q.reset();
    return out;
}

Page<DatasetImport> SqlDataset::imports(PartnershipId partnership, const PageRequest& page) {
    const std::int64_t before = page.after.empty() ? INT64_MAX : cursor_number(cursor_parts(page.after, 1)[0]);
    auto& q = db_.cached(std::string("SELECT ") + kImportColumns +
                         " FROM dataset_imports WHERE partnership_id = ? AND id < ? ORDER BY id DESC LIMIT ?");
    q.bind(1, partnership.value).bind(2, before).bind(3, static_cast<std::int64_t>(page.limit) + 1);
    std::vector<DatasetImport> rows;
    while (q.step()) rows.push_back(read_import(q));
    return page_of(std::move(rows), page.limit, [](const DatasetImport& i) { return std::vector<std::string>{i.id.str()}; });
}

std::vector<int> SqlDataset::years(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT year FROM dataset_episodes WHERE partnership_id = ?1 UNION SELECT year FROM dataset_missing WHERE partnership_id = ?1 "
        "UNION SELECT year FROM dataset_values WHERE partnership_id = ?1 UNION SELECT year FROM dataset_cin_referrals WHERE partnership_id = ?1 "
        "ORDER BY 1");
    q.bind(1, partnership.value);
    std::vector<int> out;
    while (q.step()) out.push_back(q.integer(0));
    return out;
}

std::vector<ChildRecord> SqlDataset::children(PartnershipId partnership, int year) {
    auto& q = db_.cached("SELECT child, sex, birth_month, ethnic FROM dataset_children WHERE partnership_id = ? AND year = ? ORDER BY child");
    q.bind(1, partnership.value).bind(2, year);
    std::vector<ChildRecord> out;
    while (q.step()) out.push_back(read_child(q));
    return out;
}

void SqlDataset::replace_children(PartnershipId partnership, int year, DatasetImportId by, const std::vector<ChildRecord>& rows) {
    db_.cached("DELETE FROM dataset_children WHERE partnership_id = ? AND year = ?").bind(1, partnership.value).bind(2, year).run();
    const auto order = in_index_order(rows, [](const ChildRecord&) { return 0; });
    insert_rows(db_, "dataset_children", {"partnership_id", "year", "child", "sex", "birth_month", "ethnic", "import_id"}, rows.size(),
                [&](Statement& q, int at, std::size_t i) {
                    const auto& r = rows[order[i]];
                    q.bind(at, partnership.value).bind(at + 1, year).bind(at + 2, r.child).bind(at + 3, r.sex);
                    q.bind(at + 4, birth_month_text(r)).bind(at + 5, r.ethnic).bind(at + 6, by.value);
                });
}

std::vector<EpisodeRecord> SqlDataset::episodes(PartnershipId partnership, int year) {
    auto& q = db_.cached(
        "SELECT child, start_on, end_on, rne, ls, cin, place, rec, reason_place_change FROM dataset_episodes "
        "WHERE partnership_id = ? AND year = ? ORDER BY child, start_on");
    q.bind(1, partnership.value).bind(2, year);
    std::vector<EpisodeRecord> out;
    while (q.step()) out.push_back(read_episode(q));
    return out;
}

void SqlDataset::replace_episodes(PartnershipId partnership, int year, DatasetImportId by, const std::vector<EpisodeRecord>& rows) {
    db_.cached("DELETE FROM dataset_episodes WHERE partnership_id = ? AND year = ?").bind(1, partnership.value).bind(2, year).run();
    const auto order = in_index_order(rows, [](const EpisodeRecord& r) { return r.start; });
    insert_rows(db_, "dataset_episodes",
                {"partnership_id", "year", "child", "start_on", "end_on", "rne", "ls", "cin", "place", "rec", "reason_place_change", "import_id"},
                rows.size(), [&](Statement& q, int at, std::size_t i) {
                    const auto& r = rows[order[i]];
                    q.bind(at, partnership.value).bind(at + 1, year).bind(at + 2, r.child).bind(at + 3, r.start.iso());
                    bind_optional_date(q, at + 4, r.end);
                    q.bind(at + 5, r.rne).bind(at + 6, r.ls).bind(at + 7, r.cin).bind(at + 8, r.place).bind(at + 9, r.rec);
                    q.bind(at + 10, r.reason_place_change).bind(at + 11, by.value);
                });
}

std::vector<MissingRecord> SqlDataset::missing(PartnershipId partnership, int year, MissingSource source) {
    auto& q = db_.cached(
        "SELECT child, kind, start_on, end_on, rhi_offered_on, rhi_accepted_on FROM dataset_missing WHERE partnership_id = ? AND year = ? AND source = ? "
        "ORDER BY id");
    q.bind(1, partnership.value).bind(2, year).bind(3, std::string(missing_source_key(source)));
    std::vector<MissingRecord> out;
    while (q.step()) out.push_back(read_missing(q));
    return out;
}

void SqlDataset::replace_missing(PartnershipId partnership, int year, MissingSource source, DatasetImportId by,
                                 const std::vector<MissingRecord>& rows) {
    const std::string key(missing_source_key(source));
    db_.cached("DELETE FROM dataset_missing WHERE partnership_id = ? AND year = ? AND source = ?")
        .bind(1, partnership.value)
        .bind(2, year)
        .bind(3, key)
        .run();
    insert_rows(db_, "dataset_missing", {"partnership_id", "year", "source", "child", "kind", "start_on", "end_on", "import_id", "rhi_offered_on",
                                       "rhi_accepted_on"}, rows.size(),
                [&](Statement& q, int at, std::size_t i) {
                    const auto& r = rows[i];
                    q.bind(at, partnership.value).bind(at + 1, year).bind(at + 2, key).bind(at + 3, r.child);
                    q.bind(at + 4, std::string(1, r.kind)).bind(at + 5, r.start.iso());
                    bind_optional_date(q, at + 6, r.end);
                    q.bind(at + 7, by.value);
                    bind_optional_date(q, at + 8, r.rhi_offered);
                    bind_optional_date(q, at + 9, r.rhi_accepted);
                });
}

std::map<int, std::int64_t> SqlDataset::population(PartnershipId partnership) {
    auto& q = db_.cached("SELECT year, children FROM dataset_population WHERE partnership_id = ? ORDER BY year");
    q.bind(1, partnership.value);
    std::map<int, std::int64_t> out;
    while (q.step()) out[q.integer(0)] = q.int64(1);
    return out;
}

void SqlDataset::put_population(PartnershipId partnership, const PopulationRecord& r, DatasetImportId by) {
    auto& q = db_.cached(
        "INSERT INTO dataset_population(partnership_id, year, children, import_id) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (partnership_id, year) DO UPDATE SET children = ?3, import_id = ?4");
    q.bind(1, partnership.value).bind(2, r.year).bind(3, r.children).bind(4, by.value).run();
}

std::vector<IndicatorValue> SqlDataset::returned_values(PartnershipId partnership, int from, int to) {
    auto& q = db_.cached(
        "SELECT code, period, value, numerator, denominator FROM dataset_values WHERE partnership_id = ? AND year >= ? AND year <= ? "
        "ORDER BY code, period");
    q.bind(1, partnership.value).bind(2, from).bind(3, to);
    std::vector<IndicatorValue> out;
    while (q.step()) out.push_back(read_value(q));
    return out;
}

void SqlDataset::put_value(PartnershipId partnership, const ReturnedValue& v, DatasetImportId by) {
    auto& q = db_.cached(
        "INSERT INTO dataset_values(partnership_id, code, period, year, value, numerator, denominator, import_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (partnership_id, code, period) "
        "DO UPDATE SET value = ?5, numerator = ?6, denominator = ?7, import_id = ?8");
    q.bind(1, partnership.value).bind(2, v.code).bind(3, v.period.key()).bind(4, v.period.year);
    if (v.value) q.bind(5, decimal_text(*v.value));
    else q.bind_null(5);
    bind_optional_int(q, 6, v.numerator);
    bind_optional_int(q, 7, v.denominator);
    q.bind(8, by.value);
    q.run();
}

}  // namespace assure::sql
