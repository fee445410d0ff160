// Cases, their events, panels, declared interests and recommendations. Lists are answered in
// SQL: need-to-know, stage, the next statutory date and the decision are columns the write
// path keeps (core's standing_of), and a page's children are loaded in one query per table.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "store/sql/cursor.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/reviews_rows.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using namespace reviews_rows;

constexpr const char* kCaseColumns =
    "SELECT c.id, c.partnership_id, c.reference, c.became_aware_on, c.record_json, c.rules_json, c.sealed_identities, "
    "c.created_at, c.version FROM review_cases c ";

// A CaseQuery's filters (?1–?7), for a page and its counts alike so they can never disagree.
// ?2 is the reader's reach: 0 every case, 1 every case their interest does not exclude them
// from, 2 only the cases whose panel they sit on or that they review (core's case_reach).
constexpr const char* kCaseWhere =
    "WHERE c.partnership_id = ?1 "
    "AND (?2 = 0 OR (NOT EXISTS (SELECT 1 FROM review_case_conflicts x "
    "WHERE x.case_id = c.id AND x.user_id = ?3 AND x.excludes = 1) "
    "AND (?2 = 1 OR c.reviewer_user_id = ?3 "
    "OR EXISTS (SELECT 1 FROM review_case_panel m WHERE m.case_id = c.id AND m.user_id = ?3)))) "
    "AND (?4 = 0 OR c.stage <> 'closed') "
    "AND (?5 = '' OR c.stage = ?5) "
    "AND (?6 = '' OR c.next_due_on < ?6) "
    "AND (?7 = '' OR lower(c.reference) LIKE '%' || lower(?7) || '%') ";

void bind_query(Statement& q, const CaseQuery& f) {
    int reach = 0;
    std::int64_t user = 0;
    if (f.visible_to && f.visible_to->reach != CaseReach::every_case) {
        reach = f.visible_to->reach == CaseReach::unless_excluded ? 1 : 2;
        user = f.visible_to->user.value;
    }
    q.bind(1, f.partnership.value).bind(2, reach).bind(3, user).bind(4, f.open_only);
    q.bind(5, f.stage ? stage_key(*f.stage) : std::string_view(""));  // "" not NULL: a default string_view has no data, which SQLite binds as NULL
    q.bind(6, f.overdue_on ? f.overdue_on->iso() : std::string());
    q.bind(7, f.reference_text);
}

void bind_date(Statement& q, int at, const std::optional<Date>& d) {
    if (d) {
        q.bind(at, d->iso());
    } else {
        q.bind_null(at);
    }
}

// The standing's eight columns, from `first` on.
constexpr const char* kStandingSet =
    "stage = ?, next_due_on = ?, decision = ?, reviewer_user_id = ?, notify_due_on = ?, notified_on = ?, "
    "rapid_review_due_on = ?, rapid_review_done_on = ?";
void bind_standing(Statement& q, int first, const CaseStanding& s) {
    q.bind(first, stage_key(s.stage));
    if (s.next_due_on) {
        q.bind(first + 1, s.next_due_on->iso());
    } else {
        q.bind_null(first + 1);
    }
    if (s.decision) {
        q.bind(first + 2, decision_key(*s.decision));
    } else {
        q.bind_null(first + 2);
    }
    if (s.reviewer.valid()) {
        q.bind(first + 3, s.reviewer.value);
    } else {
        q.bind_null(first + 3);
    }
    bind_date(q, first + 4, s.notify_due_on);
    bind_date(q, first + 5, s.notified_on);
    bind_date(q, first + 6, s.rapid_review_due_on);
    bind_date(q, first + 7, s.rapid_review_done_on);
}

// A clock's four outcomes as sums, in core's order (clock_outcome): met in time, met late,
// missed and not met by ?8 (today), still running. A clock with no due date and not met (a rapid
// review before Working Together 2018, which had none) is in none of them.
std::string clock_sums(const std::string& due, const std::string& done) {
    const auto sum = [](const std::string& when) { return "coalesce(sum(CASE WHEN " + when + " THEN 1 ELSE 0 END), 0)"; };
    return sum(done + " IS NOT NULL AND (" + due + " IS NULL OR " + done + " <= " + due + ")") + ", " +
           sum(done + " > " + due) + ", " + sum(done + " IS NULL AND " + due + " < ?8") + ", " +
           sum(done + " IS NULL AND " + due + " >= ?8");
}

ClockCounts read_clock(Statement& q, int first) {
    return {q.integer(first), q.integer(first + 1), q.integer(first + 2), q.integer(first + 3)};
}

