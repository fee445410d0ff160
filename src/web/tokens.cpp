// Pages for API tokens: each person sees and revokes their own; an administrator does the same
// for the accounts of their own partnership. Tokens are made by `assure token create`.
#include "app/access.hpp"
#include "app/tokens.hpp"
#include "core/date_words.hpp"
#include "web/areas.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

std::string day(Instant at) { return date_in_words(london_date(at)); }

// Where one account's tokens live: the person's own page, or the administrator's page of them.
struct TokenPages {
    std::string base;     // "/account/tokens" or "/users/7/tokens"
    std::string heading;  // "Your API tokens" or "Ann Smith's API tokens"
    std::string nav;
};

TokenPages own_pages() { return {"/account/tokens", "Your API tokens", ""}; }

TokenPages user_pages(const User& u) {
    return {"/users/" + u.id.str() + "/tokens", u.display_name + "'s API tokens", "users"};
}

Data token_row(const ApiToken& t, Instant now) {
    const TokenState state = token_state(t, now);
    Data row;
    row.set("id", std::to_string(t.id));
    row.set("name", t.name);
    row.set("created", day(t.created_at));
    row.set("expires", day(t.expires_at));
    row.set("last_used", t.last_used_at == 0 ? std::string("Never") : day(t.last_used_at));
    row.set("state", std::string(token_state_label(state)));
    row.set("live", flag(state == TokenState::live));
    row.set("revoked", flag(state == TokenState::revoked));
    return row;
}

void token_list(Ctx& ctx, Services& s, const TokenPages& where, const PageRequest& request, const Page<ApiToken>& found,
                bool own) {
    Data rows{Data::type::list};
    for (const auto& t : found.items) rows.push_back(token_row(t, s.clock.now()));
    Data data;
    data.set("tokens", rows);
    data.set("any", flag(!found.items.empty()));
    data.set("base", where.base);
    data.set("title", where.heading);
    data.set("own", flag(own));
    data.set("revoked_notice", flag(ctx.query("revoked") == "1"));
    data.set("pagination_html", pagination(where.base, request, found.next));
    page(ctx, "tokens/list", data, PageOptions{where.heading, where.nav});
}

void confirm_revoke(Ctx& ctx, const TokenPages& where, const ApiToken& t, const FieldErrors& errors, int status) {
    Data data;
    data.set("base", where.base);
    data.set("id", std::to_string(t.id));
    data.set("name", t.name);
    data.set("expires", day(t.expires_at));
    data.set("title", "Revoke the API token " + t.name + "?");
    page(ctx, "tokens/revoke", data, PageOptions{"Revoke the API token " + t.name + "?", where.nav, errors, status});
}

// A token already revoked is shown the confirmation again with the reason, and nothing changes.
template <class Revoke, class Reload>
void revoke_then_list(Ctx& ctx, const TokenPages& where, Revoke revoke, Reload reload) {
    try {
        revoke();
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        confirm_revoke(ctx, where, reload(), f.fields(), 422);
        return;
    }
    redirect(ctx, where.base + "?revoked=1");
}

}  // namespace

void add_token_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/account/tokens", Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) {
                          const PageRequest request = page_request(ctx);
                          token_list(ctx, s, own_pages(), request, list_own_tokens(s, ctx.who(), request), true);
                      },
                      "/account/tokens"});
    routes.push_back({"GET", R"(/account/tokens/(\d+)/revoke)", Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) { confirm_revoke(ctx, own_pages(), get_own_token(s, ctx.who(), ctx.path_id()), {}, 200); },
                      "/account/tokens/1/revoke"});
    routes.push_back({"POST", R"(/account/tokens/(\d+)/revoke)", Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::int64_t id = ctx.path_id();
                          revoke_then_list(
                              ctx, own_pages(), [&] { revoke_own_token(s, ctx.who(), id); },
                              [&] { return get_own_token(s, ctx.who(), id); });
                      },
                      "/account/tokens/1/revoke"});
    routes.push_back({"GET", R"(/users/(\d+)/tokens)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const PageRequest request = page_request(ctx);
                          const UserTokens found = list_user_tokens(s, ctx.who(), UserId{ctx.path_id()}, request);
                          token_list(ctx, s, user_pages(found.user), request, found.tokens, false);
                      },
                      "/users/1/tokens"});
    routes.push_back({"GET", R"(/users/(\d+)/tokens/(\d+)/revoke)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const UserId user{ctx.path_id()};
                          const ApiToken t = get_user_token(s, ctx.who(), user, ctx.path_id(2));
                          confirm_revoke(ctx, user_pages(get_user(s, ctx.who(), user)), t, {}, 200);
                      },
                      "/users/1/tokens/1/revoke"});
    routes.push_back({"POST", R"(/users/(\d+)/tokens/(\d+)/revoke)", Permission::manage_users, Surface::page,
                      [&s](Ctx& ctx) {
                          const UserId user{ctx.path_id()};
                          const std::int64_t id = ctx.path_id(2);
                          const TokenPages where = user_pages(get_user(s, ctx.who(), user));
                          revoke_then_list(
                              ctx, where, [&] { revoke_user_token(s, ctx.who(), user, id); },
                              [&] { return get_user_token(s, ctx.who(), user, id); });
                      },
                      "/users/1/tokens/1/revoke"});
}

}  // namespace assure::web
