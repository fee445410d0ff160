#include <limits>

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

void SqlAudit::append(const AuditEntry& e) {
    auto& q = db_.cached(
        "INSERT INTO audit_log(partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, "
        "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.partnership.value).bind(2, e.at);
    if (e.actor.valid()) {
        q.bind(3, e.actor.value);
    } else {
        q.bind_null(3);
    }
    q.bind(4, e.actor_label).bind(5, e.action).bind(6, e.entity_type).bind(7, e.entity_id);
    q.bind(8, e.before_json).bind(9, e.after_json).run();
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
