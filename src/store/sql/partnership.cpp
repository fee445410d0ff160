#include "store/sql/by_ids.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/reviews_rows.hpp"
#include "store/sql/settings_rows.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"
#include "store/sql/text_search.hpp"

namespace assure::sql {
namespace {

constexpr const char* kAgencyFields =
    "id, partnership_id, name, kind, statutory_role, sector, active, version, chief_officer, organisation_code";
const std::string kAgencyColumns = std::string("SELECT ") + kAgencyFields + " FROM agencies ";

Agency read_agency(const Statement& q) {
    Agency a;
    a.id = AgencyId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.name = q.text(2);
    a.kind = strict_enum(parse_agency_kind, q.text(3), "agencies", "kind");
    a.statutory_role = strict_enum(parse_statutory_role, q.text(4), "agencies", "statutory_role");
    a.sector = q.text(5);
    a.active = q.int64(6) != 0;
    a.version = q.integer(7);
    a.chief_officer = q.text(8);
    a.organisation_code = q.text(9);
    return a;
}

constexpr const char* kPersonFields = "id, partnership_id, name, job_title, agency_id, email, active, version";
const std::string kPersonColumns = std::string("SELECT ") + kPersonFields + " FROM people ";

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

// A list's `active` filter as one parameter: 1 active only, 0 deactivated only, 2 both.
int active_filter(const std::optional<bool>& active) { return active ? (*active ? 1 : 0) : 2; }

template <class IdT>
std::map<IdT, std::string> names_of(Connection& db, const char* table, PartnershipId partnership,
                                    const std::vector<IdT>& ids) {
    std::map<IdT, std::string> out;
    by_ids(db, std::string("SELECT id, name FROM ") + table, partnership, ids,
           [&](const Statement& q) { out.emplace(IdT{q.int64(0)}, q.text(1)); });
    return out;
}

}  // namespace

namespace {

constexpr const char* kPartnershipColumns = "SELECT id, slug, name, area, logo_text, version FROM partnerships ";

Partnership read_partnership(const Statement& q) {
    return Partnership{PartnershipId{q.int64(0)}, q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5)};
}

void write_rules(Connection& db, PartnershipId id, const PartnershipRules& rules) {
    auto& q = db.cached(
        "INSERT INTO partnership_rules(partnership_id, reviews_json, governance_json, learning_json, registers_json, sign_in_json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (partnership_id) DO UPDATE SET reviews_json = ?2, governance_json = ?3, "
        "learning_json = ?4, registers_json = ?5, sign_in_json = ?6");
    q.bind(1, id.value)
        .bind(2, reviews_rows::rules_json(rules.reviews))
        .bind(3, settings_rows::governance_json(rules.governance))
        .bind(4, settings_rows::learning_json(rules.learning))
        .bind(5, settings_rows::registers_json(rules.registers))
        .bind(6, settings_rows::sign_in_json(rules.sign_in))
        .run();
}

}  // namespace

std::optional<Partnership> SqlPartnerships::find(PartnershipId id) {
    auto& q = db_.cached(std::string(kPartnershipColumns) + "WHERE id = ?");
    q.bind(1, id.value);
    if (!q.step()) return std::nullopt;
    return read_partnership(q);
}

std::optional<Partnership> SqlPartnerships::find_by_slug(const std::string& slug) {
    auto& q = db_.cached(std::string(kPartnershipColumns) + "WHERE slug = ?");
    q.bind(1, slug);
    if (!q.step()) return std::nullopt;
    return read_partnership(q);
}

std::vector<Partnership> SqlPartnerships::list() {
    auto& q = db_.cached(std::string(kPartnershipColumns) + "ORDER BY lower(name), id");
    std::vector<Partnership> out;
    while (q.step()) out.push_back(read_partnership(q));
    return out;
}

PartnershipId SqlPartnerships::insert(const Partnership& p, const PartnershipRules& rules) {
    auto& q = db_.cached("INSERT INTO partnerships(slug, name, area, logo_text) VALUES (?, ?, ?, ?)");
    q.bind(1, p.slug).bind(2, p.name).bind(3, p.area).bind(4, p.logo_text).run();
    const PartnershipId id{db_.last_insert_id()};
    write_rules(db_, id, rules);
    return id;
}

bool SqlPartnerships::update(const Partnership& p, const PartnershipRules& rules) {
    auto& q = db_.cached(
        "UPDATE partnerships SET name = ?, area = ?, logo_text = ?, version = version + 1 WHERE id = ? AND version = ?");
    q.bind(1, p.name).bind(2, p.area).bind(3, p.logo_text).bind(4, p.id.value).bind(5, p.version).run();
    if (db_.changes() != 1) return false;
    write_rules(db_, p.id, rules);
    return true;
}

