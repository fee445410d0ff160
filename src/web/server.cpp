#include "web/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "app/access.hpp"
#include "core/text.hpp"
#include "crypto/sodium.hpp"
#include "web/areas.hpp"
#include "web/search_routes.hpp"
#include "web/documents_routes.hpp"
#include "web/print.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/public_booking.hpp"
#include "web/public_host.hpp"
#include "web/dataset_import_body.hpp"
#include "web/public_site.hpp"
#include "web/security.hpp"
#include "web/sign_in.hpp"
#include "web/two_factor_routes.hpp"
#include "web/views.hpp"
#include "store/sql/request_effects.hpp"
#include "store/sql/shared_reads.hpp"
#include "store/sql/statement_count.hpp"

namespace assure::web {
namespace {

std::string content_type_for(const std::string& path) {
    static const std::pair<const char*, const char*> types[] = {
        {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".json", "application/json"}, {".map", "application/json"}};
    for (const auto& [ext, type] : types) {
        if (path.size() >= std::strlen(ext) && path.compare(path.size() - std::strlen(ext), std::string::npos, ext) == 0) {
            return type;
        }
    }
    return "application/octet-stream";
}

std::string bearer_token(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
    return header.substr(prefix.size());
}

// The database out of reach: asked again after a short wait, a request usually succeeds, so
// the client is told when; the detail (which database, what failed) is for the log.
void note_unavailable(Ctx& ctx, const Failure& f) {
    spdlog::warn("{} {}: {} ({})", ctx.req.method, ctx.req.path, f.what(), f.detail());
    ctx.res.set_header("Retry-After", "30");
}

void page_failure(Ctx& ctx, const Failure& f) {
    switch (f.code()) {
        case FailureCode::not_found: error_page(ctx, 404); return;
        case FailureCode::forbidden: error_page(ctx, 403); return;
        case FailureCode::conflict: error_page(ctx, 409); return;
        default: break;
    }
    const char* heading = f.code() == FailureCode::unavailable ? "Sorry, the service is unavailable" : "There is a problem";
    Data data;
    data.set("heading", heading);
    data.set("body", f.what());
    page(ctx, "errors/error", data, PageOptions{heading, "", {}, status_for(f.code())});
}

// A response with an ETag (the public site's) that the client already holds: 304, no body
// (RFC 9110 §13.1.2: If-None-Match is a list of tags, or "*"; weak comparison).
void answer_not_modified(const httplib::Request& req, httplib::Response& res) {
    if (res.status != 200 || !res.has_header("ETag") || !req.has_header("If-None-Match")) return;
    const std::string tag = res.get_header_value("ETag");
    const std::string wanted = req.get_header_value("If-None-Match");
    const auto opaque = [](std::string_view t) { return t.substr(0, 2) == "W/" ? t.substr(2) : t; };
    bool match = false;
    std::size_t pos = 0;
    while (pos <= wanted.size() && !match) {
        std::size_t end = wanted.find(',', pos);
        if (end == std::string::npos) end = wanted.size();
        std::string_view one(wanted.data() + pos, end - pos);
        while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
        while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
        match = one == "*" || opaque(one) == opaque(tag);
        pos = end + 1;
    }
    if (!match) return;
    res.status = 304;
    res.body.clear();
    res.headers.erase("Content-Type");
}

// Text that is not well-formed UTF-8 can be neither stored nor shown faithfully: refused at the
// edge, before any handler, naming each field (a query parameter or a form field).
FieldErrors unreadable_fields(const httplib::Request& req) {
    FieldErrors errors;
    for (const auto& [name, value] : req.params) {
        if (is_valid_utf8(name) && is_valid_utf8(value)) continue;
        const std::string field = is_valid_utf8(name) ? name : "unnamed";
        errors.push_back({field, "What you entered in " + field + " has characters that could not be read: retype it"});
    }
    return errors;
}

void refuse_unreadable(Ctx& ctx, Surface surface, const FieldErrors& errors) {
    if (surface == Surface::api) {
        problem(ctx, 422, "Some text could not be read", "Send text as UTF-8", errors);
        return;
    }
    Data data;
    data.set("heading", "Some of what you entered could not be read");
    std::string body = "Nothing was saved. Go back and retype what you entered in: ";
    for (std::size_t i = 0; i < errors.size(); ++i) body += (i ? ", " : "") + errors[i].field;
    data.set("body", body + ".");
    page(ctx, "errors/error", data, PageOptions{"Some of what you entered could not be read", "", {}, 422});
}

}  // namespace

WebApp::WebApp(Services& services, WebConfig config)
    : services_(services), config_(std::move(config)), sign_in_throttle_(config_.sign_in) {
    if (config_.count_statements) sql::statements::counting = true;  // process-wide; never switched off
    if (config_.data_version && config_.page_cache_bytes > 0) page_cache_ = std::make_unique<PageCache>(config_.page_cache_bytes);
    load_assets();
    add_access_routes(routes_, services_);
    add_sign_in_route(routes_, services_, sign_in_throttle_, config_.trust_proxy);
    add_sign_in_code_routes(routes_, services_, sign_in_throttle_, config_.trust_proxy);
    add_two_factor_routes(routes_, services_);
    add_partnership_routes(routes_, services_);
    add_audit_routes(routes_, services_);
    add_api_routes(routes_, services_);
    add_calendar_routes(routes_, services_);
    add_reviews_routes(routes_, services_);
    add_reviews_api_routes(routes_, services_);
    add_governance_routes(routes_, services_);
    add_learning_area_routes(routes_, services_);
    add_settings_routes(routes_, services_);
    add_settings_api_routes(routes_, services_);
    add_registers_routes(routes_, services_);
    add_dataset_routes(routes_, services_);
    add_mail_routes(routes_, services_);
    add_training_routes(routes_, services_);
    add_token_routes(routes_, services_);
    add_documents_routes(routes_, services_, config_.documents);
    add_print_routes(routes_, services_, config_.documents);
    add_report_routes(routes_, services_);
    add_public_site_routes(routes_, services_, config_.documents);
    static SignInThrottle public_bookings(kPublicBookingLimits);  // one counter for the process
    add_public_booking_routes(routes_, services_, public_bookings, config_.trust_proxy);
    add_agency_link_routes(routes_, services_);
    add_password_routes(routes_, services_);
    add_email_preference_routes(routes_, services_);
    add_search_routes(routes_, services_);
    add_my_work_routes(routes_, services_);
    routes_.push_back(Route{"GET", R"(/assets/(.+))", Permission::public_access, Surface::asset, nullptr,
                            "/assets/govuk-frontend.min.css"});
    install();
}

WebApp::~WebApp() { stop(); }

void WebApp::load_assets() {
    namespace fs = std::filesystem;
    if (config_.public_dir.empty() || !fs::is_directory(config_.public_dir + "/assets")) {
        spdlog::warn("no GOV.UK Frontend assets in '{}': pages will be unstyled", config_.public_dir);
        return;
    }
    // Held in memory: a few hundred kilobytes, served without touching the disk.
    const fs::path root = fs::path(config_.public_dir) / "assets";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string rel = entry.path().lexically_relative(root).generic_string();
        assets_[rel] = {content_type_for(rel), bytes.str()};
    }
}

