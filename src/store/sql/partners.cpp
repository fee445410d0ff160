#include "store/sql/partners.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "safeguarding_partners";
constexpr const char* kColumns = "SELECT id, partnership_id, agency_id, person_id, role, from_on, to_on FROM safeguarding_partners ";

PartnerAppointment read_row(const Statement& q) {
    PartnerAppointment a;
    a.id = q.int64(0);
    a.partnership = PartnershipId{q.int64(1)};
    a.agency = AgencyId{q.int64(2)};
    a.person = PersonId{q.int64(3)};
    a.role = strict_enum(kTable, "role", q.text(4), parse_partner_role);
    a.from = strict_date(kTable, "from_on", q.text(5));
    if (!q.is_null(6)) a.to = strict_date(kTable, "to_on", q.text(6));
    return a;
}

}  // namespace

std::vector<PartnerAppointment> SqlPartners::appointments(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kColumns) +
                         "WHERE partnership_id = ? ORDER BY agency_id, CASE role WHEN 'lead' THEN 0 ELSE 1 END, from_on, id");
    q.bind(1, partnership.value);
    std::vector<PartnerAppointment> out;
    while (q.step()) out.push_back(read_row(q));
    return out;
}

std::optional<PartnerAppointment> SqlPartners::find_appointment(PartnershipId partnership, std::int64_t id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id);
    if (!q.step()) return std::nullopt;
    auto a = read_row(q);
    q.reset();
    return a;
}

std::int64_t SqlPartners::insert_appointment(const PartnerAppointment& a) {
    auto& q = db_.cached(
        "INSERT INTO safeguarding_partners(partnership_id, agency_id, person_id, role, from_on, to_on) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, a.partnership.value).bind(2, a.agency.value).bind(3, a.person.value).bind(4, partner_role_key(a.role)).bind(5, a.from.iso());
    if (a.to) {
        q.bind(6, a.to->iso());
    } else {
        q.bind_null(6);
    }
    q.run();
    return db_.last_insert_id();
}

bool SqlPartners::end_appointment(PartnershipId partnership, std::int64_t id, Date to) {
    auto& q = db_.cached("UPDATE safeguarding_partners SET to_on = ? WHERE partnership_id = ? AND id = ? AND to_on IS NULL");
    q.bind(1, to.iso()).bind(2, partnership.value).bind(3, id).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
