// The registers' repository: LADO allegations, child deaths and money. Lists are keyset pages
// in SQL; a year's figures are sums over the partnership's index, never rows loaded into C++.
// The mapping between rows and core's types is strict (registers_rows.*).
#include <algorithm>

#include "store/sql/registers_paging.hpp"
#include "store/sql/registers_rows.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"
#include "store/sql/text_search.hpp"

namespace assure::sql {
namespace {

using namespace registers_rows;
using namespace registers_paging;

Date lado_date(const LadoReferral& r) { return r.referred_on; }
Date death_date(const ChildDeath& d) { return d.died_on; }
Date finance_date(const FinanceEntry& e) { return e.on; }

}  // namespace

// ---- LADO ----------------------------------------------------------------------------------

Page<LadoReferral> SqlRegisters::lado(const LadoQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    auto& q = db_.cached(std::string(kLadoColumns) +
                         "WHERE partnership_id = ?1 "
                         "AND (?2 = '' OR referred_on >= ?2) AND (?3 = '' OR referred_on <= ?3) "
                         "AND (?4 = '' OR sector = ?4) AND (?5 = '' OR standing = ?5) AND (?6 = '' OR outcome = ?6) "
                         "AND (?7 = '' OR lower(adult_reference) LIKE '%' || lower(?7) || '%' ESCAPE '\\' "
                         "OR lower(role) LIKE '%' || lower(?7) || '%' ESCAPE '\\') "
                         "AND (?8 = '' OR referred_on < ?8 OR (referred_on = ?8 AND id < ?9)) "
                         "ORDER BY referred_on DESC, id DESC LIMIT ?10");
    q.bind(1, f.partnership.value)
        .bind(2, year_from(f.year))
        .bind(3, year_to(f.year))
        .bind(4, key_or_empty(f.sector, lado_sector_key))
        .bind(5, key_or_empty(f.standing, lado_standing_key))
        .bind(6, key_or_empty(f.outcome, lado_outcome_key))
        .bind(7, like_literal(f.text))
        .bind(8, after.date)
        .bind(9, after.id)
        .bind(10, limit + 1);
    return date_page<LadoReferral>(q, limit, read_lado, lado_date);
}

std::optional<LadoReferral> SqlRegisters::find_lado(PartnershipId partnership, LadoReferralId id) {
    auto& q = db_.cached(std::string(kLadoColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_lado(q);
}

LadoCounts SqlRegisters::count_lado(PartnershipId partnership, FinancialYear year) {
    // ?2 and ?3 are the year's first and last days. Each figure counts what it says: referrals
    // by the day referred, outcomes and timeliness by the day resolved, continuing at the year's end.
    auto& q = db_.cached(
        "SELECT count(CASE WHEN referred_on >= ?2 THEN 1 END), "
        "count(CASE WHEN referred_on >= ?2 AND standing = 'no_further_action' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND outcome = 'unfounded' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND outcome = 'unsubstantiated' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND outcome = 'malicious' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND outcome = 'false' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND outcome = 'substantiated' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND training_needs = 1 THEN 1 END), "
        "count(CASE WHEN resolved_on IS NULL OR resolved_on > ?3 THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND timeliness = 'within_one_month' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND timeliness = 'within_three_months' THEN 1 END), "
        "count(CASE WHEN resolved_on >= ?2 AND resolved_on <= ?3 AND timeliness = 'within_twelve_months' THEN 1 END), "
        "count(CASE WHEN dbs_referred_on >= ?2 AND dbs_referred_on <= ?3 THEN 1 END), "
        "count(CASE WHEN regulator_referred_on >= ?2 AND regulator_referred_on <= ?3 THEN 1 END) "
        "FROM lado_referrals WHERE partnership_id = ?1 AND referred_on <= ?3");
    q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso());
    q.step();
    LadoCounts c;
    int i = 0;
    for (int* field : {&c.referrals, &c.no_further_action, &c.unfounded, &c.unsubstantiated, &c.malicious, &c.false_allegations,
                       &c.substantiated, &c.training_needs, &c.continuing, &c.resolved, &c.within_one_month,
                       &c.within_three_months, &c.within_twelve_months, &c.dbs_referrals, &c.regulator_referrals}) {
        *field = q.integer(i++);
    }
    return c;
}

std::map<LadoSector, int> SqlRegisters::count_lado_by_sector(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached(
        "SELECT sector, count(*) FROM lado_referrals WHERE partnership_id = ? AND referred_on >= ? AND referred_on <= ? "
        "GROUP BY sector");
    q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso());
    std::map<LadoSector, int> out;
    while (q.step()) out[strict_enum("lado_referrals", "sector", q.text(0), parse_lado_sector)] = q.integer(1);
    return out;
}

LadoReferralId SqlRegisters::insert_lado(const LadoReferral& r) {
    auto& q = db_.cached(std::string("INSERT INTO lado_referrals(") + kLadoWritable + ", partnership_id, created_at) VALUES (" +
                         kLadoPlaceholders + ", ?, ?)");
    const int next = bind_lado(q, r);
    q.bind(next, r.partnership.value).bind(next + 1, r.created_at).run();
    return LadoReferralId{db_.last_insert_id()};
}

bool SqlRegisters::update_lado(const LadoReferral& r) {
    auto& q = db_.cached(std::string("UPDATE lado_referrals SET ") + kLadoAssignments +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_lado(q, r);
    q.bind(next, r.id.value).bind(next + 1, r.partnership.value).bind(next + 2, r.version).run();
    return db_.changes() == 1;
}

// ---- child deaths ----------------------------------------------------------------------------

Page<ChildDeath> SqlRegisters::child_deaths(const ChildDeathQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    auto& q = db_.cached(std::string(kDeathColumns) +
                         "WHERE partnership_id = ?1 "
                         "AND (?2 = '' OR died_on >= ?2) AND (?3 = '' OR died_on <= ?3) "
                         "AND (?4 = '' OR status = ?4) AND (?5 = '' OR category = ?5) AND (?6 = '' OR sex = ?6) "
                         "AND (?7 = '' OR lower(reference) LIKE '%' || lower(?7) || '%' ESCAPE '\\') "
                         "AND (?8 = '' OR died_on < ?8 OR (died_on = ?8 AND id < ?9)) "
                         "ORDER BY died_on DESC, id DESC LIMIT ?10");
    q.bind(1, f.partnership.value)
        .bind(2, year_from(f.year))
        .bind(3, year_to(f.year))
        .bind(4, key_or_empty(f.status, review_status_key))
        .bind(5, key_or_empty(f.category, death_category_key))
        .bind(6, key_or_empty(f.sex, sex_key))
        .bind(7, like_literal(f.text))
        .bind(8, after.date)
        .bind(9, after.id)
        .bind(10, limit + 1);
    return date_page<ChildDeath>(q, limit, read_death, death_date);
}

std::optional<ChildDeath> SqlRegisters::find_child_death(PartnershipId partnership, ChildDeathId id) {
    auto& q = db_.cached(std::string(kDeathColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_death(q);
}

namespace {

// A year's deaths counted over the partnerships `scope` selects (one partnership, or a panel's
// members), its one placeholder bound to `id`.
ChildDeathCounts count_deaths(Connection& db, const std::string& scope, std::int64_t id, FinancialYear year) {
    const std::string from = year.first_day().iso(), to = year.last_day().iso();
    const std::string where = " FROM child_deaths WHERE " + scope + " AND died_on >= ? AND died_on <= ?";
    ChildDeathCounts c;
    {
        auto& q = db.cached(
            "SELECT count(*), count(CASE WHEN sex = 'male' THEN 1 END), count(CASE WHEN sex = 'female' THEN 1 END), "
            "count(CASE WHEN sex = 'not_known' THEN 1 END), count(CASE WHEN expected = 1 THEN 1 END), "
            "count(CASE WHEN expected = 0 THEN 1 END), count(CASE WHEN status = 'under_enquiry' THEN 1 END), "
            "count(CASE WHEN status = 'complete' THEN 1 END), count(CASE WHEN modifiable = 1 THEN 1 END)" + where);
        q.bind(1, id).bind(2, from).bind(3, to);
        q.step();
        int i = 0;
        for (int* field : {&c.deaths, &c.male, &c.female, &c.sex_not_known, &c.expected, &c.unexpected, &c.under_enquiry, &c.reviewed,
                           &c.modifiable}) {
            *field = q.integer(i++);
        }
    }
    {
        auto& q = db.cached("SELECT age_band, count(*)" + where + " GROUP BY age_band");
        q.bind(1, id).bind(2, from).bind(3, to);
        while (q.step()) c.by_age[strict_enum("child_deaths", "age_band", q.text(0), parse_age_band)] = q.integer(1);
    }
    {
        auto& q = db.cached("SELECT category, count(*)" + where + " AND category IS NOT NULL GROUP BY category");
        q.bind(1, id).bind(2, from).bind(3, to);
        while (q.step()) c.by_category[strict_enum("child_deaths", "category", q.text(0), parse_death_category)] = q.integer(1);
    }
    return c;
}

}  // namespace

ChildDeathCounts SqlRegisters::count_child_deaths(PartnershipId partnership, FinancialYear year) {
    return count_deaths(db_, "partnership_id = ?", partnership.value, year);
}

ChildDeathCounts SqlRegisters::count_panel_deaths(DeathPanelId panel, FinancialYear year) {
    return count_deaths(db_, "partnership_id IN (SELECT partnership_id FROM death_panel_members WHERE panel_id = ?)", panel.value, year);
}

std::optional<DeathPanel> SqlRegisters::find_death_panel(const std::string& name) {
    auto& q = db_.cached("SELECT id, name, created_at FROM death_panels WHERE name = ?");
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    DeathPanel p;
    p.id = DeathPanelId{q.int64(0)};
    p.name = q.text(1);
    p.created_at = q.int64(2);
    auto& m = db_.cached("SELECT partnership_id FROM death_panel_members WHERE panel_id = ? ORDER BY partnership_id");
    m.bind(1, p.id.value);
    while (m.step()) p.members.push_back(PartnershipId{m.int64(0)});
    return p;
}

std::optional<DeathPanel> SqlRegisters::death_panel_of(PartnershipId partnership) {
    auto& q = db_.cached("SELECT p.name FROM death_panels p JOIN death_panel_members m ON m.panel_id = p.id WHERE m.partnership_id = ?");
    q.bind(1, partnership.value);
    if (!q.step()) return std::nullopt;
    const std::string name = q.text(0);
    return find_death_panel(name);
}

DeathPanelId SqlRegisters::put_death_panel(const DeathPanel& panel) {
    DeathPanelId id = panel.id;
    if (!id.valid()) {
        db_.cached("INSERT INTO death_panels(name, created_at) VALUES (?, ?)").bind(1, panel.name).bind(2, panel.created_at).run();
        id = DeathPanelId{db_.last_insert_id()};
    } else {
        db_.cached("UPDATE death_panels SET name = ? WHERE id = ?").bind(1, panel.name).bind(2, id.value).run();
    }
    db_.cached("DELETE FROM death_panel_members WHERE panel_id = ?").bind(1, id.value).run();
    for (const auto member : panel.members) {
        db_.cached("DELETE FROM death_panel_members WHERE partnership_id = ?").bind(1, member.value).run();
        db_.cached("INSERT INTO death_panel_members(partnership_id, panel_id) VALUES (?, ?)").bind(1, member.value).bind(2, id.value).run();
    }
    return id;
}

bool SqlRegisters::child_death_reference_taken(PartnershipId partnership, const std::string& reference, ChildDeathId except) {
    auto& q = db_.cached("SELECT 1 FROM child_deaths WHERE partnership_id = ? AND reference = ? AND id <> ?");
    q.bind(1, partnership.value).bind(2, reference).bind(3, except.value);
    return q.step();
}

ChildDeathId SqlRegisters::insert_child_death(const ChildDeath& d) {
    auto& q = db_.cached(std::string("INSERT INTO child_deaths(") + kDeathWritable + ", partnership_id, created_at) VALUES (" +
                         kDeathPlaceholders + ", ?, ?)");
    const int next = bind_death(q, d);
    q.bind(next, d.partnership.value).bind(next + 1, d.created_at).run();
    return ChildDeathId{db_.last_insert_id()};
}

bool SqlRegisters::update_child_death(const ChildDeath& d) {
    auto& q = db_.cached(std::string("UPDATE child_deaths SET ") + kDeathAssignments +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_death(q, d);
    q.bind(next, d.id.value).bind(next + 1, d.partnership.value).bind(next + 2, d.version).run();
    return db_.changes() == 1;
}

// ---- money -----------------------------------------------------------------------------------

Page<FinanceEntry> SqlRegisters::finance(const FinanceQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    auto& q = db_.cached(std::string(kFinanceColumns) +
                         "WHERE partnership_id = ?1 "
                         "AND (?2 = '' OR on_date >= ?2) AND (?3 = '' OR on_date <= ?3) "
                         "AND (?4 = '' OR kind = ?4) AND (?5 = '' OR heading = ?5) AND (?6 = '' OR basis = ?6) "
                         "AND (?7 = '' OR lower(contributor) LIKE '%' || lower(?7) || '%' ESCAPE '\\' "
                         "OR lower(description) LIKE '%' || lower(?7) || '%' ESCAPE '\\') "
                         "AND (?8 = '' OR on_date < ?8 OR (on_date = ?8 AND id < ?9)) "
                         "ORDER BY on_date DESC, id DESC LIMIT ?10");
    q.bind(1, f.partnership.value)
        .bind(2, year_from(f.year))
        .bind(3, year_to(f.year))
        .bind(4, key_or_empty(f.kind, finance_kind_key))
        .bind(5, key_or_empty(f.heading, heading_key))
        .bind(6, key_or_empty(f.basis, basis_key))
        .bind(7, like_literal(f.text))
        .bind(8, after.date)
        .bind(9, after.id)
        .bind(10, limit + 1);
    return date_page<FinanceEntry>(q, limit, read_finance, finance_date);
}

std::optional<FinanceEntry> SqlRegisters::find_finance(PartnershipId partnership, FinanceEntryId id) {
    auto& q = db_.cached(std::string(kFinanceColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_finance(q);
}

FinanceSums SqlRegisters::sum_finance(PartnershipId partnership, FinancialYear year) {
    FinanceSums s;
    {
        // Earlier years' actual entries make the balance brought forward; this year's are summed by kind.
        auto& q = db_.cached(
            "SELECT coalesce(sum(CASE WHEN year_start < ?2 AND basis = 'actual' THEN "
            "CASE WHEN kind = 'expenditure' THEN -amount_pence WHEN kind = 'in_kind' THEN 0 ELSE amount_pence END END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'actual' AND kind = 'opening_balance' THEN amount_pence END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'actual' AND kind = 'contribution' THEN amount_pence END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'actual' AND kind = 'in_kind' THEN amount_pence END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'actual' AND kind = 'expenditure' THEN amount_pence END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'projected' AND kind = 'contribution' THEN amount_pence END), 0), "
            "coalesce(sum(CASE WHEN year_start = ?2 AND basis = 'projected' AND kind = 'expenditure' THEN amount_pence END), 0) "
            "FROM finance_entries WHERE partnership_id = ?1 AND year_start <= ?2");
        q.bind(1, partnership.value).bind(2, year.start);
        q.step();
        int i = 0;
        for (std::int64_t* field : {&s.brought_forward, &s.opening, &s.contributions, &s.in_kind, &s.expenditure,
                                    &s.projected_contributions, &s.projected_expenditure}) {
            *field = q.int64(i++);
        }
    }
    {
        auto& q = db_.cached(
            "SELECT kind, contributor, sum(amount_pence) FROM finance_entries WHERE partnership_id = ? AND year_start = ? "
            "AND basis = 'actual' AND kind IN ('contribution', 'in_kind') GROUP BY kind, contributor ORDER BY kind, contributor");
        q.bind(1, partnership.value).bind(2, year.start);
        while (q.step()) {
            auto& list = q.text(0) == "in_kind" ? s.in_kind_by_contributor : s.by_contributor;
            list.emplace_back(q.text(1), q.int64(2));
        }
    }
    {
        auto& q = db_.cached(
            "SELECT heading, sum(amount_pence) FROM finance_entries WHERE partnership_id = ? AND year_start = ? "
            "AND basis = 'actual' AND kind = 'expenditure' GROUP BY heading");
        q.bind(1, partnership.value).bind(2, year.start);
        while (q.step()) s.by_heading[strict_enum("finance_entries", "heading", q.text(0), parse_heading)] = q.int64(1);
    }
    return s;
}

bool SqlRegisters::has_finance_before(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached("SELECT 1 FROM finance_entries WHERE partnership_id = ? AND year_start < ? LIMIT 1");
    q.bind(1, partnership.value).bind(2, year.start);
    return q.step();
}

FinanceEntryId SqlRegisters::insert_finance(const FinanceEntry& e) {
    auto& q = db_.cached(
        "INSERT INTO finance_entries(year_start, kind, basis, contributor, heading, amount_pence, on_date, description, reason, "
        "partnership_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const int next = bind_finance(q, e);
    q.bind(next, e.partnership.value).bind(next + 1, e.created_at).run();
    return FinanceEntryId{db_.last_insert_id()};
}

}  // namespace assure::sql
