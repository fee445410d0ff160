#include "web/security.hpp"

#include "crypto/page_nonce.hpp"
#include "crypto/sodium.hpp"

namespace assure::web {

std::string make_nonce() { return crypto::page_nonce(); }

void set_security_headers(httplib::Response& res, const std::string& nonce, bool secure, bool cacheable) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'nonce-" + nonce +
                       "'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
                       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (secure) res.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (!cacheable) res.set_header("Cache-Control", "no-store");
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
        const auto eq = header.find('=', pos);
        if (eq == std::string::npos) break;
        auto end = header.find(';', eq);
        if (end == std::string::npos) end = header.size();
        if (header.compare(pos, eq - pos, name) == 0) return header.substr(eq + 1, end - eq - 1);
        pos = end + 1;
    }
    return {};
}

std::string session_cookie(const std::string& name, const std::string& value, bool secure, long max_age_seconds) {
    std::string cookie = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    if (max_age_seconds >= 0) cookie += "; Max-Age=" + std::to_string(max_age_seconds);
    if (secure) cookie += "; Secure";
    return cookie;
}

bool is_state_changing(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

}  // namespace assure::web
