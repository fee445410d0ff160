#pragma once
// The audit trail's hash chain (docs/decisions/0012-audit-hash-chain.md): each row carries the
// hash of the row before it and its own hash over its stored fields and that previous hash, so
// a row edited, deleted or moved behind the application's back breaks the chain where it was.
#include <cstdint>
#include <string>

#include "store/sql/connection.hpp"

namespace assure::sql {

// A row of audit_log as stored: every column the row hash covers.
struct AuditRow {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    std::int64_t at = 0;
    bool actor_null = true;
    std::int64_t actor_user_id = 0;
    std::string actor_label, action, entity_type, entity_id, before_json, after_json;
    std::string prev_hash, row_hash;
};

// SHA-256, lower-case hex, over the row's canonical form: each field length-prefixed in column
// order, then the previous row's hash. Engine-independent, so a copied database still verifies.
std::string audit_row_hash(const AuditRow& row, const std::string& prev_hash);

// Migration 0013's step: gives every existing row, in id order, its place in the chain, and
// records the head. Runs inside the migration's transaction.
void chain_existing_audit_rows(Connection& db);

}  // namespace assure::sql
