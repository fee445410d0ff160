// The registers' repository, continued: the risk register and escalations. Lists are keyset
// pages by (date, id) newest first with their child rows (linked actions; agencies involved)
// asked for the page's ids in one statement; the heat map and a year's figures are counted in SQL.
#include <algorithm>

#include "store/sql/by_ids.hpp"
#include "store/sql/registers_paging.hpp"
#include "store/sql/registers_rows.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"
#include "store/sql/text_search.hpp"

namespace assure::sql {
namespace {

using namespace registers_rows;
using namespace registers_paging;

Date risk_date(const Risk& r) { return r.raised_on; }
Date escalation_date(const Escalation& e) { return *e.stage_on[0]; }

template <class T>
std::vector<decltype(T::id)> ids_of(const std::vector<T>& items) {
    std::vector<decltype(T::id)> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}

// Each risk's linked actions, for a page of risks in one statement per batch.
void fill_actions(Connection& db, PartnershipId partnership, std::vector<Risk>& risks) {
    std::map<RiskId, std::vector<ImprovementId>> actions;
    by_ids(db, "SELECT risk_id, improvement_id FROM risk_actions", partnership, ids_of(risks),
           [&](const Statement& q) { actions[RiskId{q.int64(0)}].push_back(ImprovementId{q.int64(1)}); }, "risk_id");
    for (auto& r : risks) {
        r.actions = actions[r.id];
        std::sort(r.actions.begin(), r.actions.end());
    }
}

void fill_agencies(Connection& db, PartnershipId partnership, std::vector<Escalation>& escalations) {
    std::map<EscalationId, std::vector<AgencyId>> agencies;
    by_ids(db, "SELECT escalation_id, agency_id FROM escalation_agencies", partnership, ids_of(escalations),
           [&](const Statement& q) { agencies[EscalationId{q.int64(0)}].push_back(AgencyId{q.int64(1)}); }, "escalation_id");
    for (auto& e : escalations) {
        e.agencies = agencies[e.id];
        std::sort(e.agencies.begin(), e.agencies.end());
    }
}

void write_actions(Connection& db, const Risk& r) {
    db.cached("DELETE FROM risk_actions WHERE partnership_id = ? AND risk_id = ?").bind(1, r.partnership.value).bind(2, r.id.value).run();
    for (const auto action : r.actions) {
        db.cached("INSERT INTO risk_actions(partnership_id, risk_id, improvement_id) VALUES (?, ?, ?)")
            .bind(1, r.partnership.value)
            .bind(2, r.id.value)
            .bind(3, action.value)
            .run();
    }
}

void write_agencies(Connection& db, const Escalation& e) {
    db.cached("DELETE FROM escalation_agencies WHERE partnership_id = ? AND escalation_id = ?")
        .bind(1, e.partnership.value)
        .bind(2, e.id.value)
        .run();
    for (const auto agency : e.agencies) {
        db.cached("INSERT INTO escalation_agencies(partnership_id, escalation_id, agency_id) VALUES (?, ?, ?)")
            .bind(1, e.partnership.value)
            .bind(2, e.id.value)
            .bind(3, agency.value)
            .run();
    }
}

}  // namespace

// ---- risks -------------------------------------------------------------------------------------

Page<Risk> SqlRegisters::risks(const RiskQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    const auto scores = f.score_after.value_or(std::pair<int, int>{1, kRiskScale * kRiskScale});
    auto& q = db_.cached(std::string(kRiskColumns) +
                         "WHERE partnership_id = ?1 "
                         "AND (?2 = '' OR raised_on >= ?2) AND (?3 = '' OR raised_on <= ?3) AND (?4 = '' OR status = ?4) "
                         "AND score_after >= ?5 AND score_after <= ?6 AND (owner_person_id = ?7 OR ?7 = 0) "
                         "AND (?8 = '' OR (status = 'open' AND review_on < ?8)) AND (?9 = 0 OR escalated_on IS NOT NULL) "
                         "AND (?10 = '' OR lower(title) LIKE '%' || lower(?10) || '%' ESCAPE '\\' "
                         "OR lower(cause) LIKE '%' || lower(?10) || '%' ESCAPE '\\' "
                         "OR lower(effect) LIKE '%' || lower(?10) || '%' ESCAPE '\\') "
                         "AND (?11 = '' OR raised_on < ?11 OR (raised_on = ?11 AND id < ?12)) "
                         "AND (?14 = '' OR indicator_code = ?14) "
                         "ORDER BY raised_on DESC, id DESC LIMIT ?13");
    q.bind(1, f.partnership.value)
        .bind(2, year_from(f.year))
        .bind(3, year_to(f.year))
        .bind(4, key_or_empty(f.status, risk_status_key))
        .bind(5, scores.first)
        .bind(6, scores.second)
        .bind(7, f.owner ? f.owner->value : 0)
        .bind(8, f.review_overdue_on ? f.review_overdue_on->iso() : std::string())
        .bind(9, f.escalated ? 1 : 0)
        .bind(10, like_literal(f.text))
        .bind(11, after.date)
        .bind(12, after.id)
        .bind(13, limit + 1)
        .bind(14, f.indicator);
    auto page = date_page<Risk>(q, limit, read_risk, risk_date);
    fill_actions(db_, f.partnership, page.items);
    return page;
}

std::optional<Risk> SqlRegisters::find_risk(PartnershipId partnership, RiskId id) {
    auto& q = db_.cached(std::string(kRiskColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<Risk> one{read_risk(q)};
    fill_actions(db_, partnership, one);
    return one[0];
}

RiskCounts SqlRegisters::count_risks(PartnershipId partnership, FinancialYear year) {
    const std::string from = year.first_day().iso(), to = year.last_day().iso();
    RiskCounts c;
    {
        auto& q = db_.cached(
            "SELECT count(CASE WHEN raised_on >= ?2 THEN 1 END), "
            "count(CASE WHEN closed_on >= ?2 AND closed_on <= ?3 THEN 1 END), "
            "count(CASE WHEN escalated_on >= ?2 AND escalated_on <= ?3 THEN 1 END), "
            "count(CASE WHEN closed_on IS NULL OR closed_on > ?3 THEN 1 END) "
            "FROM risks WHERE partnership_id = ?1 AND raised_on <= ?3");
        q.bind(1, partnership.value).bind(2, from).bind(3, to);
        q.step();
        int i = 0;
        for (int* field : {&c.raised, &c.closed, &c.escalated, &c.open_at_year_end}) *field = q.integer(i++);
    }
    // The bands of the risks open at the year's end, by their scores as last recorded.
    const auto by_score = [&](const char* sql, std::map<int, int>& out) {
        auto& q = db_.cached(sql);
        q.bind(1, partnership.value).bind(2, to);
        while (q.step()) out[q.integer(0)] = q.integer(1);
    };
    by_score("SELECT score_before, count(*) FROM risks WHERE partnership_id = ?1 AND raised_on <= ?2 "
             "AND (closed_on IS NULL OR closed_on > ?2) GROUP BY score_before",
             c.open_by_score_before);
    by_score("SELECT score_after, count(*) FROM risks WHERE partnership_id = ?1 AND raised_on <= ?2 "
             "AND (closed_on IS NULL OR closed_on > ?2) GROUP BY score_after",
             c.open_by_score_after);
    return c;
}

RiskGrid SqlRegisters::risk_grid(PartnershipId partnership, RiskBasis basis) {
    auto& q = db_.cached(basis == RiskBasis::before
                             ? "SELECT likelihood_before, impact_before, count(*) FROM risks WHERE partnership_id = ? AND status = 'open' "
                               "GROUP BY likelihood_before, impact_before"
                             : "SELECT likelihood_after, impact_after, count(*) FROM risks WHERE partnership_id = ? AND status = 'open' "
                               "GROUP BY likelihood_after, impact_after");
    q.bind(1, partnership.value);
    RiskGrid grid;
    while (q.step()) grid[{q.integer(0), q.integer(1)}] = q.integer(2);
    return grid;
}

RiskId SqlRegisters::insert_risk(const Risk& r) {
    auto& q = db_.cached(std::string("INSERT INTO risks(") + kRiskWritable + ", partnership_id, created_at) VALUES (" + kRiskPlaceholders +
                         ", ?, ?)");
    const int next = bind_risk(q, r);
    q.bind(next, r.partnership.value).bind(next + 1, r.created_at).run();
    Risk stored = r;
    stored.id = RiskId{db_.last_insert_id()};
    write_actions(db_, stored);
    return stored.id;
}

bool SqlRegisters::update_risk(const Risk& r) {
    auto& q = db_.cached(std::string("UPDATE risks SET ") + kRiskAssignments +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_risk(q, r);
    q.bind(next, r.id.value).bind(next + 1, r.partnership.value).bind(next + 2, r.version).run();
    if (db_.changes() != 1) return false;
    write_actions(db_, r);
    return true;
}

// ---- escalations --------------------------------------------------------------------------------

Page<Escalation> SqlRegisters::escalations(const EscalationQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    auto& q = db_.cached(std::string(kEscalationColumns) +
                         "WHERE partnership_id = ?1 "
                         "AND (?2 = '' OR stage1_on >= ?2) AND (?3 = '' OR stage1_on <= ?3) AND (stage = ?4 OR ?4 = 0) "
                         "AND (?5 = '' OR outcome = ?5) "
                         "AND (raised_by_agency_id = ?6 OR ?6 = 0 OR id IN (SELECT escalation_id FROM escalation_agencies "
                         "WHERE partnership_id = ?1 AND agency_id = ?6)) "
                         "AND (?7 = '' OR due_on < ?7) "
                         "AND (?8 = '' OR lower(reference) LIKE '%' || lower(?8) || '%' ESCAPE '\\' "
                         "OR lower(raised_by_role) LIKE '%' || lower(?8) || '%' ESCAPE '\\' "
                         "OR lower(concern) LIKE '%' || lower(?8) || '%' ESCAPE '\\') "
                         "AND (?9 = '' OR stage1_on < ?9 OR (stage1_on = ?9 AND id < ?10)) "
                         "ORDER BY stage1_on DESC, id DESC LIMIT ?11");
    q.bind(1, f.partnership.value)
        .bind(2, year_from(f.year))
        .bind(3, year_to(f.year))
        .bind(4, f.stage.value_or(0))
        .bind(5, key_or_empty(f.outcome, escalation_outcome_key))
        .bind(6, f.agency ? f.agency->value : 0)
        .bind(7, f.overdue_on ? f.overdue_on->iso() : std::string())
        .bind(8, like_literal(f.text))
        .bind(9, after.date)
        .bind(10, after.id)
        .bind(11, limit + 1);
    auto page = date_page<Escalation>(q, limit, read_escalation, escalation_date);
    fill_agencies(db_, f.partnership, page.items);
    return page;
}

std::optional<Escalation> SqlRegisters::find_escalation(PartnershipId partnership, EscalationId id) {
    auto& q = db_.cached(std::string(kEscalationColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<Escalation> one{read_escalation(q)};
    fill_agencies(db_, partnership, one);
    return one[0];
}

EscalationCounts SqlRegisters::count_escalations(PartnershipId partnership, FinancialYear year) {
    const std::string from = year.first_day().iso(), to = year.last_day().iso();
    EscalationCounts c;
    {
        // ?2 and ?3 are the year's first and last days. A stage counts in the year it was reached;
        // resolutions and withdrawals in the year they happened; open at 31 March.
        std::string sql = "SELECT count(*)";
        for (int k = 1; k <= kEscalationStages; ++k) {
            const std::string on = "stage" + std::to_string(k) + "_on";
            const std::string in_year = on + " >= ?2 AND " + on + " <= ?3";
            sql += ", count(CASE WHEN " + in_year + " THEN 1 END)";
            sql += ", count(CASE WHEN outcome = 'resolved' AND stage = " + std::to_string(k) + " AND closed_on >= ?2 AND closed_on <= ?3 THEN 1 END)";
            sql += ", count(CASE WHEN " + in_year + " AND stage" + std::to_string(k) + "_late = 1 THEN 1 END)";
            sql += ", count(CASE WHEN " + in_year + " AND stage" + std::to_string(k) + "_late IS NOT NULL THEN 1 END)";
        }
        sql += ", count(CASE WHEN outcome = 'withdrawn' AND closed_on >= ?2 AND closed_on <= ?3 THEN 1 END)"
               ", count(CASE WHEN closed_on IS NULL OR closed_on > ?3 THEN 1 END), count(CASE WHEN stage1_on >= ?2 THEN 1 END) "
               "FROM escalations WHERE partnership_id = ?1 AND stage1_on <= ?3";
        auto& q = db_.cached(sql);
        q.bind(1, partnership.value).bind(2, from).bind(3, to);
        q.step();
        int i = 1;  // column 0 counts every escalation raised by the year's end; not a figure
        for (std::size_t k = 0; k < kEscalationStages; ++k) {
            c.reached[k] = q.integer(i++);
            c.resolved[k] = q.integer(i++);
            c.late[k] = q.integer(i++);
            c.ended[k] = q.integer(i++);
        }
        c.withdrawn = q.integer(i++);
        c.open_at_year_end = q.integer(i++);
        c.raised = q.integer(i++);
    }
    {
        auto& q = db_.cached(
            "SELECT raised_by_agency_id, count(*) FROM escalations WHERE partnership_id = ? AND stage1_on >= ? AND stage1_on <= ? "
            "GROUP BY raised_by_agency_id");
        q.bind(1, partnership.value).bind(2, from).bind(3, to);
        while (q.step()) c.raised_by_agency[AgencyId{q.int64(0)}] = q.integer(1);
    }
    {
        auto& q = db_.cached(
            "SELECT a.agency_id, count(*) FROM escalation_agencies a JOIN escalations e ON e.id = a.escalation_id "
            "WHERE a.partnership_id = ? AND e.stage1_on >= ? AND e.stage1_on <= ? GROUP BY a.agency_id");
        q.bind(1, partnership.value).bind(2, from).bind(3, to);
        while (q.step()) c.involving_agency[AgencyId{q.int64(0)}] = q.integer(1);
    }
    return c;
}

bool SqlRegisters::escalation_reference_taken(PartnershipId partnership, const std::string& reference, EscalationId except) {
    auto& q = db_.cached("SELECT 1 FROM escalations WHERE partnership_id = ? AND reference = ? AND id <> ?");
    q.bind(1, partnership.value).bind(2, reference).bind(3, except.value);
    return q.step();
}

EscalationId SqlRegisters::insert_escalation(const Escalation& e) {
    auto& q = db_.cached(std::string("INSERT INTO escalations(") + kEscalationWritable + ", partnership_id, created_at) VALUES (" +
                         kEscalationPlaceholders + ", ?, ?)");
    const int next = bind_escalation(q, e);
    q.bind(next, e.partnership.value).bind(next + 1, e.created_at).run();
    Escalation stored = e;
    stored.id = EscalationId{db_.last_insert_id()};
    write_agencies(db_, stored);
    return stored.id;
}

bool SqlRegisters::update_escalation(const Escalation& e) {
    auto& q = db_.cached(std::string("UPDATE escalations SET ") + kEscalationAssignments +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_escalation(q, e);
    q.bind(next, e.id.value).bind(next + 1, e.partnership.value).bind(next + 2, e.version).run();
    if (db_.changes() != 1) return false;
    write_agencies(db_, e);
    return true;
}

}  // namespace assure::sql
