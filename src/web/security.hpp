#pragma once
// Security that applies to every response, in one place: headers, nonce, cookies, CSRF.
#include <httplib.h>

#include <string>

namespace assure::web {

inline constexpr const char* kSessionCookie = "assure_session";
inline constexpr const char* kLoginCsrfCookie = "assure_login_csrf";

std::string make_nonce();
void set_security_headers(httplib::Response& res, const std::string& nonce, bool secure, bool cacheable);
std::string cookie_value(const httplib::Request& req, const std::string& name);
// HttpOnly, SameSite=Lax (a link from an email still arrives signed in; SameSite=Strict would
// not), Path=/, Secure when the request came over TLS.
std::string session_cookie(const std::string& name, const std::string& value, bool secure, long max_age_seconds);
bool is_state_changing(const std::string& method);

}  // namespace assure::web
