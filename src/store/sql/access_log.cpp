// The access log's tables: who was shown which restricted records (decision 0008). An entry
// names its records through a record set, kept once per partnership for each distinct list (the
// same people are shown the same lists again and again), and each set's records are also kept
// one to a row, so "who read case 12?" is answered from an index rather than by searching
// every entry's list.
#include <sodium.h>

#include <algorithm>
#include <map>

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

// A set is known by the digest of its type and its ids in order: "review_case\n3 2 1".
std::string digest_of(const std::string& record_type, const std::string& ids) {
    const std::string canonical = record_type + "\n" + ids;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// `count` rows go in as few statements as the binary digits of their number: fifty rows are
// three INSERTs of 32, 16 and 2, not fifty round trips, and a connection prepares at most
// seven shapes of each statement. `bind_row(statement, first placeholder, row)` binds a row.
template <class BindRow>
void insert_rows(Connection& db, const std::string& insert, int columns, std::size_t count, BindRow bind_row) {
    std::string one = "(?";
    for (int c = 1; c < columns; ++c) one += ", ?";
    one += ")";
    std::size_t next = 0;
    for (std::size_t rows = 64; rows > 0; rows /= 2) {
        while (count - next >= rows) {
            std::string sql = insert + " VALUES ";
            for (std::size_t i = 0; i < rows; ++i) sql += (i ? ", " : "") + one;
            auto& q = db.cached(sql);
            for (std::size_t i = 0; i < rows; ++i) bind_row(q, static_cast<int>(i) * columns + 1, next + i);
            q.run();
            next += rows;
        }
    }
}

// The set's id, stored with its members if it is new. Two writers storing the same new set at
// once (two servers on one PostgreSQL database) meet at the unique digest: one inserts, the other
// does nothing and then reads the id.
std::int64_t set_of(Connection& db, const AccessEntry& e) {
    const std::string ids = joined(e.record_ids);
    const std::string digest = digest_of(e.record_type, ids);
    auto& insert = db.cached(
        "INSERT INTO access_record_sets(partnership_id, record_type, digest, record_ids) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (partnership_id, digest) DO NOTHING RETURNING id");
    insert.bind(1, e.partnership.value).bind(2, e.record_type).bind(3, digest).bind(4, ids);
    if (insert.step()) {
        const std::int64_t id = insert.int64(0);
        insert.reset();
        insert_rows(db, "INSERT INTO access_record_set_members(set_id, partnership_id, record_type, record_id)", 4,
                    e.record_ids.size(), [&](Statement& q, int at, std::size_t i) {
                        q.bind(at, id).bind(at + 1, e.partnership.value).bind(at + 2, e.record_type).bind(at + 3, e.record_ids[i]);
                    });
        return id;
    }
    auto& known = db.cached("SELECT id FROM access_record_sets WHERE partnership_id = ? AND digest = ?");
    known.bind(1, e.partnership.value).bind(2, digest);
    if (!known.step()) throw std::runtime_error("access_record_sets: the set " + digest + " was neither stored nor found");
    const std::int64_t id = known.int64(0);
    known.reset();
    return id;
}

}  // namespace

void SqlAccessEntries::append(const std::vector<AccessEntry>& entries) {
    // A batch is mostly the same few lists viewed again: each distinct one is looked up once.
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> sets;
    std::vector<std::int64_t> set_ids;
    set_ids.reserve(entries.size());
    for (const auto& e : entries) {
        const auto key = std::make_pair(e.partnership.value, e.record_type + "\n" + joined(e.record_ids));
        auto it = sets.find(key);
        if (it == sets.end()) it = sets.emplace(key, set_of(db_, e)).first;
        set_ids.push_back(it->second);
    }
    insert_rows(db_, "INSERT INTO access_log(partnership_id, at, actor_user_id, actor_label, kind, set_id)", 6, entries.size(),
                [&](Statement& q, int at, std::size_t i) {
                    const AccessEntry& e = entries[i];
                    q.bind(at, e.partnership.value).bind(at + 1, e.at);
                    if (e.actor.valid()) {
                        q.bind(at + 2, e.actor.value);
                    } else {
                        q.bind_null(at + 2);
                    }
                    q.bind(at + 3, e.actor_label).bind(at + 4, access_kind_key(e.kind)).bind(at + 5, set_ids[i]);
                });
}

Page<AccessEntry> SqlAccessEntries::query(const AccessQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::int64_t after_at = 0, after_id = 0;
    if (!f.page.after.empty()) {
        const auto key = cursor_parts(f.page.after, 2);
        after_at = cursor_number(key[0]);
        after_id = cursor_number(key[1]);
    }
    // Asked about one record, the entries come from the sets that hold it (an index each way);
    // otherwise from the partnership's entries newest first.
    const std::string by_record = f.record_id.empty()
        ? "AND ?4 = '' AND (?5 = '' OR s.record_type = ?5) "
        : "AND a.set_id IN (SELECT m.set_id FROM access_record_set_members m WHERE m.partnership_id = ?1 "
          "AND m.record_id = ?4 AND (?5 = '' OR m.record_type = ?5)) ";
    auto& q = db_.cached(
        "SELECT a.id, a.partnership_id, a.at, a.actor_user_id, a.actor_label, a.kind, s.record_type, s.record_ids "
        "FROM access_log a JOIN access_record_sets s ON s.id = a.set_id WHERE a.partnership_id = ?1 "
        "AND (?2 = '' OR lower(a.actor_label) LIKE '%' || lower(?2) || '%') "
        "AND (?3 = '' OR a.kind = ?3) " + by_record +
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