// A page of cases mostly shares one rule set: each distinct text is parsed once per page.
class RulesOfPage {
public:
    const ReviewRules& of(std::string_view stored) {
        if (!parsed_ || stored != text_) {
            rules_ = rules_from(stored);
            text_ = stored;
            parsed_ = true;
        }
        return rules_;
    }

private:
    bool parsed_ = false;
    std::string text_;
    ReviewRules rules_;
};

Case read_case_row(const Statement& q, RulesOfPage& rules) {
    Case c;
    c.id = CaseId{q.int64(0)};
    c.partnership = PartnershipId{q.int64(1)};
    c.reference = q.text(2);
    c.became_aware_on = strict_date("review_cases", "became_aware_on", q.text(3));
    fill_record(c, q.text(4));
    c.rules = rules.of(q.text(5));
    c.sealed_identities = q.text(6);
    c.created_at = q.int64(7);
    c.version = q.integer(8);
    return c;
}

// Runs `head` + "IN (…)" + `tail` once for all the cases' ids, handing each row to `each` with
// the case it belongs to (column 0 is the case id). The list is padded to a power of two so a
// connection prepares a handful of statements, not one per page length.
void for_each_child_row(Connection& db, std::string_view head, std::string_view tail, std::vector<Case>& cases,
                        const std::function<void(Case&, const Statement&)>& each) {
    std::size_t slots = 1;
    while (slots < cases.size()) slots *= 2;
    std::string sql(head);
    sql += " IN (";
    for (std::size_t i = 0; i < slots; ++i) sql += i ? ",?" : "?";
    sql += ") ";
    sql += tail;
    auto& q = db.cached(sql);
    std::unordered_map<std::int64_t, Case*> by_id;
    for (std::size_t i = 0; i < slots; ++i) {
        q.bind(static_cast<int>(i + 1), i < cases.size() ? cases[i].id.value : std::int64_t{0});  // no case has id 0
        if (i < cases.size()) by_id[cases[i].id.value] = &cases[i];
    }
    while (q.step()) each(*by_id.at(q.int64(0)), q);
}

void load_children(Connection& db, std::vector<Case>& cases) {
    if (cases.empty()) return;
    for_each_child_row(db, "SELECT case_id, event, on_date, detail_json, recorded_at, recorded_by FROM review_events WHERE case_id",
                       "ORDER BY case_id, id", cases, [](Case& c, const Statement& q) {
                           CaseEvent e = event_from(q.text(1), q.text(2), q.text(3));
                           e.recorded_at = q.int64(4);
                           e.recorded_by = q.text(5);
                           c.events.push_back(std::move(e));
                       });
    for_each_child_row(db, "SELECT case_id, user_id, label FROM review_case_panel WHERE case_id", "ORDER BY case_id, position",
                       cases, [](Case& c, const Statement& q) { c.panel.push_back({UserId{q.int64(1)}, q.text(2)}); });
    for_each_child_row(db,
                       "SELECT case_id, user_id, user_label, declared_on, interest, panel_view, appeal, "
                       "override_by_user_id, override_by_label, override_on, override_reason "
                       "FROM review_case_conflicts WHERE case_id",
                       "ORDER BY case_id, position", cases, [](Case& c, const Statement& q) {
                           Conflict x;
                           x.user = UserId{q.int64(1)};
                           x.user_label = q.text(2);
                           x.declared_on = strict_date("review_case_conflicts", "declared_on", q.text(3));
                           x.interest = q.text(4);
                           x.panel = strict_enum("review_case_conflicts", "panel_view", q.text(5), parse_conflict_view);
                           x.appeal = strict_enum("review_case_conflicts", "appeal", q.text(6), parse_appeal);
                           if (q.int64(7) != 0) {
                               x.override_by_lead = InterestOverride{
                                   UserId{q.int64(7)}, q.text(8), strict_date("review_case_conflicts", "override_on", q.text(9)),
                                   q.text(10)};
                           }
                           c.conflicts.push_back(std::move(x));
                       });
}