void WebApp::serve_asset(Ctx& ctx) {
    const std::string path = ctx.req.matches.size() > 1 ? ctx.req.matches[1].str() : std::string();
    const auto it = assets_.find(path);
    ctx.res.set_header("X-Content-Type-Options", "nosniff");
    if (it == assets_.end()) {
        ctx.res.status = 404;
        ctx.res.set_content("Not found", "text/plain");
        return;
    }
    // GOV.UK Frontend's files change only with its version, which changes only with a release of
    // Assure; a day of caching for the stable names and a year for the fingerprinted fonts.
    const bool fingerprinted = path.rfind("fonts/", 0) == 0;
    ctx.res.set_header("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=86400");
    ctx.res.set_content(it->second.second, it->second.first);
}

void WebApp::add(Route route) { routes_.push_back(std::move(route)); }

void WebApp::install() {
    for (const auto& route : routes_) {
        static const std::set<std::string, std::less<>> methods{"GET", "POST", "PATCH", "PUT", "DELETE"};
        if (!methods.contains(route.method)) throw std::logic_error("unsupported method " + route.method);
        patterns_.emplace_back(route.pattern);
        index_.add(patterns_.size() - 1, patterns_.back().prefix());
    }
    HttpOptions options;
    options.limits.max_body_bytes = config_.max_body_bytes;
    options.limits.header_timeout = std::chrono::seconds(config_.header_timeout_seconds);
    options.limits.idle_timeout = std::chrono::seconds(config_.idle_timeout_seconds);
    // Documents and dataset imports are written to files as they arrive (decision 0022): a
    // document up to its size limit and 1 MiB for the form around it, an import up to its own.
    const std::size_t documents_limit =
        config_.documents != nullptr ? static_cast<std::size_t>(config_.documents->limits.max_bytes) + (1u << 20) : 0;
    const std::size_t imports_limit = config_.max_import_bytes;
    options.limits.max_upload_bytes = std::max(documents_limit, imports_limit);
    options.limits.upload_dir = config_.upload_dir;
    options.limits.upload_limit = [documents_limit, imports_limit](std::string_view method, std::string_view path) -> std::size_t {
        if (documents_limit > 0 && is_document_upload(method, path)) return documents_limit;
        if (is_dataset_import(method, path)) return imports_limit;
        return 0;
    };
    options.io_threads = config_.io_threads;
    options.worker_threads = config_.threads;
    server_ = std::make_unique<HttpServer>([this](httplib::Request& req, httplib::Response& res) { handle(req, res); },
                                           &WebApp::error_body, options);
}

