// The public training calendar, without sign-in: a partnership's sessions from today with a
// place free, as a page of the partnership's public site (/p/{slug}/training) and as an
// iCalendar feed (RFC 5545) that calendar clients subscribe to. Its first address,
// /public/{slug}/training, redirects here (web/public_site.cpp).
#include "web/documents.hpp"
#include "web/paging.hpp"
#include "web/public_site.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

void calendar_page(Services& s, Ctx& ctx) {
    const std::string slug = ctx.req.matches[1];
    const PageRequest request = page_request(ctx);
    const PublicCalendar c = public_calendar(s, slug, request);
    Data rows{Data::type::list};
    for (const auto& t : c.sessions.items) {
        Data row;
        row.set("course", t.course_title);
        row.set("when", when_words(t));
        row.set("where", where_words(t));
        row.set("places", places_words(t));
        row.set("book_href", public_web::site_base(ctx, slug) + "/training/sessions/" + t.id.str() + "/book");
        rows.push_back(row);
    }
    const std::string base = public_web::site_base(ctx, slug) + "/training";
    Data data;
    data.set("ics_href", base + ".ics");
    data.set("rows", rows);
    data.set("has_rows", flag(!c.sessions.items.empty()));
    data.set("pagination_html", pagination(base, request, c.sessions.next));
    PublicSite site;
    site.partnership = c.partnership;
    public_web::public_page(ctx, site, "training/public", data, "Training calendar", "training");
}

void calendar_feed(Services& s, Ctx& ctx) {
    const std::string slug = ctx.req.matches[1];
    const auto events = public_calendar_events(s, slug);
    ctx.res.set_content(ics_calendar("Safeguarding training", events), "text/calendar; charset=utf-8");
    public_web::cacheable(ctx, 900);
}

}  // namespace

void add_public_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", std::string("/p/") + kSlugPattern + "/training", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { calendar_page(s, ctx); }, "/p/test/training"});
    routes.push_back({"GET", std::string("/p/") + kSlugPattern + R"(/training\.ics)", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { calendar_feed(s, ctx); }, "/p/test/training.ics"});
}

}  // namespace assure::web::training_web
