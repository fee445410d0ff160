#pragma once
// The web application: routes, security on every response, and the listening server.
#include <httplib.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "web/routes.hpp"

namespace assure::web {

struct WebConfig {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string public_dir;            // the GOV.UK Frontend assets copied by the build
    bool trust_proxy = false;          // believe X-Forwarded-Proto (behind a TLS-terminating proxy)
    std::size_t max_body_bytes = 1 << 20;
    int threads = 64;
    // Each response says how many SQL statements it ran (X-Assure-Statements): for the tests and
    // benchmarks that check a page's cost does not grow with its rows. ASSURE_COUNT_QUERIES=1.
    bool count_statements = false;
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
    void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
    void load_assets();
    void serve_asset(Ctx& ctx);

    Services& services_;
    WebConfig config_;
    httplib::Server server_;
    std::vector<Route> routes_;
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> assets_;  // path -> (type, bytes)
};

}  // namespace assure::web