// The panel and declared interests are rewritten whole: a handful of rows, changed together.
void write_children(Connection& db, const Case& c) {
    db.cached("DELETE FROM review_case_panel WHERE case_id = ?").bind(1, c.id.value).run();
    int position = 0;
    for (const auto& m : c.panel) {
        db.cached("INSERT INTO review_case_panel(case_id, user_id, label, position) VALUES (?, ?, ?, ?)")
            .bind(1, c.id.value)
            .bind(2, m.user.value)
            .bind(3, m.label)
            .bind(4, position++)
            .run();
    }
    db.cached("DELETE FROM review_case_conflicts WHERE case_id = ?").bind(1, c.id.value).run();
    position = 0;
    for (const auto& x : c.conflicts) {
        db.cached(
              "INSERT INTO review_case_conflicts(case_id, user_id, user_label, declared_on, interest, panel_view, appeal, "
              "excludes, position, override_by_user_id, override_by_label, override_on, override_reason) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, c.id.value)
            .bind(2, x.user.value)
            .bind(3, x.user_label)
            .bind(4, x.declared_on.iso())
            .bind(5, x.interest)
            .bind(6, conflict_view_key(x.panel))
            .bind(7, appeal_key(x.appeal))
            .bind(8, x.excludes())  // core's rule, stored so that need-to-know can be asked in SQL
            .bind(9, position++)
            .bind(10, x.override_by_lead ? x.override_by_lead->by.value : std::int64_t{0})
            .bind(11, x.override_by_lead ? x.override_by_lead->by_label : std::string())
            .bind(12, x.override_by_lead ? x.override_by_lead->on.iso() : std::string())
            .bind(13, x.override_by_lead ? x.override_by_lead->reason : std::string())
            .run();
    }
}

}  // namespace

Page<Case> SqlCases::list(const CaseQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::string after_date;
    std::int64_t after_id = 0;
    if (!f.page.after.empty()) {
        const auto key = cursor_parts(f.page.after, 2);
        after_date = key[0];
        after_id = cursor_number(key[1]);
    }
    auto& q = db_.cached(std::string(kCaseColumns) + kCaseWhere +
                         "AND (?8 = '' OR c.became_aware_on < ?8 OR (c.became_aware_on = ?8 AND c.id < ?9)) "
                         "ORDER BY c.became_aware_on DESC, c.id DESC LIMIT ?10");
    bind_query(q, f);
    q.bind(8, after_date).bind(9, after_id).bind(10, limit + 1);
    std::vector<Case> rows;
    RulesOfPage rules;
    while (q.step()) rows.push_back(read_case_row(q, rules));
    auto page = page_of(std::move(rows), limit,
                        [](const Case& c) { return std::vector<std::string>{c.became_aware_on.iso(), c.id.str()}; });
    load_children(db_, page.items);
    return page;
}

// A closed case has no next date (core's standing_of), so "open" needs no test of its own.
std::vector<Case> SqlCases::soonest_due(const CaseQuery& f, int limit) {
    auto& q = db_.cached(std::string(kCaseColumns) + kCaseWhere +
                         "AND c.next_due_on IS NOT NULL ORDER BY c.next_due_on, c.id LIMIT ?8");
    bind_query(q, f);
    q.bind(8, std::clamp(limit, 1, PageRequest::max_limit));
    std::vector<Case> rows;
    RulesOfPage rules;
    while (q.step()) rows.push_back(read_case_row(q, rules));
    load_children(db_, rows);
    return rows;
}

CaseCounts SqlCases::counts(const CaseQuery& f, Date today) {
    auto& q = db_.cached(
        std::string("SELECT count(*), "
                    "coalesce(sum(CASE WHEN c.stage <> 'closed' THEN 1 ELSE 0 END), 0), "
                    "coalesce(sum(CASE WHEN c.next_due_on < ?8 THEN 1 ELSE 0 END), 0), "
                    "coalesce(sum(CASE WHEN c.decision IS NOT NULL THEN 1 ELSE 0 END), 0), "
                    "coalesce(sum(CASE WHEN c.decision = 'local_review' THEN 1 ELSE 0 END), 0) "
                    "FROM review_cases c ") +
        kCaseWhere);
    bind_query(q, f);
    q.bind(8, today.iso());
    q.step();
    return {q.integer(0), q.integer(1), q.integer(2), q.integer(3), q.integer(4)};
}

// Grouped by the financial year the local authority became aware (core's timeliness_year_of:
// a date before April counts in the year that began the April before).
std::vector<TimelinessYear> SqlCases::timeliness(const CaseQuery& f, Date today) {
    static const std::string sql =
        "SELECT CAST(substr(c.became_aware_on, 1, 4) AS INTEGER) - "
        "CASE WHEN substr(c.became_aware_on, 6, 2) < '04' THEN 1 ELSE 0 END AS year, " +
        clock_sums("c.notify_due_on", "c.notified_on") + ", " + clock_sums("c.rapid_review_due_on", "c.rapid_review_done_on") +
        " FROM review_cases c " + kCaseWhere + "GROUP BY 1 ORDER BY 1";
    auto& q = db_.cached(sql);
    bind_query(q, f);
    q.bind(8, today.iso());
    std::vector<TimelinessYear> out;
    while (q.step()) out.push_back({q.integer(0), read_clock(q, 1), read_clock(q, 5)});
    return out;
}

