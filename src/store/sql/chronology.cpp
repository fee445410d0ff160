#include "store/sql/chronology.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "review_chronology";
constexpr const char* kColumns =
    "SELECT id, partnership_id, case_id, agency_id, on_date, minute, event, source, analysis, added_by, added_at FROM review_chronology ";

ChronologyEntry read_row(const Statement& q) {
    ChronologyEntry e;
    e.id = q.int64(0);
    e.partnership = PartnershipId{q.int64(1)};
    e.case_id = CaseId{q.int64(2)};
    e.agency = AgencyId{q.int64(3)};
    e.on = strict_date(kTable, "on_date", q.text(4));
    e.minute = q.is_null(5) ? -1 : static_cast<int>(q.int64(5));
    e.event = q.text(6);
    e.source = q.text(7);
    e.analysis = q.text(8);
    e.added_by = q.text(9);
    e.added_at = q.int64(10);
    return e;
}

}  // namespace

std::vector<ChronologyEntry> SqlChronology::entries(PartnershipId partnership, CaseId case_id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND case_id = ? ORDER BY on_date, id");
    q.bind(1, partnership.value).bind(2, case_id.value);
    std::vector<ChronologyEntry> out;
    while (q.step()) out.push_back(read_row(q));
    return out;
}

std::optional<ChronologyEntry> SqlChronology::find_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND case_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, id);
    if (!q.step()) return std::nullopt;
    auto e = read_row(q);
    q.reset();
    return e;
}

std::int64_t SqlChronology::insert_entry(const ChronologyEntry& e) {
    auto& q = db_.cached(
        "INSERT INTO review_chronology(partnership_id, case_id, agency_id, on_date, minute, event, source, analysis, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.partnership.value).bind(2, e.case_id.value).bind(3, e.agency.value).bind(4, e.on.iso());
    if (e.minute >= 0) {
        q.bind(5, static_cast<std::int64_t>(e.minute));
    } else {
        q.bind_null(5);
    }
    q.bind(6, e.event).bind(7, e.source).bind(8, e.analysis).bind(9, e.added_by).bind(10, e.added_at);
    q.run();
    return db_.last_insert_id();
}

bool SqlChronology::remove_entry(PartnershipId partnership, CaseId case_id, std::int64_t id) {
    auto& q = db_.cached("DELETE FROM review_chronology WHERE partnership_id = ? AND case_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, id).run();
    return db_.changes() == 1;
}

int SqlChronology::remove_agency_entries(PartnershipId partnership, CaseId case_id, AgencyId agency) {
    auto& q = db_.cached("DELETE FROM review_chronology WHERE partnership_id = ? AND case_id = ? AND agency_id = ?");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, agency.value).run();
    return static_cast<int>(db_.changes());
}

std::vector<ChronologyAlias> SqlChronology::aliases(PartnershipId partnership, CaseId case_id) {
    auto& q = db_.cached("SELECT id, name, stands_for FROM review_chronology_aliases WHERE partnership_id = ? AND case_id = ? ORDER BY id");
    q.bind(1, partnership.value).bind(2, case_id.value);
    std::vector<ChronologyAlias> out;
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2)});
    return out;
}

std::int64_t SqlChronology::insert_alias(PartnershipId partnership, CaseId case_id, const ChronologyAlias& a) {
    auto& q = db_.cached("INSERT INTO review_chronology_aliases(partnership_id, case_id, name, stands_for) VALUES (?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, a.name).bind(4, a.stands_for).run();
    return db_.last_insert_id();
}

bool SqlChronology::remove_alias(PartnershipId partnership, CaseId case_id, std::int64_t id) {
    auto& q = db_.cached("DELETE FROM review_chronology_aliases WHERE partnership_id = ? AND case_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, id).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
