#include "store/sql/agency_statements.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "report_agency_statements";
constexpr const char* kColumns =
    "SELECT partnership_id, year_start, agency_id, text, state, version, updated_by, updated_at, submitted_by, submitted_at, "
    "decided_by, decided_at FROM report_agency_statements ";

AgencyStatement read_row(const Statement& q) {
    AgencyStatement s;
    s.partnership = PartnershipId{q.int64(0)};
    s.year = FinancialYear{static_cast<int>(q.int64(1))};
    s.agency = AgencyId{q.int64(2)};
    s.text = q.text(3);
    s.state = strict_enum(kTable, "state", q.text(4), parse_statement_state);
    s.version = static_cast<int>(q.int64(5));
    s.updated_by = q.text(6);
    s.updated_at = q.int64(7);
    s.submitted_by = q.text(8);
    s.submitted_at = q.int64(9);
    s.decided_by = q.text(10);
    s.decided_at = q.int64(11);
    return s;
}

}  // namespace

std::vector<AgencyStatement> SqlAgencyStatements::statements(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND year_start = ? ORDER BY agency_id");
    q.bind(1, partnership.value).bind(2, year.start);
    std::vector<AgencyStatement> out;
    while (q.step()) out.push_back(read_row(q));
    return out;
}

std::optional<AgencyStatement> SqlAgencyStatements::find(PartnershipId partnership, FinancialYear year, AgencyId agency) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND year_start = ? AND agency_id = ?");
    q.bind(1, partnership.value).bind(2, year.start).bind(3, agency.value);
    if (!q.step()) return std::nullopt;
    auto s = read_row(q);
    q.reset();
    return s;
}

bool SqlAgencyStatements::save(const AgencyStatement& s, int expected_version) {
    if (expected_version == 0) {
        auto& q = db_.cached(
            "INSERT INTO report_agency_statements(partnership_id, year_start, agency_id, text, state, version, updated_by, updated_at, "
            "submitted_by, submitted_at, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (partnership_id, year_start, agency_id) DO NOTHING");
        q.bind(1, s.partnership.value).bind(2, s.year.start).bind(3, s.agency.value).bind(4, s.text).bind(5, statement_state_key(s.state));
        q.bind(6, s.updated_by).bind(7, s.updated_at).bind(8, s.submitted_by).bind(9, s.submitted_at).bind(10, s.decided_by).bind(11, s.decided_at);
        q.run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached(
        "UPDATE report_agency_statements SET text = ?, state = ?, version = version + 1, updated_by = ?, updated_at = ?, submitted_by = ?, "
        "submitted_at = ?, decided_by = ?, decided_at = ? WHERE partnership_id = ? AND year_start = ? AND agency_id = ? AND version = ?");
    q.bind(1, s.text).bind(2, statement_state_key(s.state)).bind(3, s.updated_by).bind(4, s.updated_at).bind(5, s.submitted_by);
    q.bind(6, s.submitted_at).bind(7, s.decided_by).bind(8, s.decided_at).bind(9, s.partnership.value).bind(10, s.year.start);
    q.bind(11, s.agency.value).bind(12, expected_version);
    q.run();
    return db_.changes() == 1;
}

std::vector<StatementNote> SqlAgencyStatements::notes(PartnershipId partnership, FinancialYear year, AgencyId agency) {
    auto& q = db_.cached(
        "SELECT id, kind, text, by_name, noted_at FROM report_statement_notes WHERE partnership_id = ? AND year_start = ? AND agency_id = ? "
        "ORDER BY id");
    q.bind(1, partnership.value).bind(2, year.start).bind(3, agency.value);
    std::vector<StatementNote> out;
    while (q.step()) {
        out.push_back({q.int64(0), strict_enum("report_statement_notes", "kind", q.text(1), parse_statement_note), q.text(2), q.text(3), q.int64(4)});
    }
    return out;
}

void SqlAgencyStatements::add_note(PartnershipId partnership, FinancialYear year, AgencyId agency, const StatementNote& note) {
    auto& q = db_.cached(
        "INSERT INTO report_statement_notes(partnership_id, year_start, agency_id, kind, text, by_name, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, year.start).bind(3, agency.value).bind(4, statement_note_key(note.kind)).bind(5, note.text);
    q.bind(6, note.by).bind(7, note.at).run();
}

}  // namespace assure::sql
