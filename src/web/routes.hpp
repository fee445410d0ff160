#pragma once
// The route table. Every route declares the permission it needs; registration refuses a
// route without one, and tests walk the table (see tests/web/test_route_permissions.cpp).
#include <httplib.h>
#include <kainjow/mustache.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/access.hpp"

namespace assure::web {

enum class Surface { page, api, asset };

struct Ctx {
    const httplib::Request& req;
    httplib::Response& res;
    std::optional<Actor> actor;
    std::string csrf_token;  // the session's, for forms
    std::string nonce;       // this response's CSP nonce
    bool secure = false;     // served over TLS, or a trusted proxy says so
    std::string service_name = {};  // the signed-in person's partnership, as its pages' header names it
    bool must_change_password = false;  // signed in with a password an administrator set
    bool must_enrol_two_factor = false; // the partnership requires a second factor the account has not set up

    [[nodiscard]] std::string form(const std::string& name) const;
    [[nodiscard]] std::vector<std::string> form_all(const std::string& name) const;  // ticked checkboxes
    [[nodiscard]] std::string date_parts(const std::string& name) const;             // NAME-day/-month/-year as ISO
    [[nodiscard]] std::string query(const std::string& name) const;
    [[nodiscard]] bool has_query(const std::string& name) const { return req.has_param(name.c_str()); }
    // The numeric path parameter captured by the route pattern's first group; throws not_found.
    [[nodiscard]] std::int64_t path_id(std::size_t group = 1) const;
    [[nodiscard]] const Actor& who() const { return *actor; }
};

using Handler = std::function<void(Ctx&)>;

struct Route {
    std::string method;    // "GET", "POST", "PATCH"
    std::string pattern;   // httplib regex, e.g. R"(/agencies/(\d+))"
    Permission permission;
    Surface surface;
    Handler handler;
    std::string example;   // a concrete path for tests, e.g. "/agencies/1"
    // Whether a rendered GET may be kept and served again while the data and the day are the
    // same (web/page_cache.hpp). False for what shows state outside the data version: the
    // audit trail's check and the access log, the outbox's timers, health checks, sign-in.
    bool reusable = true;
};

}  // namespace assure::web