void WebApp::handle(httplib::Request& req, httplib::Response& res) {
    // HEAD is answered as GET (the server sends no body); an unknown method is a bad request,
    // a known one with no route here is not found.
    static const std::set<std::string, std::less<>> known{"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
                                                          "OPTIONS", "TRACE", "PATCH"};
    const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
    if (!config_.public_hosts.empty() && map_public_host(method, req, res)) return;
    if (const std::size_t i = find_route(method, req.path, req.matches); i < routes_.size()) return dispatch(routes_[i], req, res);
    res.status = known.contains(req.method) ? 404 : 400;
}

std::size_t WebApp::find_route(std::string_view method, const std::string& path, httplib::Match& matches) const {
    for (const std::size_t i : index_.candidates(path)) {
        if (routes_[i].method == method && patterns_[i].match(path, matches)) return i;
    }
    return routes_.size();
}

bool WebApp::map_public_host(std::string_view method, httplib::Request& req, httplib::Response& res) const {
    const std::string host = host_name(req.get_header_value("Host"));
    const auto site = config_.public_hosts.find(host);
    if (site == config_.public_hosts.end()) return false;
    const std::string base = "/p/" + site->second;
    if (req.path == base || req.path.rfind(base + "/", 0) == 0) {
        // The same page at its address on this host: one address per page for people and search engines.
        std::string rest = req.path.substr(base.size());
        // "//host" would be another site's address to a browser: one slash starts the path here.
        while (rest.rfind("//", 0) == 0) rest.erase(0, 1);
        const auto query = req.target.find('?');
        res.status = 301;
        res.set_header("Location", (rest.empty() ? "/" : rest) + (query == std::string::npos ? "" : req.target.substr(query)));
        res.set_header("Cache-Control", "public, max-age=86400");
        return true;
    }
    // The site's own addresses; any other (the assets, signing in, the accessibility statement)
    // is answered as at the shared address.
    std::string mapped = base + req.path;  // "/" is the site's home, "/p/{slug}/"
    httplib::Match matches;
    if (find_route(method, mapped, matches) == routes_.size()) return false;
    req.path = std::move(mapped);
    req.headers.emplace(kPublicHostHeader, host);
    return false;
}

void WebApp::error_body(const httplib::Request& req, httplib::Response& res) {
    Ctx ctx{req, res, std::nullopt, {}, make_nonce(), false};
    set_security_headers(res, ctx.nonce, false, false);
    if (res.status == 413 && (is_document_upload(req.method, req.path) || is_dataset_import(req.method, req.path))) {
        // Refused from its Content-Length, before any of the file was read.
        const std::string detail = is_dataset_import(req.method, req.path)
                                       ? "The file is larger than this server accepts for an import (its [dataset] max_import_mb). "
                                         "Import it with the assure import command, or ask for the limit to be raised. Nothing was saved."
                                       : "Choose a smaller file: the upload page says the largest allowed. Nothing was saved.";
        if (req.path.rfind("/api/", 0) == 0) return problem(ctx, 413, "The file is too large", detail, {{"file", "The selected file is too large"}});
        Data data;
        data.set("heading", "The selected file is too large");
        data.set("body", detail);
        page(ctx, "errors/error", data, PageOptions{"The selected file is too large", "", {}, 413});
    } else if (req.path.rfind("/api/", 0) == 0) {
        problem(ctx, res.status, res.status == 404 ? "Not found" : "Request refused");
    } else if (res.status == 404 || res.status == 413) {
        error_page(ctx, res.status);
    }
}

