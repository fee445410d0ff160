#include <algorithm>
#include <limits>

#include "store/sql/audit_chain.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/text_search.hpp"

namespace assure::sql {
namespace {

// One WHERE clause for both the page and its count, so they can never disagree.
const std::string& audit_where() {
    static const std::string where =
        "WHERE partnership_id = ?1 AND (?2 = '' OR entity_type = ?2) "
        "AND (?3 = '' OR substr(action, 1, length(?3)) = ?3) "
        "AND (?4 = '' OR " + contains("actor_label", "?4") + ") "
        // The column first, so PostgreSQL takes the parameter to be a BIGINT like `at`.
        "AND (at >= ?5 OR ?5 = 0) AND (at < ?6 OR ?6 = 0) ";
    return where;
}

void bind_filter(Statement& q, const AuditFilter& f) {
    q.bind(1, f.partnership.value).bind(2, f.entity_type).bind(3, f.action_prefix).bind(4, like_literal(f.actor_text));
    // The days a person picks are days on England's clocks, as the page shows each row's time.
    q.bind(5, f.from ? london_midnight(*f.from) : Instant{0});
    q.bind(6, f.to ? london_midnight(Date::from_days(f.to->days() + 1)) : Instant{0});
}

}  // namespace

// Each row joins the hash chain. Writers are serialised (SQLite's BEGIN IMMEDIATE; on
// PostgreSQL the advisory write lock every write transaction takes first), so two appends can
// never chain onto one head. The head row is made by the first append.
void SqlAudit::append(const AuditEntry& e) {
    auto& head = db_.cached(
        "SELECT (SELECT last_hash FROM audit_chain_head WHERE id = 1), (SELECT coalesce(max(id), 0) FROM audit_log), "
        "(SELECT last_id FROM audit_chain_head WHERE id = 1)");
    head.step();
    AuditRow row;
    row.prev_hash = head.is_null(0) ? std::string() : head.text(0);
    // Past both the last row and the head, so an id cut from the end is never given again and
    // the gap stays where it was made.
    row.id = std::max(head.int64(1), head.is_null(2) ? 0 : head.int64(2)) + 1;
    head.reset();
    row.partnership_id = e.partnership.value;
    row.at = e.at;
    row.actor_null = !e.actor.valid();
    row.actor_user_id = row.actor_null ? 0 : e.actor.value;
    row.actor_label = e.actor_label;
    row.action = e.action;
    row.entity_type = e.entity_type;
    row.entity_id = e.entity_id;
    row.before_json = e.before_json;
    row.after_json = e.after_json;
    row.row_hash = audit_row_hash(row, row.prev_hash);

    auto& q = db_.cached(
        "INSERT INTO audit_log(id, partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, "
        "before_json, after_json, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, row.id).bind(2, row.partnership_id).bind(3, row.at);
    if (row.actor_null) {
        q.bind_null(4);
    } else {
        q.bind(4, row.actor_user_id);
    }
    q.bind(5, row.actor_label).bind(6, row.action).bind(7, row.entity_type).bind(8, row.entity_id);
    q.bind(9, row.before_json).bind(10, row.after_json).bind(11, row.prev_hash).bind(12, row.row_hash).run();
    auto& advance = db_.cached(
        "INSERT INTO audit_chain_head(id, last_id, last_hash) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash");
    advance.bind(1, row.id).bind(2, row.row_hash).run();
}

Page<AuditEntry> SqlAudit::query(const AuditFilter& f, const PageRequest& page) {
    // Newest first, so the next page holds the entries before the cursor's (at, id); the first
    // page starts before the largest key there can be. The index audit_by_partnership_time
    // (partnership_id, at DESC, id DESC) answers it without sorting.
    auto& q = db_.cached(
        "SELECT id, partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, "
        "before_json, after_json FROM audit_log " +
        audit_where() + "AND (at < ?7 OR (at = ?7 AND id < ?8)) ORDER BY at DESC, id DESC LIMIT ?9");
    bind_filter(q, f);
    std::int64_t at = std::numeric_limits<std::int64_t>::max(), id = at;
    if (!page.after.empty()) {
        const auto key = cursor_parts(page.after, 2);
        at = cursor_number(key[0]);
        id = cursor_number(key[1]);
    }
    q.bind(7, at).bind(8, id).bind(9, page.limit + 1);
    std::vector<AuditEntry> rows;
    while (q.step()) {
        AuditEntry e;
        e.id = q.int64(0);
        e.partnership = PartnershipId{q.int64(1)};
        e.at = q.int64(2);
        e.actor = UserId{q.is_null(3) ? 0 : q.int64(3)};
        e.actor_label = q.text(4);
        e.action = q.text(5);
        e.entity_type = q.text(6);
        e.entity_id = q.text(7);
        e.before_json = q.text(8);
        e.after_json = q.text(9);
        rows.push_back(std::move(e));
    }
    return page_of(std::move(rows), page.limit, [](const AuditEntry& e) {
        return std::vector<std::string>{std::to_string(e.at), std::to_string(e.id)};
    });
}

int SqlAudit::count(const AuditFilter& f) {
    auto& q = db_.cached("SELECT count(*) FROM audit_log " + audit_where());
    bind_filter(q, f);
    q.step();
    return q.integer(0);
}

int SqlAudit::count_up_to(const AuditFilter& f, int at_most) {
    auto& q = db_.cached("SELECT count(*) FROM (SELECT 1 FROM audit_log " + audit_where() + "LIMIT ?7) AS matched");
    bind_filter(q, f);
    q.bind(7, std::int64_t{at_most});
    q.step();
    return q.integer(0);
}

}  // namespace assure::sql
