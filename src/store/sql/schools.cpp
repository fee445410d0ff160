#include "store/sql/schools.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "schools";
// The register joined to the agency (its name and whether it is active) and the lead's entry in
// the directory, so the page needs one statement.
constexpr const char* kColumns =
    "SELECT s.partnership_id, s.agency_id, s.urn, a.name, s.phase, s.establishment_type, s.duty, s.lead_person_id, "
    "COALESCE(p.name, ''), COALESCE(p.email, ''), a.active, s.version FROM schools s JOIN agencies a ON a.id = s.agency_id "
    "LEFT JOIN people p ON p.id = s.lead_person_id ";

School read_row(const Statement& q) {
    School s;
    s.partnership = PartnershipId{q.int64(0)};
    s.agency = AgencyId{q.int64(1)};
    s.urn = q.text(2);
    s.name = q.text(3);
    s.phase = strict_enum(kTable, "phase", q.text(4), parse_school_phase_key);
    s.establishment_type = q.text(5);
    s.duty = strict_enum(kTable, "duty", q.text(6), parse_school_duty);
    if (!q.is_null(7)) s.lead = PersonId{q.int64(7)};
    s.lead_name = q.text(8);
    s.lead_email = q.text(9);
    s.active = q.int64(10) != 0;
    s.version = static_cast<int>(q.int64(11));
    return s;
}

std::optional<School> first(Statement& q) {
    if (!q.step()) return std::nullopt;
    auto s = read_row(q);
    q.reset();
    return s;
}

std::string phases_text(const std::vector<SchoolPhase>& phases) {
    std::string out;
    for (const auto p : phases) out += (out.empty() ? "" : ",") + std::string(school_phase_key(p));
    return out;
}

}  // namespace

std::vector<School> SqlSchools::list(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE s.partnership_id = ? ORDER BY a.name, s.urn");
    q.bind(1, partnership.value);
    std::vector<School> out;
    while (q.step()) out.push_back(read_row(q));
    return out;
}

std::optional<School> SqlSchools::find(PartnershipId partnership, AgencyId agency) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE s.partnership_id = ? AND s.agency_id = ?");
    q.bind(1, partnership.value).bind(2, agency.value);
    return first(q);
}

std::optional<School> SqlSchools::find_by_urn(PartnershipId partnership, const std::string& urn) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE s.partnership_id = ? AND s.urn = ?");
    q.bind(1, partnership.value).bind(2, urn);
    return first(q);
}

bool SqlSchools::save(const School& s, int expected_version) {
    auto bind_lead = [&](Statement& q, int at) {
        if (s.lead.valid()) q.bind(at, s.lead.value);
        else q.bind_null(at);
    };
    if (expected_version == 0) {
        auto& q = db_.cached(
            "INSERT INTO schools(partnership_id, agency_id, urn, phase, establishment_type, duty, lead_person_id, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING");
        q.bind(1, s.partnership.value).bind(2, s.agency.value).bind(3, s.urn).bind(4, school_phase_key(s.phase));
        q.bind(5, s.establishment_type).bind(6, school_duty_key(s.duty));
        bind_lead(q, 7);
        q.run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached(
        "UPDATE schools SET urn = ?, phase = ?, establishment_type = ?, duty = ?, lead_person_id = ?, version = version + 1 "
        "WHERE partnership_id = ? AND agency_id = ? AND version = ?");
    q.bind(1, s.urn).bind(2, school_phase_key(s.phase)).bind(3, s.establishment_type).bind(4, school_duty_key(s.duty));
    bind_lead(q, 5);
    q.bind(6, s.partnership.value).bind(7, s.agency.value).bind(8, expected_version);
    q.run();
    return db_.changes() == 1;
}

void SqlSchools::add_round(PartnershipId partnership, const SchoolRound& round) {
    auto& q = db_.cached("INSERT INTO school_rounds(partnership_id, cycle_id, duty, phases) VALUES (?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, round.cycle.value).bind(3, school_duty_key(round.duty)).bind(4, phases_text(round.phases)).run();
}

std::optional<SchoolRound> SqlSchools::round(PartnershipId partnership, AuditCycleId cycle) {
    auto& q = db_.cached("SELECT duty, phases FROM school_rounds WHERE partnership_id = ? AND cycle_id = ?");
    q.bind(1, partnership.value).bind(2, cycle.value);
    if (!q.step()) return std::nullopt;
    SchoolRound r;
    r.cycle = cycle;
    r.duty = strict_enum("school_rounds", "duty", q.text(0), parse_school_duty);
    const std::string phases = q.text(1);
    q.reset();
    std::size_t at = 0;
    while (at < phases.size()) {
        const std::size_t comma = std::min(phases.find(',', at), phases.size());
        r.phases.push_back(strict_enum("school_rounds", "phases", phases.substr(at, comma - at), parse_school_phase_key));
        at = comma + 1;
    }
    return r;
}

}  // namespace assure::sql
