// API tokens: rows of digests, never the bearer values.
#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTokenColumns =
    "SELECT id, token_hash, user_id, name, created_at, expires_at, last_used_at, revoked, revoked_at FROM api_tokens ";

ApiToken read_token(const Statement& q) {
    ApiToken t;
    t.id = q.int64(0);
    t.token_hash = q.text(1);
    t.user = UserId{q.int64(2)};
    t.name = q.text(3);
    t.created_at = q.int64(4);
    t.expires_at = q.int64(5);
    t.last_used_at = q.int64(6);
    t.revoked = q.int64(7) != 0;
    t.revoked_at = q.int64(8);
    return t;
}

}  // namespace

void SqlApiTokens::insert(const ApiToken& t) {
    auto& q = db_.cached(
        "INSERT INTO api_tokens(token_hash, user_id, name, created_at, expires_at, last_used_at, revoked, revoked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, t.token_hash)
        .bind(2, t.user.value)
        .bind(3, t.name)
        .bind(4, t.created_at)
        .bind(5, t.expires_at)
        .bind(6, t.last_used_at)
        .bind(7, t.revoked)
        .bind(8, t.revoked_at)
        .run();
}

std::optional<ApiToken> SqlApiTokens::find(const std::string& token_hash) {
    auto& q = db_.cached(std::string(kTokenColumns) + "WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return read_token(q);
}

std::optional<ApiToken> SqlApiTokens::find_by_id(std::int64_t id) {
    auto& q = db_.cached(std::string(kTokenColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return read_token(q);
}

Page<ApiToken> SqlApiTokens::list_for_user(UserId user, const PageRequest& page) {
    // Newest first by id (ids grow as tokens are made); the cursor is the last id shown.
    const std::int64_t after = page.after.empty() ? 0 : cursor_number(cursor_parts(page.after, 1)[0]);
    auto& q = db_.cached(std::string(kTokenColumns) +
                         "WHERE user_id = ?1 AND (id < ?2 OR CAST(?2 AS BIGINT) = 0) ORDER BY id DESC LIMIT ?3");
    q.bind(1, user.value).bind(2, after).bind(3, page.limit + 1);
    std::vector<ApiToken> rows;
    while (q.step()) rows.push_back(read_token(q));
    return page_of(std::move(rows), page.limit, [](const ApiToken& t) { return std::vector<std::string>{std::to_string(t.id)}; });
}

int SqlApiTokens::revoke_for_user(UserId user, Instant at) {
    auto& q = db_.cached("UPDATE api_tokens SET revoked = 1, revoked_at = ? WHERE user_id = ? AND revoked = 0");
    q.bind(1, at).bind(2, user.value).run();
    return db_.changes();
}

bool SqlApiTokens::revoke(std::int64_t id, Instant at) {
    auto& q = db_.cached("UPDATE api_tokens SET revoked = 1, revoked_at = ? WHERE id = ? AND revoked = 0");
    q.bind(1, at).bind(2, id).run();
    return db_.changes() == 1;
}

void SqlApiTokens::touch(std::int64_t id, Instant at) {
    auto& q = db_.cached("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
    q.bind(1, at).bind(2, id).run();
}

}  // namespace assure::sql
