// Issue 14, item 5: people change their own password, from a page (first_sign_in_test.cpp) or,
// with an API token, here. The policy's refusals are named field by field and nothing is saved.
#include <nlohmann/json.hpp>

#include "web/harness.hpp"

namespace assure::testing {
namespace {

nlohmann::json body_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

std::string change(const std::string& current, const std::string& next, const std::string& confirm) {
    return nlohmann::json{{"current_password", current}, {"new_password", next}, {"confirm_password", confirm}}.dump();
}

TEST(AccountPasswordApi, APersonChangesTheirOwnPasswordWithATokenAndBadInputIsNamed) {
    Server server;
    httplib::Client c = server.client();
    const httplib::Headers auth{{"Authorization", "Bearer " + server.token(Role::scrutineer)}};
    Browser browser(server);
    ASSERT_TRUE(browser.sign_in(server.email(Role::scrutineer)));
    const int sign_outs = server.count_audit("user.sign_out");

    const auto wrong = c.Post("/api/v1/account/password", auth, change("not my password", "aaaaaaaaaaaa", "aaaaaaaaaaab"),
                              "application/json");
    ASSERT_EQ(wrong->status, 422) << wrong->body;
    EXPECT_EQ(wrong->get_header_value("Content-Type").rfind("application/problem+json", 0), 0u);
    std::vector<std::string> fields;
    const nlohmann::json problem = body_of(wrong);
    for (const auto& e : problem["errors"]) fields.push_back(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::vector<std::string>{"current_password", "new_password", "confirm_password"}));
    const auto mistyped = c.Post("/api/v1/account/password", auth, R"({"current_password": 1})", "application/json");
    ASSERT_EQ(mistyped->status, 422);
    EXPECT_EQ(body_of(mistyped)["errors"][0]["field"], "current_password");
    EXPECT_EQ(c.Post("/api/v1/account/password", auth, "current_password=x", "application/x-www-form-urlencoded")->status, 415);
    EXPECT_EQ(c.Post("/api/v1/account/password", change(kPassword, "orchard velvet compass", "orchard velvet compass"),
                     "application/json")->status,
              401)
        << "no token, no change";
    EXPECT_EQ(server.count_audit("user.change_password"), 0) << "nothing was saved";
    EXPECT_EQ(browser.get("/")->status, 200);

    const auto ok = c.Post("/api/v1/account/password", auth, change(kPassword, "orchard velvet compass", "orchard velvet compass"),
                           "application/json");
    ASSERT_EQ(ok->status, 204) << ok->body;
    EXPECT_EQ(server.count_audit("user.change_password"), 1);
    EXPECT_EQ(server.count_audit("user.sign_out"), sign_outs + 1) << "the session the change began is ended at once";
    EXPECT_EQ(c.Get("/api/v1/me", auth)->status, 200) << "the token stays";
    EXPECT_EQ(browser.get("/")->status, 303) << "browser sessions end";
    Browser again(server);
    EXPECT_FALSE(again.sign_in(server.email(Role::scrutineer)));
    EXPECT_TRUE(again.sign_in(server.email(Role::scrutineer), "orchard velvet compass"));
}

}  // namespace
}  // namespace assure::testing