namespace {

// Puts the number of statements the request ran on its response, however the handler ended.
class StatementHeader {
public:
    StatementHeader(bool on, httplib::Response& res) : on_(on), res_(res) {}
    ~StatementHeader() {
        if (on_) res_.set_header("X-Assure-Statements", std::to_string(tally_.total()));
    }
    StatementHeader(const StatementHeader&) = delete;
    StatementHeader& operator=(const StatementHeader&) = delete;

private:
    bool on_;
    httplib::Response& res_;
    sql::statements::Tally tally_;
};

}  // namespace

void WebApp::dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
    const StatementHeader statements(config_.count_statements, res);
    // A page's reads share one snapshot and one transaction (store/sql/shared_reads.hpp).
    const bool reading = req.method == "GET" || req.method == "HEAD";
    const sql::shared_reads::Scope shared_read(reading);
    Ctx ctx{req, res, std::nullopt, {}, {}, false};
    ctx.secure = config_.trust_proxy && req.get_header_value("X-Forwarded-Proto") == "https";
    if (route.surface == Surface::asset) {
        serve_asset(ctx);
        return;
    }
    ctx.nonce = make_nonce();
    set_security_headers(res, ctx.nonce, ctx.secure, false);

    try {
        if (route.surface == Surface::api) {
            // As for pages below: a read learns the data version first, and a token kept in
            // memory is used only at the version it was read at.
            std::optional<std::int64_t> data_version;
            if (route.permission != Permission::public_access) {
                const std::string bearer = bearer_token(req);
                if (reading && config_.data_version && !bearer.empty()) data_version = config_.data_version();
                ctx.actor = data_version ? tokens_.resolve(services_, bearer, *data_version, config_.data_version)
                                         : resolve_api_token(services_, bearer);
                if (!ctx.actor) {
                    res.set_header("WWW-Authenticate", "Bearer");
                    problem(ctx, 401, "Send a valid API token", "Use Authorization: Bearer TOKEN");
                    return;
                }
                if (!ctx.actor->can(route.permission)) {
                    problem(ctx, 403, "Your account does not have permission to do this");
                    return;
                }
            }
            if (const auto errors = unreadable_fields(req); !errors.empty()) return refuse_unreadable(ctx, route.surface, errors);
            respond(route, ctx, data_version);
            return;
        }

        // A read learns the data version first, in its shared read: a session kept in memory is
        // used only at the version it was read at, and so is a kept page.
        const std::string session_token = cookie_value(req, kSessionCookie);
        std::optional<std::int64_t> data_version;
        if (reading && config_.data_version && !session_token.empty()) data_version = config_.data_version();
        auto session = data_version ? sessions_.resolve(services_, session_token, *data_version)
                                    : resolve_session(services_, session_token);
        if (session) {
            ctx.actor = session->actor;
            ctx.csrf_token = session->csrf_token;
            ctx.service_name = session->service_name;
            ctx.must_change_password = session->must_change_password;
            ctx.must_enrol_two_factor = session->must_enrol_two_factor;
        }
        if (route.permission != Permission::public_access) {
            if (!ctx.actor) {
                res.status = 303;
                res.set_header("Location", "/login?next=" + url_encode(req.path));
                return;
            }
            // A password an administrator set opens nothing but the page that changes it (and
            // signing out): whoever set it cannot use it to read anything (docs/decisions/0024).
            if (ctx.must_change_password && req.path != kChangePasswordPath && req.path != "/logout") {
                res.status = 303;
                res.set_header("Location", std::string(kChangePasswordPath));
                return;
            }
            // A partnership that requires a second factor opens nothing else to an account
            // without one but setting it up (docs/decisions/0031).
            if (ctx.must_enrol_two_factor && !is_two_factor_setup(req.path) && req.path != "/logout") {
                res.status = 303;
                res.set_header("Location", std::string(kTwoFactorPath));
                return;
            }
            if (!ctx.actor->can(route.permission)) {
                error_page(ctx, 403);
                return;
            }
        }
        if (is_state_changing(req.method)) {
            // Signed in: the token bound to the session. Signed out (the sign-in form): the
            // double-submit cookie set when the form was shown.
            const std::string expected = ctx.actor ? ctx.csrf_token : cookie_value(req, kLoginCsrfCookie);
            if (!crypto::equal_secrets(expected, ctx.form("csrf_token"))) {
                Data data;
                data.set("heading", "Your form could not be sent");
                data.set("body", "The page was open too long or came from somewhere else. Go back, reload the page "
                                 "and try again. Nothing was saved.");
                page(ctx, "errors/error", data, PageOptions{"Your form could not be sent", "", {}, 403});
                return;
            }
        }
        if (const auto errors = unreadable_fields(req); !errors.empty()) return refuse_unreadable(ctx, route.surface, errors);
        respond(route, ctx, data_version);
        if (reading) answer_not_modified(req, res);
    } catch (const Failure& f) {
        if (f.code() == FailureCode::unavailable) note_unavailable(ctx, f);
        if (route.surface == Surface::api) {
            problem(ctx, f);
        } else {
            page_failure(ctx, f);
        }
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", req.method, req.path, e.what());
        if (route.surface == Surface::api) {
            problem(ctx, 500, "Internal server error", "Nothing was saved");
        } else {
            error_page(ctx, 500);
        }
    }
}

