// The agencies' returns in the dataset's store: the due-date setting, each agency's return for
// a quarter (read with its agency's name by a join, never a query per row), the business unit's
// list and figures by SQL, and the corrections of returned figures. Rows are read strictly.
#include "store/sql/dataset_rows.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using namespace dataset_rows;

constexpr std::string_view kReturns = "dataset_returns";
constexpr const char* kReturnColumns =
    "r.id, r.partnership_id, r.agency_id, a.name, r.period, r.due_on, r.figures, r.submitted_on, r.submitted_at, "
    "r.submitted_by_label, r.corrections, r.version FROM dataset_returns r JOIN agencies a ON a.id = r.agency_id";

DatasetPeriod strict_quarter(const std::string& text, std::string_view table) {
    const auto p = strict_enum(DatasetPeriod::parse, text, table, "period");
    if (p.is_year()) unknown_value(table, "period", text);  // a return is for a quarter
    return p;
}

DatasetReturn read_return(const Statement& q) {
    DatasetReturn r;
    r.id = DatasetReturnId{q.int64(0)};
    r.partnership = PartnershipId{q.int64(1)};
    r.agency = AgencyId{q.int64(2)};
    r.agency_name = q.text(3);
    r.period = strict_quarter(q.text(4), kReturns);
    r.due_on = strict_date(q, 5, kReturns, "due_on");
    r.figures = q.integer(6);
    r.submitted_on = strict_optional_date(q, 7, kReturns, "submitted_on");
    r.submitted_at = q.is_null(8) ? 0 : q.int64(8);
    r.submitted_by_label = q.text(9);
    r.corrections = q.integer(10);
    r.version = q.integer(11);
    return r;
}

// The list's state as SQL over r.submitted_on and r.due_on, `today` being parameter 7 (bound
// only when the clause uses it: PostgreSQL refuses a parameter it cannot type).
const char* state_clause(DatasetReturnListState s) {
    switch (s) {
        case DatasetReturnListState::all: return "";
        case DatasetReturnListState::outstanding: return " AND r.submitted_on IS NULL";
        case DatasetReturnListState::late: return " AND r.submitted_on IS NULL AND r.due_on < ?7";
        case DatasetReturnListState::returned: return " AND r.submitted_on IS NOT NULL";
    }
    return "";
}

void bind_optional_decimal(Statement& q, int at, const std::optional<double>& v) {
    if (v) q.bind(at, decimal_text(*v));
    else q.bind_null(at);
}

void bind_optional_whole(Statement& q, int at, const std::optional<std::int64_t>& v) {
    if (v) q.bind(at, *v);
    else q.bind_null(at);
}

IndicatorValue figure_at(const Statement& q, int first, const std::string& code, const DatasetPeriod& period) {
    constexpr std::string_view t = "dataset_value_changes";
    IndicatorValue v;
    v.code = code;
    v.period = period;
    if (!q.is_null(first)) v.value = strict_decimal(q.text(first), t, first == 4 ? "before_value" : "after_value");
    if (!q.is_null(first + 1)) v.numerator = q.int64(first + 1);
    if (!q.is_null(first + 2)) v.denominator = q.int64(first + 2);
    return v;
}

}  // namespace

