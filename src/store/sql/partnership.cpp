#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

constexpr const char* kAgencyColumns =
    "SELECT id, partnership_id, name, kind, statutory_role, sector, active, version, chief_officer, organisation_code FROM agencies ";

Agency read_agency(const Statement& q) {
    Agency a;
    a.id = AgencyId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.name = q.text(2);
    a.kind = parse_agency_kind(q.text(3)).value_or(AgencyKind::relevant_agency);
    a.statutory_role = parse_statutory_role(q.text(4)).value_or(StatutoryRole::none);
    a.sector = q.text(5);
    a.active = q.int64(6) != 0;
    a.version = q.integer(7);
    a.chief_officer = q.text(8);
    a.organisation_code = q.text(9);
    return a;
}

constexpr const char* kPersonColumns =
    "SELECT id, partnership_id, name, job_title, agency_id, email, active, version FROM people ";

Person read_person(const Statement& q) {
    Person p;
    p.id = PersonId{q.int64(0)};
    p.partnership = PartnershipId{q.int64(1)};
    p.name = q.text(2);
    p.job_title = q.text(3);
    p.agency = AgencyId{q.is_null(4) ? 0 : q.int64(4)};
    p.email = q.text(5);
    p.active = q.int64(6) != 0;
    p.version = q.integer(7);
    return p;
}

void bind_agency_id(Statement& q, int index, AgencyId id) {
    if (id.valid()) {
        q.bind(index, id.value);
    } else {
        q.bind_null(index);
    }
}

}  // namespace

std::optional<Partnership> SqlPartnerships::find(PartnershipId id) {
    auto& q = db_.cached("SELECT id, slug, name FROM partnerships WHERE id = ?");
    q.bind(1, id.value);
    if (!q.step()) return std::nullopt;
    return Partnership{PartnershipId{q.int64(0)}, q.text(1), q.text(2)};
}

std::optional<Partnership> SqlPartnerships::find_by_slug(const std::string& slug) {
    auto& q = db_.cached("SELECT id, slug, name FROM partnerships WHERE slug = ?");
    q.bind(1, slug);
    if (!q.step()) return std::nullopt;
    return Partnership{PartnershipId{q.int64(0)}, q.text(1), q.text(2)};
}

std::vector<Partnership> SqlPartnerships::list() {
    auto& q = db_.cached("SELECT id, slug, name FROM partnerships ORDER BY name");
    std::vector<Partnership> out;
    while (q.step()) out.push_back({PartnershipId{q.int64(0)}, q.text(1), q.text(2)});
    return out;
}

PartnershipId SqlPartnerships::insert(const Partnership& p) {
    auto& q = db_.cached("INSERT INTO partnerships(slug, name) VALUES (?, ?)");
    q.bind(1, p.slug).bind(2, p.name).run();
    return PartnershipId{db_.last_insert_id()};
}

std::vector<Agency> SqlAgencies::list(PartnershipId partnership, bool include_inactive) {
    auto& q = db_.cached(std::string(kAgencyColumns) +
                         "WHERE partnership_id = ? AND (active = 1 OR ? = 1) "
                         "ORDER BY kind DESC, lower(name), id");
    q.bind(1, partnership.value).bind(2, include_inactive);
    std::vector<Agency> out;
    while (q.step()) out.push_back(read_agency(q));
    return out;
}

std::vector<Agency> SqlAgencies::with_organisation(const std::string& code) {
    auto& q = db_.cached(std::string(kAgencyColumns) + "WHERE organisation_code = ? AND active = 1 ORDER BY partnership_id, id");
    q.bind(1, code);
    std::vector<Agency> out;
    while (q.step()) out.push_back(read_agency(q));
    return out;
}

std::optional<Agency> SqlAgencies::find(PartnershipId partnership, AgencyId id) {
    auto& q = db_.cached(std::string(kAgencyColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_agency(q);
}

AgencyId SqlAgencies::insert(const Agency& a) {
    auto& q = db_.cached(
        "INSERT INTO agencies(partnership_id, name, kind, statutory_role, sector, active, chief_officer, organisation_code) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, a.partnership.value)
        .bind(2, a.name)
        .bind(3, agency_kind_key(a.kind))
        .bind(4, statutory_role_key(a.statutory_role))
        .bind(5, a.sector)
        .bind(6, a.active)
        .bind(7, a.chief_officer)
        .bind(8, a.organisation_code)
        .run();
    return AgencyId{db_.last_insert_id()};
}

bool SqlAgencies::update(const Agency& a) {
    auto& q = db_.cached(
        "UPDATE agencies SET name = ?, kind = ?, statutory_role = ?, sector = ?, active = ?, chief_officer = ?, "
        "organisation_code = ?, version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, a.name)
        .bind(2, agency_kind_key(a.kind))
        .bind(3, statutory_role_key(a.statutory_role))
        .bind(4, a.sector)
        .bind(5, a.active)
        .bind(6, a.chief_officer)
        .bind(7, a.organisation_code)
        .bind(8, a.id.value)
        .bind(9, a.partnership.value)
        .bind(10, a.version)
        .run();
    return db_.changes() == 1;
}

std::vector<Person> SqlPeople::list(PartnershipId partnership, const PersonFilter& filter) {
    auto& q = db_.cached(std::string(kPersonColumns) +
                         "WHERE partnership_id = ? AND (active = 1 OR ? = 1) AND (CAST(? AS BIGINT) = 0 OR agency_id = ?) "
                         "ORDER BY lower(name), id");
    const std::int64_t agency = filter.agency ? filter.agency->value : 0;
    q.bind(1, partnership.value).bind(2, filter.include_inactive).bind(3, agency).bind(4, agency);
    std::vector<Person> out;
    while (q.step()) out.push_back(read_person(q));
    return out;
}

std::optional<Person> SqlPeople::find(PartnershipId partnership, PersonId id) {
    auto& q = db_.cached(std::string(kPersonColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_person(q);
}

std::optional<Person> SqlPeople::find_by_email(PartnershipId partnership, const std::string& email) {
    auto& q = db_.cached(std::string(kPersonColumns) + "WHERE partnership_id = ? AND email = ?");
    q.bind(1, partnership.value).bind(2, email);
    if (!q.step()) return std::nullopt;
    return read_person(q);
}

PersonId SqlPeople::insert(const Person& p) {
    auto& q = db_.cached(
        "INSERT INTO people(partnership_id, name, job_title, agency_id, email, active) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, p.partnership.value).bind(2, p.name).bind(3, p.job_title);
    bind_agency_id(q, 4, p.agency);
    q.bind(5, p.email).bind(6, p.active).run();
    return PersonId{db_.last_insert_id()};
}

bool SqlPeople::update(const Person& p) {
    auto& q = db_.cached(
        "UPDATE people SET name = ?, job_title = ?, agency_id = ?, email = ?, active = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, p.name).bind(2, p.job_title);
    bind_agency_id(q, 3, p.agency);
    q.bind(4, p.email).bind(5, p.active).bind(6, p.id.value).bind(7, p.partnership.value).bind(8, p.version).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
