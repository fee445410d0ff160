// The access log's table: who was shown which restricted records (decision 0008). Each entry's
// records are also kept one to a row in access_log_records, so "who read case 12?" is answered
// from an index rather than by searching every entry's list.
#include <algorithm>

#include "store/sql/cursor.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < text.size()) {
        const auto to = std::min(text.find(' ', from), text.size());
        out.push_back(text.substr(from, to - from));
        from = to + 1;
    }
    return out;
}

// An entry's records go in as few statements as the binary digits of their number: a list
// of 50 cases is three INSERTs of 32, 16 and 2 rows, not fifty round trips, and a connection
// prepares at most seven shapes of statement.
void insert_records(Connection& db, std::int64_t entry, const AccessEntry& e) {
    std::size_t next = 0;
    for (std::size_t rows = 64; rows > 0; rows /= 2) {
        while (e.record_ids.size() - next >= rows) {
            std::string sql = "INSERT INTO access_log_records(entry_id, partnership_id, record_type, record_id) VALUES ";
            for (std::size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
            auto& q = db.cached(sql);
            for (std::size_t i = 0; i < rows; ++i) {
                const int at = static_cast<int>(i * 4);
                q.bind(at + 1, entry).bind(at + 2, e.partnership.value).bind(at + 3, e.record_type);
                q.bind(at + 4, e.record_ids[next + i]);
            }
            q.run();
            next += rows;
        }
    }
}

}  // namespace

void SqlAccessEntries::append(const std::vector<AccessEntry>& entries) {
    for (const auto& e : entries) {
        auto& q = db_.cached(
            "INSERT INTO access_log(partnership_id, at, actor_user_id, actor_label, kind, record_type, record_ids) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, e.partnership.value).bind(2, e.at);
        if (e.actor.valid()) {
            q.bind(3, e.actor.value);
        } else {
            q.bind_null(3);
        }
        q.bind(4, e.actor_label).bind(5, access_kind_key(e.kind)).bind(6, e.record_type).bind(7, joined(e.record_ids)).run();
        insert_records(db_, db_.last_insert_id(), e);
    }
}

Page<AccessEntry> SqlAccessEntries::query(const AccessQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::int64_t after_at = 0, after_id = 0;
    if (!f.page.after.empty()) {
        const auto key = cursor_parts(f.page.after, 2);
        after_at = cursor_number(key[0]);
        after_id = cursor_number(key[1]);
    }
    auto& q = db_.cached(
        "SELECT a.id, a.partnership_id, a.at, a.actor_user_id, a.actor_label, a.kind, a.record_type, a.record_ids "
        "FROM access_log a WHERE a.partnership_id = ?1 "
        "AND (?2 = '' OR lower(a.actor_label) LIKE '%' || lower(?2) || '%') "
        "AND (?3 = '' OR a.kind = ?3) "
        "AND (?4 = '' OR EXISTS (SELECT 1 FROM access_log_records r WHERE r.partnership_id = ?1 AND r.record_id = ?4 "
        "AND (?5 = '' OR r.record_type = ?5) AND r.entry_id = a.id)) "
        "AND (?6 = 0 OR a.at >= ?6) AND (?7 = 0 OR a.at < ?7) "
        "AND (?9 = 0 OR a.at < ?8 OR (a.at = ?8 AND a.id < ?9)) "
        "ORDER BY a.at DESC, a.id DESC LIMIT ?10");
    q.bind(1, f.partnership.value).bind(2, f.actor_text).bind(3, f.kind ? access_kind_key(*f.kind) : std::string_view(""));  // "" not NULL: a default string_view has no data, which SQLite binds as NULL
    q.bind(4, f.record_id).bind(5, f.record_type);
    q.bind(6, f.from ? f.from->days() * 86400 : std::int64_t{0});
    q.bind(7, f.to ? (f.to->days() + 1) * 86400 : std::int64_t{0});
    q.bind(8, after_at).bind(9, after_id).bind(10, limit + 1);
    std::vector<AccessEntry> rows;
    while (q.step()) {
        AccessEntry e;
        e.id = q.int64(0);
        e.partnership = PartnershipId{q.int64(1)};
        e.at = q.int64(2);
        e.actor = UserId{q.is_null(3) ? 0 : q.int64(3)};
        e.actor_label = q.text(4);
        e.kind = strict_enum("access_log", "kind", q.text(5), parse_access_kind);
        e.record_type = q.text(6);
        e.record_ids = split(q.text(7));
        rows.push_back(std::move(e));
    }
    return page_of(std::move(rows), limit,
                   [](const AccessEntry& e) { return std::vector<std::string>{std::to_string(e.at), std::to_string(e.id)}; });
}

}  // namespace assure::sql
