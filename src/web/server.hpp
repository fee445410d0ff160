#pragma once
// The web application: routes, security on every response, and the listening server.
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/session_cache.hpp"
#include "core/sign_in_limits.hpp"
#include "web/http_server.hpp"
#include "web/page_cache.hpp"
#include "web/route_pattern.hpp"
#include "web/routes.hpp"

namespace assure {
struct DocumentServices;
}

namespace assure::web {

struct WebConfig {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string public_dir;            // the GOV.UK Frontend assets copied by the build
    bool trust_proxy = false;          // believe X-Forwarded-Proto (behind a TLS-terminating proxy)
    std::size_t max_body_bytes = 1 << 20;  // any body, forms included; larger ones get 413 unread
    int threads = 0;      // threads that run handlers (the database, password hashes); 0: two per core, at least 4
    int io_threads = 1;   // threads that hold connections and parse requests; 0: one per core
    int header_timeout_seconds = 10;  // a request's header must arrive within this (slow clients)
    int idle_timeout_seconds = 60;    // an idle keep-alive connection is closed after this
    // Each response says how many SQL statements it ran (X-Assure-Statements): for the tests and
    // benchmarks that check a page's cost does not grow with its rows. ASSURE_COUNT_QUERIES=1.
    bool count_statements = false;
    SignInLimits sign_in;  // failed sign-ins per address and in total, beyond the account lockout
    // Rendered pages kept by data version (web/page_cache.hpp): the bytes they may hold, and
    // where the version is read. No version source, or 0 bytes: every page is rendered afresh.
    std::size_t page_cache_bytes = 64u << 20;
    std::function<std::int64_t()> data_version;
    // Documents (docs/decisions/0022): the sniffer, scanner and folder; none: uploads refused.
    // An upload's body may be its size limit plus 1 MiB for the form around it, and is written to
    // a file in upload_dir ("": the system's temporary folder) as it arrives.
    DocumentServices* documents = nullptr;
    std::string upload_dir;
    // A dataset import (the import page, POST /api/v1/imports/{kind}) may send this many bytes,
    // written to a file in upload_dir as it arrives: a local authority's census is a few
    // megabytes, England's about 260. 0: imports are held to max_body_bytes, in memory.
    std::size_t max_import_bytes = 512u << 20;
    // Partnerships' public sites on their own host names (decision 0045): host name, lower case
    // and without a port, to the partnership's slug. A request to one of them is answered from
    // that partnership's /p/{slug} routes when it is one of its site's addresses; any other (the
    // assets, signing in) is answered as at the shared address.
    std::map<std::string, std::string, std::less<>> public_hosts;
};

class WebApp {
public:
    WebApp(Services& services, WebConfig config);
    ~WebApp();
    WebApp(const WebApp&) = delete;
    WebApp& operator=(const WebApp&) = delete;

    // Binds and serves until stop(); returns false if the address cannot be bound.
    bool listen();
    // Binds to a free loopback port (for tests); returns the port. Serve with run().
    int bind_any_port();
    void run();
    void stop();
    [[nodiscard]] bool running() const;

    [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

private:
    void add(Route route);
    void install();
    // Finds the route for the request's method and path (in the table's order) and runs it.
    void handle(httplib::Request& req, httplib::Response& res);
    // The index of the first route for the method and path, or routes_.size() if none.
    std::size_t find_route(std::string_view method, const std::string& path, httplib::Match& matches) const;
    // A request to a partnership's own host name: a path of its public site moved under
    // /p/{slug}, or (an address with the prefix) answered with a redirect to the address
    // without it. True when answered.
    bool map_public_host(std::string_view method, httplib::Request& req, httplib::Response& res) const;
    // The page or problem for a refusal whose body no handler wrote (404, 413, ...).
    static void error_body(const httplib::Request& req, httplib::Response& res);
    void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
    // Runs the route's handler, or serves the response kept for the same request at the same
    // data version and day.
    void respond(const Route& route, Ctx& ctx, std::optional<std::int64_t> data_version);
    void load_assets();
    void serve_asset(Ctx& ctx);

    Services& services_;
    WebConfig config_;
    SignInThrottle sign_in_throttle_;
    std::vector<Route> routes_;
    std::vector<RoutePattern> patterns_;  // routes_[i]'s pattern, compiled
    RouteIndex index_;                    // which of them a path could match
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<PageCache> page_cache_;  // none when switched off
    SessionCache sessions_;                   // used for reads when the data version is known
    TokenCache tokens_;                       // the same, for API tokens
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> assets_;  // path -> (type, bytes)
};

}  // namespace assure::web