std::optional<Case> SqlCases::find(PartnershipId partnership, CaseId id) {
    std::vector<Case> found;
    {
        auto& q = db_.cached(std::string(kCaseColumns) + "WHERE c.partnership_id = ? AND c.id = ?");
        q.bind(1, partnership.value).bind(2, id.value);
        RulesOfPage rules;
        if (q.step()) found.push_back(read_case_row(q, rules));
    }
    if (found.empty()) return std::nullopt;
    load_children(db_, found);
    return std::move(found[0]);
}

CaseId SqlCases::insert(const Case& c, const CaseStanding& standing) {
    auto& q = db_.cached(
        "INSERT INTO review_cases(partnership_id, reference, became_aware_on, record_json, rules_json, "
        "sealed_identities, created_at, stage, next_due_on, decision, reviewer_user_id, notify_due_on, notified_on, "
        "rapid_review_due_on, rapid_review_done_on, sealed_key_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.partnership.value)
        .bind(2, c.reference)
        .bind(3, c.became_aware_on.iso())
        .bind(4, record_json(c))
        .bind(5, rules_json(c.rules))
        .bind(6, c.sealed_identities)
        .bind(7, c.created_at);
    bind_standing(q, 8, standing);
    q.bind(16, c.sealed_key_id);
    q.run();
    Case stored = c;
    stored.id = CaseId{db_.last_insert_id()};
    write_children(db_, stored);
    for (const auto& e : c.events) append_event(stored.id, e);
    return stored.id;
}

bool SqlCases::update(const Case& c, const CaseStanding& standing) {
    auto& q = db_.cached(std::string("UPDATE review_cases SET record_json = ?, ") + kStandingSet +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, record_json(c));
    bind_standing(q, 2, standing);
    q.bind(10, c.id.value).bind(11, c.partnership.value).bind(12, c.version).run();
    if (db_.changes() != 1) return false;
    write_children(db_, c);
    return true;
}

void SqlCases::append_event(CaseId id, const CaseEvent& e) {
    auto& q = db_.cached(
        "INSERT INTO review_events(case_id, event, on_date, detail_json, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, id.value)
        .bind(2, event_key(e.kind))
        .bind(3, e.on.iso())
        .bind(4, event_detail_json(e))
        .bind(5, e.recorded_at)
        .bind(6, e.recorded_by)
        .run();
}

int SqlCases::count(PartnershipId partnership) {
    auto& q = db_.cached("SELECT count(*) FROM review_cases WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    q.step();
    return q.integer(0);
}

std::vector<Case> SqlCases::unsettled(int limit) {
    std::vector<Case> out;
    {
        auto& q = db_.cached(std::string(kCaseColumns) + "WHERE c.stage IS NULL ORDER BY c.id LIMIT ?");
        q.bind(1, limit);
        RulesOfPage rules;
        while (q.step()) out.push_back(read_case_row(q, rules));
    }
    load_children(db_, out);
    return out;
}

// Bookkeeping, not an edit: the version stays, and no one's change is audited.
void SqlCases::settle(const Case& c, const CaseStanding& standing) {
    auto& q = db_.cached(std::string("UPDATE review_cases SET ") + kStandingSet + " WHERE id = ?");
    bind_standing(q, 1, standing);
    q.bind(9, c.id.value).run();
    write_children(db_, c);
}

std::vector<Recommendation> SqlCases::recommendations(PartnershipId partnership, CaseId id) {
    auto& q = db_.cached(
        "SELECT id, case_id, partnership_id, number, text, agencies_json, theme, version FROM review_recommendations "
        "WHERE partnership_id = ? AND case_id = ? ORDER BY number");
    q.bind(1, partnership.value).bind(2, id.value);
    std::vector<Recommendation> out;
    while (q.step()) {
        out.push_back({RecommendationId{q.int64(0)}, CaseId{q.int64(1)}, PartnershipId{q.int64(2)}, q.integer(3), q.text(4),
                       agency_ids_from("review_recommendations", "agencies_json", q.text(5)), q.text(6), q.integer(7)});
    }
    return out;
}

RecommendationId SqlCases::add_recommendation(const Recommendation& r) {
    auto& q = db_.cached(
        "INSERT INTO review_recommendations(partnership_id, case_id, number, text, agencies_json, theme) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, r.partnership.value)
        .bind(2, r.case_id.value)
        .bind(3, r.number)
        .bind(4, r.text)
        .bind(5, agency_ids_json(r.agencies))
        .bind(6, r.theme)
        .run();
    return RecommendationId{db_.last_insert_id()};
}

}  // namespace assure::sql