int SqlDataset::return_due_working_days(PartnershipId partnership) {
    auto& q = db_.cached("SELECT due_working_days FROM dataset_return_settings WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    if (!q.step()) return kDefaultReturnDueWorkingDays;
    const int days = q.integer(0);
    q.reset();
    return days;
}

void SqlDataset::put_return_due_working_days(PartnershipId partnership, int days) {
    db_.cached(
           "INSERT INTO dataset_return_settings(partnership_id, due_working_days) VALUES (?1, ?2) "
           "ON CONFLICT (partnership_id) DO UPDATE SET due_working_days = ?2")
        .bind(1, partnership.value)
        .bind(2, days)
        .run();
}

DatasetReturnId SqlDataset::insert_return(const DatasetReturn& r) {
    auto& q = db_.cached(
        "INSERT INTO dataset_returns(partnership_id, agency_id, period, due_on, figures, submitted_on, submitted_at, "
        "submitted_by_label, corrections, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
    q.bind(1, r.partnership.value).bind(2, r.agency.value).bind(3, r.period.key()).bind(4, r.due_on.iso()).bind(5, r.figures);
    if (r.submitted_on) q.bind(6, r.submitted_on->iso()).bind(7, r.submitted_at);
    else q.bind_null(6).bind_null(7);
    q.bind(8, r.submitted_by_label).bind(9, r.corrections);
    q.run();
    return DatasetReturnId{db_.last_insert_id()};
}

std::optional<DatasetReturn> SqlDataset::find_return(PartnershipId partnership, DatasetReturnId id) {
    auto& q = db_.cached(std::string("SELECT ") + kReturnColumns + " WHERE r.partnership_id = ? AND r.id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    auto out = read_return(q);
    q.reset();
    return out;
}

bool SqlDataset::update_return(const DatasetReturn& r) {
    auto& q = db_.cached(
        "UPDATE dataset_returns SET submitted_on = ?, submitted_at = ?, submitted_by_label = ?, corrections = ?, "
        "version = version + 1 WHERE partnership_id = ? AND id = ? AND version = ?");
    if (r.submitted_on) q.bind(1, r.submitted_on->iso()).bind(2, r.submitted_at);
    else q.bind_null(1).bind_null(2);
    q.bind(3, r.submitted_by_label).bind(4, r.corrections).bind(5, r.partnership.value).bind(6, r.id.value).bind(7, r.version);
    q.run();
    return db_.changes() == 1;
}

Page<DatasetReturn> SqlDataset::returns(const DatasetReturnQuery& query) {
    std::string after_due;
    std::int64_t after_id = 0;
    if (!query.page.after.empty()) {
        const auto parts = cursor_parts(query.page.after, 2);
        if (!Date::parse(parts[0])) {
            throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
        }
        after_due = parts[0];
        after_id = cursor_number(parts[1]);
    }
    // The first page starts after ('', 0): every ISO date sorts after the empty text.
    auto& q = db_.cached(std::string("SELECT ") + kReturnColumns +
                         " WHERE r.partnership_id = ?1 AND (r.agency_id = ?2 OR CAST(?2 AS BIGINT) = 0)"
                         " AND (r.period = ?3 OR ?3 = '')" + state_clause(query.state) +
                         " AND (r.due_on, r.id) > (?4, ?5) ORDER BY r.due_on, r.id LIMIT ?6");
    q.bind(1, query.partnership.value).bind(2, query.agency ? query.agency->value : std::int64_t{0}).bind(3, query.period);
    q.bind(4, after_due).bind(5, after_id).bind(6, static_cast<std::int64_t>(query.page.limit) + 1);
    if (query.state == DatasetReturnListState::late) q.bind(7, query.today.iso());
    std::vector<DatasetReturn> rows;
    while (q.step()) rows.push_back(read_return(q));
    return page_of(std::move(rows), query.page.limit,
                   [](const DatasetReturn& r) { return std::vector<std::string>{r.due_on.iso(), r.id.str()}; });
}

DatasetReturnCounts SqlDataset::count_returns(const DatasetReturnQuery& query) {
    auto& q = db_.cached(
        "SELECT count(*) - count(submitted_on), "
        "COALESCE(SUM(CASE WHEN submitted_on IS NULL AND due_on < ?4 THEN 1 ELSE 0 END), 0), count(submitted_on), "
        "COALESCE(SUM(CASE WHEN submitted_on > due_on THEN 1 ELSE 0 END), 0) FROM dataset_returns "
        "WHERE partnership_id = ?1 AND (agency_id = ?2 OR CAST(?2 AS BIGINT) = 0) AND (period = ?3 OR ?3 = '')");
    q.bind(1, query.partnership.value).bind(2, query.agency ? query.agency->value : std::int64_t{0}).bind(3, query.period);
    q.bind(4, query.today.iso());
    DatasetReturnCounts c;
    if (q.step()) {
        c.outstanding = q.integer(0);
        c.late = q.integer(1);
        c.returned = q.integer(2);
        c.returned_late = q.integer(3);
    }
    q.reset();
    return c;
}

std::vector<AgencyId> SqlDataset::agencies_asked(PartnershipId partnership, const DatasetPeriod& quarter) {
    auto& q = db_.cached("SELECT agency_id FROM dataset_returns WHERE partnership_id = ? AND period = ? ORDER BY agency_id");
    q.bind(1, partnership.value).bind(2, quarter.key());
    std::vector<AgencyId> out;
    while (q.step()) out.push_back(AgencyId{q.int64(0)});
    return out;
}

void SqlDataset::add_correction(PartnershipId partnership, const FigureCorrection& c) {
    auto& q = db_.cached(
        "INSERT INTO dataset_value_changes(partnership_id, return_id, code, period, before_value, before_numerator, "
        "before_denominator, after_value, after_numerator, after_denominator, reason, changed_by, changed_by_label, changed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, c.ret.value).bind(3, c.code).bind(4, c.period.key());
    bind_optional_decimal(q, 5, c.before.value);
    bind_optional_whole(q, 6, c.before.numerator);
    bind_optional_whole(q, 7, c.before.denominator);
    bind_optional_decimal(q, 8, c.after.value);
    bind_optional_whole(q, 9, c.after.numerator);
    bind_optional_whole(q, 10, c.after.denominator);
    q.bind(11, c.reason);
    if (c.by.valid()) q.bind(12, c.by.value);
    else q.bind_null(12);
    q.bind(13, c.by_label).bind(14, c.at);
    q.run();
}

Page<FigureCorrection> SqlDataset::corrections(PartnershipId partnership, DatasetReturnId ret, const PageRequest& page) {
    const std::int64_t before = page.after.empty() ? INT64_MAX : cursor_number(cursor_parts(page.after, 1)[0]);
    auto& q = db_.cached(
        "SELECT id, return_id, code, period, before_value, before_numerator, before_denominator, after_value, after_numerator, "
        "after_denominator, reason, changed_by, changed_by_label, changed_at FROM dataset_value_changes "
        "WHERE partnership_id = ? AND return_id = ? AND id < ? ORDER BY id DESC LIMIT ?");
    q.bind(1, partnership.value).bind(2, ret.value).bind(3, before).bind(4, static_cast<std::int64_t>(page.limit) + 1);
    std::vector<FigureCorrection> rows;
    while (q.step()) {
        FigureCorrection c;
        c.id = q.int64(0);
        c.ret = DatasetReturnId{q.int64(1)};
        c.code = q.text(2);
        c.period = strict_quarter(q.text(3), "dataset_value_changes");
        c.before = figure_at(q, 4, c.code, c.period);
        c.after = figure_at(q, 7, c.code, c.period);
        c.reason = q.text(10);
        c.by = UserId{q.is_null(11) ? 0 : q.int64(11)};
        c.by_label = q.text(12);
        c.at = q.int64(13);
        rows.push_back(std::move(c));
    }
    return page_of(std::move(rows), page.limit, [](const FigureCorrection& c) { return std::vector<std::string>{std::to_string(c.id)}; });
}

}  // namespace assure::sql
