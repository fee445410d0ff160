// The registers' repository, continued: voice and scrutiny activities. Lists are keyset pages
// by (held, id) newest first of one strand, with the page's points asked for its ids in one
// statement; a year's figures are counted in SQL by kind.
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

Date activity_date(const Activity& a) { return a.held_on; }

// Each activity's points in order, for a page of activities in one statement per batch.
void fill_points(Connection& db, PartnershipId partnership, std::vector<Activity>& activities) {
    std::vector<ActivityId> ids;
    for (const auto& a : activities) ids.push_back(a.id);
    std::map<ActivityId, std::map<int, ActivityPoint>> points;
    by_ids(db, "SELECT activity_id, position, point, response, improvement_id, responded_on FROM register_activity_points", partnership, ids,
           [&](const Statement& q) {
               ActivityPoint p;
               p.point = q.text(2);
               p.response = q.text(3);
               if (!q.is_null(4)) p.action = ImprovementId{q.int64(4)};
               p.responded_on = strict_optional_date(q, 5, "register_activity_points", "responded_on");
               points[ActivityId{q.int64(0)}][q.integer(1)] = std::move(p);
           },
           "activity_id");
    for (auto& a : activities) {
        a.points.clear();
        for (auto& [position, p] : points[a.id]) a.points.push_back(std::move(p));
    }
}

void write_points(Connection& db, const Activity& a) {
    db.cached("DELETE FROM register_activity_points WHERE partnership_id = ? AND activity_id = ?")
        .bind(1, a.partnership.value)
        .bind(2, a.id.value)
        .run();
    int position = 0;
    for (const auto& p : a.points) {
        auto& q = db.cached(
            "INSERT INTO register_activity_points(partnership_id, activity_id, position, point, response, improvement_id, responded_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, a.partnership.value).bind(2, a.id.value).bind(3, ++position).bind(4, p.point).bind(5, p.response);
        if (p.action) q.bind(6, p.action->value);
        else q.bind_null(6);
        if (p.responded_on) q.bind(7, p.responded_on->iso());
        else q.bind_null(7);
        q.run();
    }
}

}  // namespace

Page<Activity> SqlRegisters::activities(const ActivityQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    const DateKey after = date_key(f.page);
    auto& q = db_.cached(std::string(kActivityColumns) +
                         "WHERE partnership_id = ?1 AND strand = ?2 "
                         "AND (?3 = '' OR held_on >= ?3) AND (?4 = '' OR held_on <= ?4) AND (?5 = '' OR kind = ?5) "
                         "AND (?6 = 0 OR answered < points) "
                         "AND (?7 = '' OR lower(title) LIKE '%' || lower(?7) || '%' ESCAPE '\\' "
                         "OR lower(led_by) LIKE '%' || lower(?7) || '%' ESCAPE '\\' "
                         "OR lower(summary) LIKE '%' || lower(?7) || '%' ESCAPE '\\') "
                         "AND (?8 = '' OR held_on < ?8 OR (held_on = ?8 AND id < ?9)) "
                         "ORDER BY held_on DESC, id DESC LIMIT ?10");
    q.bind(1, f.partnership.value)
        .bind(2, strand_key(f.strand))
        .bind(3, year_from(f.year))
        .bind(4, year_to(f.year))
        .bind(5, key_or_empty(f.kind, activity_kind_key))
        .bind(6, f.awaiting ? 1 : 0)
        .bind(7, like_literal(f.text))
        .bind(8, after.date)
        .bind(9, after.id)
        .bind(10, limit + 1);
    auto page = date_page<Activity>(q, limit, read_activity, activity_date);
    fill_points(db_, f.partnership, page.items);
    return page;
}

std::optional<Activity> SqlRegisters::find_activity(PartnershipId partnership, Strand strand, ActivityId id) {
    auto& q = db_.cached(std::string(kActivityColumns) + "WHERE partnership_id = ? AND strand = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, strand_key(strand)).bind(3, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<Activity> one{read_activity(q)};
    fill_points(db_, partnership, one);
    return one[0];
}

std::map<ActivityKind, KindCount> SqlRegisters::count_activities(PartnershipId partnership, Strand strand, FinancialYear year) {
    auto& q = db_.cached(
        "SELECT kind, count(*), sum(children_heard), sum(points), sum(answered), sum(linked) FROM register_activities "
        "WHERE partnership_id = ? AND strand = ? AND held_on >= ? AND held_on <= ? GROUP BY kind");
    q.bind(1, partnership.value).bind(2, strand_key(strand)).bind(3, year.first_day().iso()).bind(4, year.last_day().iso());
    std::map<ActivityKind, KindCount> out;
    while (q.step()) {
        KindCount& c = out[strict_enum("register_activities", "kind", q.text(0), parse_activity_kind)];
        c.activities = q.integer(1);
        c.children = q.integer(2);
        c.points = q.integer(3);
        c.answered = q.integer(4);
        c.linked = q.integer(5);
    }
    return out;
}

ActivityId SqlRegisters::insert_activity(const Activity& a) {
    auto& q = db_.cached(std::string("INSERT INTO register_activities(") + kActivityWritable + ", partnership_id, created_at) VALUES (" +
                         kActivityPlaceholders + ", ?, ?)");
    const int next = bind_activity(q, a);
    q.bind(next, a.partnership.value).bind(next + 1, a.created_at).run();
    Activity stored = a;
    stored.id = ActivityId{db_.last_insert_id()};
    write_points(db_, stored);
    return stored.id;
}

bool SqlRegisters::update_activity(const Activity& a) {
    auto& q = db_.cached(std::string("UPDATE register_activities SET ") + kActivityAssignments +
                         ", version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    const int next = bind_activity(q, a);
    q.bind(next, a.id.value).bind(next + 1, a.partnership.value).bind(next + 2, a.version).run();
    if (db_.changes() != 1) return false;
    write_points(db_, a);
    return true;
}

}  // namespace assure::sql
