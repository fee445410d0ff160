#include "store/sql/training_modules.hpp"

#include "store/sql/keyset.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kEnrolments = "module_enrolments";
constexpr const char* kModuleColumns = "SELECT id, partnership_id, title, provider, link, active, version FROM training_modules ";
// An enrolment with its module's title and its agency's name (the organisation as reported when
// it names no agency of the partnership), so that a page needs one statement.
constexpr const char* kEnrolmentColumns =
    "SELECT e.id, e.module_id, m.title, e.name, e.email, e.organisation, e.agency_id, COALESCE(a.name, e.organisation), e.applied_on, "
    "e.started_on, e.completed_on, lower(e.name) FROM module_enrolments e JOIN training_modules m ON m.id = e.module_id "
    "LEFT JOIN agencies a ON a.id = e.agency_id ";

OnlineModule read_module(const Statement& q) {
    OnlineModule m;
    m.id = ModuleId{q.int64(0)};
    m.partnership = PartnershipId{q.int64(1)};
    m.title = q.text(2);
    m.provider = q.text(3);
    m.link = q.text(4);
    m.active = q.int64(5) != 0;
    m.version = q.integer(6);
    return m;
}

ModuleEnrolment read_enrolment(const Statement& q) {
    ModuleEnrolment e;
    e.id = EnrolmentId{q.int64(0)};
    e.module = ModuleId{q.int64(1)};
    e.module_title = q.text(2);
    e.name = q.text(3);
    e.email = q.text(4);
    e.organisation = q.text(5);
    if (!q.is_null(6)) e.agency = AgencyId{q.int64(6)};
    e.agency_name = q.text(7);
    e.applied_on = strict_date(q, 8, kEnrolments, "applied_on");
    e.started_on = strict_optional_date(q, 9, kEnrolments, "started_on");
    e.completed_on = strict_optional_date(q, 10, kEnrolments, "completed_on");
    return e;
}

void bind_optional_date(Statement& q, int at, const std::optional<Date>& d) {
    if (d) q.bind(at, d->iso());
    else q.bind_null(at);
}

}  // namespace

std::vector<OnlineModule> SqlModules::list(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kModuleColumns) + "WHERE partnership_id = ? ORDER BY lower(title), id");
    q.bind(1, partnership.value);
    std::vector<OnlineModule> out;
    while (q.step()) out.push_back(read_module(q));
    return out;
}

std::optional<OnlineModule> SqlModules::find(PartnershipId partnership, ModuleId id) {
    auto& q = db_.cached(std::string(kModuleColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    auto m = read_module(q);
    q.reset();
    return m;
}

std::optional<ModuleId> SqlModules::add(const OnlineModule& m) {
    auto& q = db_.cached("INSERT INTO training_modules(partnership_id, title, provider, link, active, version) VALUES (?, ?, ?, ?, ?, 1) "
                         "ON CONFLICT DO NOTHING");
    q.bind(1, m.partnership.value).bind(2, m.title).bind(3, m.provider).bind(4, m.link).bind(5, m.active).run();
    if (db_.changes() != 1) return std::nullopt;
    return ModuleId{db_.last_insert_id()};
}

bool SqlModules::save(const OnlineModule& m, int expected_version) {
    auto& q = db_.cached("UPDATE training_modules SET title = ?, provider = ?, link = ?, active = ?, version = version + 1 "
                         "WHERE partnership_id = ? AND id = ? AND version = ?");
    q.bind(1, m.title).bind(2, m.provider).bind(3, m.link).bind(4, m.active).bind(5, m.partnership.value).bind(6, m.id.value).bind(7, expected_version);
    q.run();
    return db_.changes() == 1;
}

ModuleRepo::Put SqlModules::put_enrolment(PartnershipId partnership, const ModuleEnrolment& e) {
    // The row alone, locked on PostgreSQL until the import commits (no join: an outer join's
    // nullable side cannot be locked).
    auto& found = db_.cached("SELECT id, name, organisation, agency_id, applied_on, started_on, completed_on FROM module_enrolments "
                             "WHERE partnership_id = ? AND module_id = ? AND email = ?" + std::string(db_.lock_rows_clause()));
    found.bind(1, partnership.value).bind(2, e.module.value).bind(3, e.email);
    std::optional<ModuleEnrolment> was;
    if (found.step()) {
        ModuleEnrolment w;
        w.id = EnrolmentId{found.int64(0)};
        w.name = found.text(1);
        w.organisation = found.text(2);
        if (!found.is_null(3)) w.agency = AgencyId{found.int64(3)};
        w.applied_on = strict_date(found, 4, kEnrolments, "applied_on");
        w.started_on = strict_optional_date(found, 5, kEnrolments, "started_on");
        w.completed_on = strict_optional_date(found, 6, kEnrolments, "completed_on");
        was = std::move(w);
    }
    found.reset();
    auto bind_fields = [&](Statement& q) {
        q.bind(1, e.name).bind(2, e.organisation);
        if (e.agency.valid()) q.bind(3, e.agency.value);
        else q.bind_null(3);
        q.bind(4, e.applied_on.iso());
        bind_optional_date(q, 5, e.started_on);
        bind_optional_date(q, 6, e.completed_on);
    };
    if (!was) {
        auto& q = db_.cached("INSERT INTO module_enrolments(name, organisation, agency_id, applied_on, started_on, completed_on, partnership_id, "
                             "module_id, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_fields(q);
        q.bind(7, partnership.value).bind(8, e.module.value).bind(9, e.email).run();
        return Put::added;
    }
    if (was->name == e.name && was->organisation == e.organisation && was->agency == e.agency && was->applied_on == e.applied_on &&
        was->started_on == e.started_on && was->completed_on == e.completed_on) {
        return Put::unchanged;
    }
    auto& q = db_.cached("UPDATE module_enrolments SET name = ?, organisation = ?, agency_id = ?, applied_on = ?, started_on = ?, completed_on = ? "
                         "WHERE id = ?");
    bind_fields(q);
    q.bind(7, was->id.value).run();
    return Put::updated;
}

std::vector<ModuleEnrolment> SqlModules::applied_between(PartnershipId partnership, Date from, Date to, std::optional<ModuleId> module) {
    // 0 for every module: ids start at 1.
    auto& q = db_.cached(std::string(kEnrolmentColumns) +
                         "WHERE e.partnership_id = ? AND e.applied_on >= ? AND e.applied_on <= ? AND (? = 0 OR e.module_id = ?) ORDER BY e.id");
    const std::int64_t only = module ? module->value : 0;
    q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso()).bind(4, only).bind(5, only);
    std::vector<ModuleEnrolment> out;
    while (q.step()) out.push_back(read_enrolment(q));
    return out;
}

Page<ModuleEnrolment> SqlModules::enrolments(PartnershipId partnership, ModuleId module, const PageRequest& page) {
    auto& q = db_.cached(std::string(kEnrolmentColumns) +
                         "WHERE e.partnership_id = ?1 AND e.module_id = ?2 AND (lower(e.name), e.id) > (?3, ?4) ORDER BY lower(e.name), e.id LIMIT ?5");
    const NameKey after = name_key(page);
    q.bind(1, partnership.value).bind(2, module.value).bind(3, after.name).bind(4, after.id).bind(5, page.limit + 1);
    return name_page<ModuleEnrolment>(q, page.limit, 11, read_enrolment);
}

}  // namespace assure::sql
