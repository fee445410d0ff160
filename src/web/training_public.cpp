// The public training calendar, without sign-in: a partnership's sessions from today with a
// place free, as a page and as an iCalendar feed (RFC 5545) that calendar clients subscribe to.
#include "web/documents.hpp"
#include "web/paging.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

// A slug is what partnerships are named by in addresses (lower case, digits, hyphens).
constexpr const char* kSlug = R"(([a-z0-9][a-z0-9-]{0,62}))";

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
        rows.push_back(row);
    }
    const std::string base = "/public/" + slug + "/training";
    Data data;
    data.set("partnership", c.partnership.name);
    data.set("ics_href", base + ".ics");
    data.set("rows", rows);
    data.set("has_rows", flag(!c.sessions.items.empty()));
    data.set("pagination_html", pagination(base, request, c.sessions.next));
    ctx.res.set_header("Cache-Control", "public, max-age=300");
    page(ctx, "training/public", data, PageOptions{"Training calendar: " + c.partnership.name});
}

void calendar_feed(Services& s, Ctx& ctx) {
    const std::string slug = ctx.req.matches[1];
    const auto events = public_calendar_events(s, slug);
    ctx.res.set_header("Cache-Control", "public, max-age=900");
    ctx.res.set_content(ics_calendar("Safeguarding training", events), "text/calendar; charset=utf-8");
}

}  // namespace

void add_public_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", std::string("/public/") + kSlug + "/training", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { calendar_page(s, ctx); }, "/public/test/training"});
    routes.push_back({"GET", std::string("/public/") + kSlug + R"(/training\.ics)", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { calendar_feed(s, ctx); }, "/public/test/training.ics"});
}

}  // namespace assure::web::training_web
