#include "store/sql/repos.hpp"

namespace assure::sql {

// Insert-if-absent, then read back: when two servers start together, both inserts run (one
// after the other, under the write lock), the second changes nothing, and both read the first.
CaseKeyCanary SqlCaseKey::keep_first(const CaseKeyCanary& canary) {
    auto& insert = db_.cached("INSERT INTO case_key_check(id, sealed_canary, made_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING");
    insert.bind(1, canary.sealed).bind(2, canary.made_at).run();
    auto stored = find();
    if (!stored) throw Error(Error::Kind::other, "case_key_check: no row after storing one");
    return *stored;
}

std::optional<CaseKeyCanary> SqlCaseKey::find() {
    auto& q = db_.cached("SELECT sealed_canary, made_at FROM case_key_check WHERE id = 1");
    if (!q.step()) return std::nullopt;
    return CaseKeyCanary{q.text(0), q.int64(1)};
}

// Run once, on the start-up that stores the first check; the primary key's order finds the
// earliest case with details without sorting the table.
std::optional<std::string> SqlCaseKey::earliest_sealed_details() {
    auto& q = db_.cached("SELECT sealed_identities FROM review_cases WHERE sealed_identities <> '' ORDER BY id LIMIT 1");
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

}  // namespace assure::sql
