#include "store/sql/audit_chain.hpp"

#include <sodium.h>

#include <vector>

#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

void field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += ';';
}

const char* kRowColumns =
    "SELECT id, partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id, before_json, after_json, "
    "prev_hash, row_hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?";

// Rows after `after_id`, a batch at a time, so neither engine holds a cursor open across the
// updates the migration step makes, and memory stays bounded on a trail of millions.
std::vector<AuditRow> rows_after(Connection& db, std::int64_t after_id, int limit) {
    auto& q = db.cached(kRowColumns);
    q.bind(1, after_id).bind(2, limit);
    std::vector<AuditRow> rows;
    while (q.step()) {
        AuditRow r;
        r.id = q.int64(0);
        r.partnership_id = q.int64(1);
        r.at = q.int64(2);
        r.actor_null = q.is_null(3);
        r.actor_user_id = r.actor_null ? 0 : q.int64(3);
        r.actor_label = q.text(4);
        r.action = q.text(5);
        r.entity_type = q.text(6);
        r.entity_id = q.text(7);
        r.before_json = q.text(8);
        r.after_json = q.text(9);
        r.prev_hash = q.text(10);
        r.row_hash = q.text(11);
        rows.push_back(std::move(r));
    }
    q.reset();
    return rows;
}

constexpr int kBatch = 2000;

}  // namespace

std::string audit_row_hash(const AuditRow& r, const std::string& prev_hash) {
    std::string canonical = "assure.audit_log.v1;";
    field(canonical, std::to_string(r.id));
    field(canonical, std::to_string(r.partnership_id));
    field(canonical, std::to_string(r.at));
    field(canonical, r.actor_null ? std::string("-") : std::to_string(r.actor_user_id));
    field(canonical, r.actor_label);
    field(canonical, r.action);
    field(canonical, r.entity_type);
    field(canonical, r.entity_id);
    field(canonical, r.before_json);
    field(canonical, r.after_json);
    field(canonical, prev_hash);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

void chain_existing_audit_rows(Connection& db) {
    std::int64_t last_id = 0;
    std::string last_hash;
    auto& update = db.cached("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?");
    for (;;) {
        const auto rows = rows_after(db, last_id, kBatch);
        for (const auto& r : rows) {
            const auto hash = audit_row_hash(r, last_hash);
            update.bind(1, last_hash).bind(2, hash).bind(3, r.id).run();
            update.reset();
            last_id = r.id;
            last_hash = hash;
        }
        if (rows.size() < static_cast<std::size_t>(kBatch)) break;
    }
    if (last_id != 0) {  // an empty trail has no head yet: the first append makes it
        auto head = db.prepare("INSERT INTO audit_chain_head(id, last_id, last_hash) VALUES (1, ?, ?)");
        head->bind(1, last_id).bind(2, last_hash).run();
    }
    db.reset_cached();
}

AuditChainCheck SqlAudit::verify_chain(const AuditCheckpoint& from) {
    AuditChainCheck check;
    check.head = from;
    auto broken = [&](std::int64_t row, std::string problem) {
        check.intact = false;
        check.broken_row = row;
        check.problem = std::move(problem);
        return check;
    };
    if (from.id != 0) {  // the checkpoint's row must still be there, unchanged
        const auto at = rows_after(db_, from.id - 1, 1);
        if (at.empty() || at.front().id != from.id) return broken(from.id, "the checkpoint's row is missing: it was deleted");
        if (at.front().row_hash != from.hash || audit_row_hash(at.front(), at.front().prev_hash) != from.hash) {
            return broken(from.id, "the row is not the one its checkpoint recorded: it was edited");
        }
    }
    for (;;) {
        const auto rows = rows_after(db_, check.head.id, kBatch);
        for (const auto& r : rows) {
            if (r.prev_hash != check.head.hash) {
                return broken(r.id, check.head.id == 0 ? "the first row does not start the chain: rows before it were deleted"
                                                       : "it does not follow row " + std::to_string(check.head.id) +
                                                             ": rows between them were deleted, or rows were moved");
            }
            if (audit_row_hash(r, r.prev_hash) != r.row_hash) {
                return broken(r.id, "its content does not match its hash: it was edited");
            }
            check.head = AuditCheckpoint{r.id, r.row_hash};
            ++check.rows;
        }
        if (rows.size() < static_cast<std::size_t>(kBatch)) break;
    }
    // The head the database recorded with the last append: rows deleted from the end leave it
    // pointing past the last row.
    auto head = db_.prepare("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
    if (!head->step()) {
        if (check.head.id == 0) return check;  // nothing appended yet
        return broken(check.head.id, "the chain's recorded head is missing: it was deleted");
    }
    if (head->int64(0) != check.head.id || head->text(1) != check.head.hash) {
        return broken(head->int64(0), "the chain's recorded head is row " + std::to_string(head->int64(0)) +
                                           " but the trail ends at row " + std::to_string(check.head.id) +
                                           ": rows at the end were deleted, or the head was changed");
    }
    return check;
}

}  // namespace assure::sql
