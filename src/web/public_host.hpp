#pragma once
// A partnership's public site on its own host name (decision 0045): the server maps a request
// whose Host is one of [public_site] hosts onto that partnership's /p/{slug} route for the same
// path, when there is one, and names the host in kPublicHostHeader so that the pages link
// without the /p/{slug} prefix. A client's
// own header of that name is removed before the handler sees the request.
#include <string>
#include <string_view>

namespace assure::web {

inline constexpr const char* kPublicHostHeader = "Assure-Public-Host";

// The host name of a Host header: lower case, without its port; "" when it is not a plausible
// DNS name (letters, digits, hyphens and dots).
std::string host_name(std::string_view host_header);

}  // namespace assure::web
