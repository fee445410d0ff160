#pragma once
// A real server on a loopback port, over a fresh SQLite file, with a small directory and one
// account per role. Tests talk to it with an HTTP client, like a browser or a script would.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <thread>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "cli/runtime.hpp"
#include "crypto/sodium.hpp"
#include "ingest/libxml2_xml_reader.hpp"
#include "store/sqlite/store.hpp"
#include "web/server.hpp"

namespace assure::testing {

inline const std::string kPassword = "correct horse battery staple";

class Server {
public:
    // `tune` adjusts the server's settings (a short timeout, say) before it starts.
    explicit Server(const std::function<void(web::WebConfig&)>& tune = {})
        : path_(temp_path()), store_(path_), services_{store_, clock_, hasher_, tokens_, SessionPolicy{}, &sealer_} {
        crypto::initialise();
        services_.xml = &xml_;
        seed();
        web::WebConfig config;
        config.public_dir = ASSURE_PUBLIC_DIR;
        config.threads = 8;
        // Kept pages on, as `assure serve` runs: every HTTP test also checks that no page is
        // served from before a change it should show.
        config.data_version = [this] { return store_.data_version(); };
        if (tune) tune(config);
        app_ = std::make_unique<web::WebApp>(services_, config);
        port_ = app_->bind_any_port();
        thread_ = std::thread([this] { app_->run(); });
        for (int i = 0; i < 200 && !app_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~Server() {
        app_->stop();
        thread_.join();
        app_.reset();
        for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    }

    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_follow_location(false);
        return c;
    }
    int port() const { return port_; }
    Services& services() { return services_; }
    const web::WebApp& app() const { return *app_; }
    const std::string& path() const { return path_; }
    AgencyId council() const { return council_; }
    std::string email(Role role) const { return std::string(role_key(role)) + "@example.org"; }
    std::string token(Role role) { return create_api_token(services_, email(role), "test"); }
    UserId user_id(Role role) {
        std::optional<User> u;
        store_.read([&](Transaction& tx) { u = tx.users().find_by_email(email(role)); });
        return u->id;
    }
    std::string raw_sql_text(const std::string& sql) {  // reads one text value, for at-rest checks
        sqlite::Connection db(path_, true);
        auto q = db.prepare(sql);
        return q->step() ? q->text(0) : std::string();
    }
    void raw_sql_exec(const std::string& sql) {  // changes rows behind the server's back
        sqlite::Connection(path_).exec(sql);
    }
    int count_agencies() {
        int n = 0;
        store_.read([&](Transaction& tx) { n = static_cast<int>(tx.agencies().list(PartnershipId{1}, true).size()); });
        return n;
    }
    int count_audit(const std::string& action_prefix = "") {
        int n = 0;
        AuditFilter f;
        f.partnership = PartnershipId{1};
        f.action_prefix = action_prefix;
        store_.read([&](Transaction& tx) { n = tx.audit().count(f); });
        return n;
    }

    // Stores the access log's queued entries, then counts those of `kind` (every kind if none).
    int count_reads(std::optional<AccessKind> kind = std::nullopt) {
        store_.access_log().flush();
        AccessQuery q;
        q.partnership = PartnershipId{1};
        q.kind = kind;
        q.page.limit = PageRequest::max_limit;
        int n = 0;
        store_.read([&](Transaction& tx) { n = static_cast<int>(tx.access_entries().query(q).items.size()); });
        return n;
    }

private:
    static std::string temp_path() {
        static int n = 0;
        return (std::filesystem::temp_directory_path() /
                ("assure-web-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
            .string();
    }
    void seed() {
        PartnershipId pid;
        store_.write([&](Transaction& tx) { pid = tx.partnerships().insert({PartnershipId{}, "test", "Test SCP", "Testshire"}, PartnershipRules{}); });
        const Actor system = Actor::system(pid);
        council_ = create_agency(services_, system, {"Test Council", "statutory_partner", "local_authority",
                                                     "local_authority"}).id;
        for (const auto role : all_roles()) {
            const auto p = create_person(services_, system,
                                         {std::string(role_label(role)) + " Person", "Officer", council_.str(), email(role)});
            if (role_is_assignable(role)) {
                add_user(services_, system, {p.id.str(), std::string(role_key(role)), kPassword});
                continue;
            }
            // Only commissioning a review makes a reviewer's account (decision 0041): seeded as stored.
            store_.write([&](Transaction& tx) {
                User u;
                u.partnership = pid;
                u.person = p.id;
                u.email = email(role);
                u.display_name = p.name;
                u.role = role;
                u.password_hash = hasher_.hash(kPassword);
                tx.users().insert(u);
            });
        }
    }

    std::string path_;
    sqlite::SqliteStore store_;
    cli::SystemClock clock_;
    crypto::Argon2idHasher hasher_{1, 8u << 20};  // light settings: tests sign in often
    crypto::SodiumTokens tokens_;
    crypto::SecretboxSealer sealer_{std::string(32, 'k')};  // a fixed test key: no secret
    ingest::Libxml2XmlReader xml_;
    Services services_;
    AgencyId council_;
    std::unique_ptr<web::WebApp> app_;
    std::thread thread_;
    int port_ = 0;
};

// A signed-in browser: keeps the session cookie and the page's CSRF token.
struct Browser {
    httplib::Client http;
    std::string cookie;
    std::string csrf;

    explicit Browser(const Server& s) : http(s.client()) {}
    // A browser for a server the test started itself.
    explicit Browser(int port) : Browser("127.0.0.1", port) {}
    Browser(const std::string& host, int port) : http(host, port) { http.set_follow_location(false); }

    static std::string hidden(const std::string& html, const std::string& name) {
        std::smatch m;
        const std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
        return std::regex_search(html, m, re) ? m[1].str() : std::string();
    }
    static std::string cookie_from(const httplib::Result& r, const std::string& name) {
        for (const auto& [k, v] : r->headers) {
            if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0) return v.substr(0, v.find(';'));
        }
        return {};
    }

    httplib::Result get(const std::string& path) {
        auto r = http.Get(path, {{"Cookie", cookie}});
        if (r && r->status == 200) {
            const auto token = hidden(r->body, "csrf_token");
            if (!token.empty()) csrf = token;
        }
        return r;
    }
    httplib::Result post(const std::string& path, httplib::Params form, bool with_csrf = true) {
        if (with_csrf) form.emplace("csrf_token", csrf);
        return http.Post(path, {{"Cookie", cookie}}, form);
    }
    bool sign_in(const std::string& email, const std::string& password = kPassword) {
        auto page = http.Get("/login");
        const std::string login_cookie = cookie_from(page, "assure_login_csrf");
        const std::string token = hidden(page->body, "csrf_token");
        auto r = http.Post("/login", {{"Cookie", login_cookie}},
                           httplib::Params{{"email", email}, {"password", password}, {"csrf_token", token}});
        if (!r || r->status != 303) return false;
        cookie = cookie_from(r, "assure_session");
        get("/");
        return !cookie.empty();
    }
};

}  // namespace assure::testing
