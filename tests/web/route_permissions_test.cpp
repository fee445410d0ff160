// Walks the whole route table: every route declares a permission, and the server enforces it.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "web/areas.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;

class RouteWalk : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server = new Server(); }
    static void TearDownTestSuite() { delete server; }
    static Server* server;

    static httplib::Result call(Browser& b, const web::Route& r, const httplib::Headers& extra = {}) {
        httplib::Headers headers = extra;
        if (!b.cookie.empty()) headers.emplace("Cookie", b.cookie);
        if (r.method == "GET") return b.http.Get(r.example, headers);
        httplib::Params form{{"csrf_token", b.csrf}};
        if (r.method == "POST" && r.surface != web::Surface::api) return b.http.Post(r.example, headers, form);
        if (r.method == "POST") return b.http.Post(r.example, headers, "{}", "application/json");
        if (r.method == "PUT") return b.http.Put(r.example, headers, "{}", "application/json");
        if (r.method == "DELETE") return b.http.Delete(r.example, headers);
        return b.http.Patch(r.example, headers, "{}", "application/json");
    }
};
Server* RouteWalk::server = nullptr;

TEST_F(RouteWalk, EveryRouteHasAnExampleAndAKnownPermission) {
    const auto& routes = server->app().routes();
    ASSERT_GT(routes.size(), 20u);
    for (const auto& r : routes) {
        EXPECT_FALSE(r.example.empty()) << r.method << " " << r.pattern;
        EXPECT_NE(permission_key(r.permission), "unknown") << r.method << " " << r.pattern;
        EXPECT_TRUE(r.surface == web::Surface::asset || r.handler) << r.pattern;
    }
}

TEST_F(RouteWalk, SignedOutRequestsToProtectedRoutesAreTurnedAway) {
    for (const auto& r : server->app().routes()) {
        if (r.permission == Permission::public_access) continue;
        Browser anonymous(*server);
        auto res = call(anonymous, r);
        ASSERT_TRUE(res) << r.example;
        if (r.surface == web::Surface::api) {
            EXPECT_EQ(res->status, 401) << r.method << " " << r.example;
        } else {
            EXPECT_EQ(res->status, 303) << r.method << " " << r.example;
            EXPECT_EQ(res->get_header_value("Location").rfind("/login", 0), 0u) << r.example;
        }
    }
}

TEST_F(RouteWalk, EachRoleIsRefusedWhatItsPermissionsDoNotAllow) {
    for (const auto role : all_roles()) {
        Browser b(*server);
        ASSERT_TRUE(b.sign_in(server->email(role)));
        const httplib::Headers api{{"Authorization", "Bearer " + server->token(role)}};
        for (const auto& r : server->app().routes()) {
            if (role_allows(role, r.permission)) continue;
            auto res = call(b, r, r.surface == web::Surface::api ? api : httplib::Headers{});
            ASSERT_TRUE(res) << r.example;
            EXPECT_EQ(res->status, 403) << role_key(role) << " " << r.method << " " << r.example;
        }
    }
}

TEST_F(RouteWalk, OpenApiDocumentsEveryApiRoute) {
    const auto doc = nlohmann::json::parse(web::openapi_document());
    // Each documented path as a route pattern: every {parameter} is a numeric group but {kind}.
    std::map<std::string, nlohmann::json> documented;
    for (const auto& [path, item] : doc["paths"].items()) {
        std::string pattern;
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (path[i] != '{') {
                pattern += path[i];
                continue;
            }
            const std::size_t close = path.find('}', i);
            // {kind} names an import kind (a word), {year} a report's year, {section} its section's
            // key, {standard} an audit standard's code ("1.2"); every other parameter is a numeric id.
            const std::string name = path.substr(i, close - i + 1);
            pattern += name == "{kind}" ? R"(([a-z0-9-]+))" : name == "{code}" ? R"(([A-Za-z0-9_-]+))" : name == "{year}" ? R"((\d{4}-\d{2}))" : name == "{section}" ? R"(([a-z_]+))" : name == "{standard}" ? R"(([A-Za-z0-9.]{1,12}))" : R"((\d+))";
            i = close;
        }
        documented[pattern] = item;
    }
    for (const auto& r : server->app().routes()) {
        if (r.surface != web::Surface::api) continue;
        std::string method = r.method;
        for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
        const auto it = documented.find(r.pattern);
        EXPECT_TRUE(it != documented.end() && it->second.contains(method)) << r.method << " " << r.pattern;
    }
}