namespace {

// Who asked for what: the person (0 when signed out), over TLS or not (the headers differ), the
// path and its parameters. The data they may see and their role are in the data version.
std::string cache_key(const Ctx& ctx) {
    std::string key = std::to_string(ctx.actor ? ctx.actor->user.value : 0);
    key += ctx.secure ? "|s|" : "|p|";
    key += ctx.req.get_header_value(kPublicHostHeader);  // a public site's pages link differently on its own host
    key += '|';
    key += ctx.req.path;
    for (const auto& [name, value] : ctx.req.params) {
        key += '\0';
        key += name;
        key += '=';
        key += value;
    }
    return key;
}

}  // namespace

void WebApp::respond(const Route& route, Ctx& ctx, std::optional<std::int64_t> data_version) {
    const bool reading = ctx.req.method == "GET" || ctx.req.method == "HEAD";
    if (!page_cache_ || !route.reusable || !reading) return route.handler(ctx);
    // Read in the request's shared read before anything the handler reads, so a page is never
    // stamped with a version newer than what it shows.
    const PageCache::Stamp stamp{data_version ? *data_version : config_.data_version(), london_today(services_).days()};
    const std::string key = cache_key(ctx);
    std::vector<AccessEntry> reads;
    if (page_cache_->serve(key, stamp, ctx.nonce, ctx.csrf_token, ctx.res, &reads)) {
        // A kept page of restricted records is logged on every view, as when it was rendered.
        for (auto& entry : reads) {
            entry.at = services_.clock.now();
            services_.store.access_log().record(std::move(entry));
        }
        if (config_.count_statements) ctx.res.set_header("X-Assure-Cache", "hit");
        return;
    }
    {
        const sql::request_effects::Collect collect(reads);
        const sql::request_effects::Watch effects;
        route.handler(ctx);
        // A request that wrote is rendered afresh every time. One that showed restricted records
        // is kept with the access-log entries it made, to log them again on each view; but never
        // one that opened a child's name or date of birth, which stays in memory no longer than
        // the request.
        const bool identities = std::any_of(reads.begin(), reads.end(),
                                            [](const AccessEntry& e) { return e.kind == AccessKind::identities; });
        if (!effects.wrote() && effects.logged() == static_cast<std::int64_t>(reads.size()) && !identities) {
            page_cache_->keep(key, stamp, ctx.nonce, ctx.csrf_token, ctx.res, std::move(reads));
        }
    }
    if (config_.count_statements) ctx.res.set_header("X-Assure-Cache", "miss");
}

bool WebApp::listen() {
    if (!server_->bind(config_.bind, config_.port)) return false;
    run();
    return true;
}

int WebApp::bind_any_port() { return server_->bind_any_port(config_.bind); }

void WebApp::run() { server_->run(); }

void WebApp::stop() { server_->stop(); }

bool WebApp::running() const { return server_->running(); }

}  // namespace assure::web