std::optional<PartnershipRules> SqlPartnerships::rules(PartnershipId id) {
    auto& q = db_.cached("SELECT reviews_json, governance_json, learning_json, registers_json, sign_in_json "
                         "FROM partnership_rules WHERE partnership_id = ?");
    q.bind(1, id.value);
    if (!q.step()) return std::nullopt;
    return PartnershipRules{reviews_rows::rules_from(q.text(0), "partnership_rules", "reviews_json"),
                            settings_rows::governance_from(q.text(1)), settings_rows::learning_from(q.text(2)),
                            settings_rows::registers_from(q.text(3)), settings_rows::sign_in_from(q.text(4))};
}

bool SqlPartnerships::adopt_rules(PartnershipId id, const PartnershipRules& rules) {
    if (this->rules(id)) return false;
    write_rules(db_, id, rules);
    return true;
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

Page<Agency> SqlAgencies::query(const AgencyQuery& query) {
    // Answered from the index agencies_by_partnership_name (partnership_id, lower(name), id).
    auto& q = db_.cached(std::string("SELECT ") + kAgencyFields + ", lower(name) FROM agencies "
                         "WHERE partnership_id = ?1 AND (?2 = '' OR kind = ?2) AND (active = ?3 OR ?3 = 2) "
                         "AND (?4 = '' OR " + contains("name", "?4") + ") "
                         "AND (lower(name), id) > (?5, ?6) ORDER BY lower(name), id LIMIT ?7");
    const NameKey after = name_key(query.page);
    q.bind(1, query.partnership.value)
        .bind(2, query.kind ? agency_kind_key(*query.kind) : std::string_view(""))  // not {}: a null view binds NULL
        .bind(3, active_filter(query.active))
        .bind(4, like_literal(query.text))
        .bind(5, after.name)
        .bind(6, after.id)
        .bind(7, query.page.limit + 1);
    return name_page<Agency>(q, query.page.limit, 10, read_agency);
}

std::map<AgencyId, std::string> SqlAgencies::names(PartnershipId partnership, const std::vector<AgencyId>& ids) {
    return names_of(db_, "agencies", partnership, ids);
}

std::vector<Agency> SqlAgencies::linked(AgencyId agency) {
    // Found by agency_links_from / agency_links_to; a proposal (no agency there yet) never joins.
    auto& q = db_.cached(
        "SELECT a.id, a.partnership_id, a.name, a.kind, a.statutory_role, a.sector, a.active, a.version, a.chief_officer, "
        "a.organisation_code FROM agency_links l JOIN agencies a "
        "ON (l.from_agency_id = ?1 AND a.id = l.to_agency_id) OR (l.to_agency_id = ?1 AND a.id = l.from_agency_id) "
        "WHERE l.status = 'accepted' AND a.active = 1 "
        "ORDER BY a.partnership_id, a.id");
    q.bind(1, agency.value);
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

Page<Person> SqlPeople::query(const PersonQuery& query) {
    // Answered from people_by_partnership_name, or people_by_partnership_agency_name for one agency.
    auto& q = db_.cached(std::string("SELECT ") + kPersonFields + ", lower(name) FROM people "
                         "WHERE partnership_id = ?1 AND (agency_id = ?2 OR ?2 = 0) AND (active = ?3 OR ?3 = 2) "
                         "AND (?4 = '' OR " + contains("name", "?4") + " OR " + contains("email", "?4") + " OR " +
                         contains("job_title", "?4") + ") "
                         "AND (lower(name), id) > (?5, ?6) ORDER BY lower(name), id LIMIT ?7");
    const NameKey after = name_key(query.page);
    q.bind(1, query.partnership.value)
        .bind(2, query.agency ? query.agency->value : std::int64_t{0})
        .bind(3, active_filter(query.active))
        .bind(4, like_literal(query.text))
        .bind(5, after.name)
        .bind(6, after.id)
        .bind(7, query.page.limit + 1);
    return name_page<Person>(q, query.page.limit, 8, read_person);
}

std::map<PersonId, std::string> SqlPeople::names(PartnershipId partnership, const std::vector<PersonId>& ids) {
    return names_of(db_, "people", partnership, ids);
}

std::map<PersonId, AgencyId> SqlPeople::agencies_of(PartnershipId partnership, const std::vector<PersonId>& ids) {
    std::map<PersonId, AgencyId> out;
    by_ids(db_, "SELECT id, agency_id FROM people", partnership, ids, [&](const Statement& q) {
        if (!q.is_null(1)) out.emplace(PersonId{q.int64(0)}, AgencyId{q.int64(1)});
    });
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
