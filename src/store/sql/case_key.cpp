#include "store/sql/repos.hpp"

namespace assure::sql {

// Insert-if-absent, then read back: when two servers start together, both inserts run (one
// after the other, under the write lock), the second changes nothing, and both read the first.
CaseKeyCanary SqlCaseKey::keep_first(const CaseKeyCanary& canary) {
    auto& insert = db_.cached(
        "INSERT INTO case_key_check(id, sealed_canary, made_at, key_id, sealed_digest_key) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING");
    insert.bind(1, canary.sealed).bind(2, canary.made_at).bind(3, canary.key_id).bind(4, canary.sealed_digest_key).run();
    auto stored = find();
    if (!stored) throw Error(Error::Kind::other, "case_key_check: no row after storing one");
    return *stored;
}

std::optional<CaseKeyCanary> SqlCaseKey::find() {
    auto& q = db_.cached("SELECT sealed_canary, made_at, key_id, sealed_digest_key FROM case_key_check WHERE id = 1");
    if (!q.step()) return std::nullopt;
    return CaseKeyCanary{q.text(0), q.int64(1), q.text(2), q.text(3)};
}

// Run once, on the start-up that stores the first check; the primary key's order finds the
// earliest case with details without sorting the table.
std::optional<std::string> SqlCaseKey::earliest_sealed_details() {
    auto& q = db_.cached("SELECT sealed_identities FROM review_cases WHERE sealed_identities <> '' ORDER BY id LIMIT 1");
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

std::vector<KeyIdCount> SqlCaseKey::sealed_by_key() {
    auto& q = db_.cached(
        "SELECT sealed_key_id, count(*) FROM review_cases WHERE sealed_identities <> '' GROUP BY sealed_key_id "
        "ORDER BY sealed_key_id");
    std::vector<KeyIdCount> out;
    while (q.step()) out.push_back({q.text(0), static_cast<int>(q.int64(1))});
    return out;
}

std::vector<SealedDetails> SqlCaseKey::sealed_after(CaseId after, int limit) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, reference, sealed_identities, sealed_key_id FROM review_cases "
        "WHERE sealed_identities <> '' AND id > ? ORDER BY id LIMIT ?");
    q.bind(1, after.value).bind(2, limit);
    std::vector<SealedDetails> out;
    while (q.step()) out.push_back({CaseId{q.int64(0)}, PartnershipId{q.int64(1)}, q.text(2), q.text(3), q.text(4)});
    return out;
}

// Not a change to the case (its version and record stay): the same details, locked anew.
void SqlCaseKey::reseal(CaseId id, const std::string& sealed, const std::string& key_id) {
    db_.cached("UPDATE review_cases SET sealed_identities = ?, sealed_key_id = ? WHERE id = ? AND sealed_identities <> ''")
        .bind(1, sealed)
        .bind(2, key_id)
        .bind(3, id.value)
        .run();
    if (db_.changes() != 1) throw Error(Error::Kind::other, "review_cases: no sealed details to reseal for case " + id.str());
}

void SqlCaseKey::replace(const CaseKeyCanary& canary) {
    db_.cached("UPDATE case_key_check SET sealed_canary = ?, made_at = ?, key_id = ?, sealed_digest_key = ? WHERE id = 1")
        .bind(1, canary.sealed)
        .bind(2, canary.made_at)
        .bind(3, canary.key_id)
        .bind(4, canary.sealed_digest_key)
        .run();
    if (db_.changes() != 1) throw Error(Error::Kind::other, "case_key_check: no check to replace");
}

}  // namespace assure::sql
