#pragma once
// The public site at /p/{slug}/ (web/public_site.cpp; decision 0025): no sign-in, the same bytes
// for everyone, so every response carries an ETag and Cache-Control and a matching
// If-None-Match is answered 304 (WebApp::respond). Kept out of areas.hpp, which the other
// areas include.
#include <string>
#include <vector>

#include "app/publications.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web {

// A partnership's slug in an address: lower case, digits, hyphens.
inline constexpr const char* kSlugPattern = R"(([a-z0-9][a-z0-9-]{0,62}))";

// `documents` none: published files are not served (404), the pages still list them.
void add_public_site_routes(std::vector<Route>& routes, Services& services, DocumentServices* documents);

namespace public_web {

// The site's sections in its navigation: "home", "policies", "reviews", "briefings", "training",
// "reports".
// Renders `template_name` in the public layout (the partnership's name, the site's navigation,
// no script and no nonce, so the bytes are the same for every visitor) and answers it as public
// and cacheable for `max_age` seconds.
void public_page(Ctx& ctx, const PublicSite& site, const std::string& template_name, Data data, const std::string& title,
                 const std::string& nav, int max_age = 300);
// Marks a response as public for `max_age` seconds with a strong ETag of its body.
void cacheable(Ctx& ctx, int max_age);
// "/p/knowsley"
std::string site_base(const std::string& slug);
// The same for a link on a public page: "" when the page is served on the partnership's own
// host name, where its addresses have no prefix (web/public_host.hpp).
std::string site_base(const Ctx& ctx, const std::string& slug);

// Signed in: the publications page, the form that proposes one, approval and withdrawal
// (web/publications.cpp), and the same under /api/v1/publications (web/publications_api.cpp).
void add_publications_pages(std::vector<Route>& routes, Services& services);
void add_publications_api(std::vector<Route>& routes, Services& services);

}  // namespace public_web
}  // namespace assure::web
