// The public site (issue 18, item 4; decision 0025): a partnership's home page, its sections
// (arrangements and procedures, review reports, briefings, yearly reports), a published
// report, published files from the documents store, an Atom feed of what is new and a sitemap.
// Only approved publications are read (app/publications/public_site.cpp); every response is
// public, cacheable and carries an ETag.
#include "web/public_site.hpp"

#include <algorithm>
#include <cstdio>

#include "core/date_words.hpp"
#include "web/documents_routes.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/public_host.hpp"
#include "web/report_views.hpp"

namespace assure::web {
namespace public_web {
namespace {

struct NavItem {
    const char* key;
    const char* label;
    const char* path;  // after the site's base
};

constexpr NavItem kNav[] = {
    {"home", "Home", "/"},
    {"policies", "Arrangements and procedures", "/policies"},
    {"reviews", "Review reports", "/reviews"},
    {"briefings", "7-minute briefings", "/briefings"},
    {"training", "Training", "/training"},
    {"reports", "Yearly reports", "/reports"},
};

// FNV-1a over the body: the same bytes give the same tag on every server.
std::string etag_of(std::string_view body) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const unsigned char c : body) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "\"%016llx-%zx\"", static_cast<unsigned long long>(h), body.size());
    return buf;
}

}  // namespace

std::string site_base(const std::string& slug) { return "/p/" + slug; }

std::string site_base(const Ctx& ctx, const std::string& slug) {
    return ctx.req.has_header(kPublicHostHeader) ? std::string() : site_base(slug);
}

void cacheable(Ctx& ctx, int max_age) {
    if (ctx.res.status == -1) ctx.res.status = 200;  // httplib's "not set", which the server sends as 200
    ctx.res.headers.erase("Cache-Control");
    ctx.res.set_header("Cache-Control", "public, max-age=" + std::to_string(max_age));
    ctx.res.headers.erase("ETag");
    ctx.res.set_header("ETag", etag_of(ctx.res.body));
}

void public_page(Ctx& ctx, const PublicSite& site, const std::string& template_name, Data data, const std::string& title,
                 const std::string& nav, int max_age) {
    const std::string base = site_base(ctx, site.partnership.slug);
    data.set("partnership", site.partnership.name);
    data.set("base", base);
    Data items{Data::type::list};
    for (const auto& item : kNav) {
        Data entry;
        entry.set("label", item.label);
        entry.set("href", base + item.path);
        entry.set("current", flag(nav == item.key));
        items.push_back(entry);
    }
    Data layout;
    layout.set("title", title);
    layout.set("partnership", site.partnership.name);
    layout.set("base", base);
    layout.set("nav", items);
    layout.set("content", render(template_name, data));
    ctx.res.status = 200;
    ctx.res.set_content(render("public/layout", layout), "text/html; charset=utf-8");
    cacheable(ctx, max_age);
}

}  // namespace public_web

namespace {

using public_web::cacheable;
using public_web::public_page;
using public_web::site_base;

std::string slug_of(const Ctx& ctx) { return ctx.req.matches[1].str(); }
// Where the site's links start for this request: "/p/{slug}", or "" on its own host name.
std::string base_of(const Ctx& ctx) { return site_base(ctx, slug_of(ctx)); }

// Where the public follows an item: its file or its report while shown; nothing once on request.
std::string item_href(const std::string& base, const PublicItem& item) {
    if (item.availability != Availability::shown) return {};
    const Publication& p = item.publication;
    if (p.kind == PublicationKind::yearly_report) return base + "/reports/" + p.report_year;
    return base + "/files/" + p.id.str();
}

std::string file_words(const PublicItem& item) {
    if (item.content_type.empty()) return {};
    const auto type = allowed_document_type(item.content_type);
    const std::string label = type ? std::string(type->label) : "File";
    char size[32];
    if (item.size >= 1024 * 1024) {
        std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(item.size) / (1024.0 * 1024.0));
    } else {
        std::snprintf(size, sizeof size, "%lld KB", static_cast<long long>((item.size + 1023) / 1024));
    }
    return label + ", " + size;
}

Data item_data(const std::string& base, const PublicItem& item) {
    const Publication& p = item.publication;
    Data d;
    d.set("title", p.title);
    d.set("kind", std::string(publication_kind_label(p.kind)));
    d.set("published", date_in_words(p.published_on));
    d.set("summary", optional_text(p.summary));
    d.set("href", optional_text(item_href(base, item)));
    d.set("file", optional_text(item.availability == Availability::shown ? file_words(item) : std::string()));
    d.set("on_request", flag(item.availability == Availability::on_request));
    d.set("until", item.shown_until ? date_in_words(*item.shown_until) : std::string());
    return d;
}

const char* section_description(PublicSection s) {
    switch (s) {
        case PublicSection::policies:
            return "The partnership's safeguarding arrangements, the threshold document, the escalation procedure and the audit calendar.";
        case PublicSection::reviews: return "Reports and executive summaries of reviews the partnership has published.";
        case PublicSection::briefings: return "Short briefings on what reviews and audits have taught us, for practitioners.";
        case PublicSection::reports: return "The partnership's yearly reports, signed off by every statutory partner.";
    }
    return "";
}

void home(Services& s, Ctx& ctx) {
    const std::string slug = slug_of(ctx);
    const PublicList latest = public_publications(s, slug, std::nullopt, PageRequest{5, ""});
    const std::string base = base_of(ctx);
    Data sections{Data::type::list};
    for (auto sec : {PublicSection::policies, PublicSection::reviews, PublicSection::briefings, PublicSection::reports}) {
        Data d;
        d.set("label", std::string(public_section_label(sec)));
        d.set("href", base + "/" + std::string(public_section_key(sec)));
        d.set("description", section_description(sec));
        sections.push_back(d);
    }
    Data training;
    training.set("label", "Training calendar");
    training.set("href", base + "/training");
    training.set("description", "Multi-agency safeguarding training with places free, and a calendar feed.");
    sections.push_back(training);
    Data items{Data::type::list};
    for (const auto& item : latest.items.items) {
        Data d = item_data(base, item);
        d.set("href", item_href(base, item).empty() ? base + "/" + std::string(public_section_key(section_of(item.publication.kind)))
                                                    : item_href(base, item));
        items.push_back(d);
    }
    Data data;
    data.set("area", latest.site.partnership.area.empty() ? latest.site.partnership.name : latest.site.partnership.area);
    data.set("sections", sections);
    data.set("latest", items);
    data.set("has_latest", flag(!latest.items.items.empty()));
    public_page(ctx, latest.site, "public/home", data, "Home", "home");
}

void section_page(Services& s, Ctx& ctx) {
    const std::string slug = slug_of(ctx);
    const auto section = parse_public_section(ctx.req.matches[2].str());
    if (!section) throw Failure::not_found("section");
    const PageRequest request = page_request(ctx);
    const PublicList list = public_publications(s, slug, *section, request);
    Data items{Data::type::list};
    for (const auto& item : list.items.items) items.push_back(item_data(base_of(ctx), item));
    const std::string heading(public_section_label(*section));
    Data data;
    data.set("heading", heading);
    data.set("items", items);
    data.set("has_items", flag(!list.items.items.empty()));
    data.set("expires", flag(*section == PublicSection::reviews));
    data.set("keep_months", std::to_string(list.site.keep_months));
    const std::string path = base_of(ctx) + "/" + std::string(public_section_key(*section));
    data.set("pagination_html", pagination(path, request, list.items.next));
    public_page(ctx, list.site, "public/section", data, heading, std::string(public_section_key(*section)));
}

void report_page(Services& s, Ctx& ctx) {
    const PublicReport r = public_report(s, slug_of(ctx), ctx.req.matches[2].str());
    Data data = report_web::report_data(r.report, false);
    data.set("published", date_in_words(r.publication.published_on));
    data.set("pdf_href", base_of(ctx) + "/reports/" + r.report.year.key() + ".pdf");
    public_page(ctx, r.site, "public/report", data, "Yearly report " + r.report.year.label(), "reports");
}

// The published report as a PDF. Rendering takes WeasyPrint a few seconds; the response is kept
// by the page cache under the data version like any public page, so it is rendered once per change.
void report_pdf(Services& s, Ctx& ctx) {
    const PublicReport r = public_report(s, slug_of(ctx), ctx.req.matches[2].str());
    report_web::send_report_pdf(ctx, r.report, "Signed off by every statutory partner and published " +
                                                   date_in_words(r.publication.published_on) + ".");
    cacheable(ctx, 3600);
}

void file(Services& s, DocumentServices* documents, Ctx& ctx) {
    if (documents == nullptr) throw Failure::not_found("published files are not served here");
    const PublicFile f = public_file(s, *documents, slug_of(ctx), PublicationId{ctx.path_id(2)});
    DocumentDownload d;
    d.version = f.version;
    d.version.filename = f.filename;
    d.path = f.path;
    documents_web::send_document(ctx, d);
    // A version never changes, so its checksum is its tag.
    ctx.res.headers.erase("Cache-Control");
    ctx.res.set_header("Cache-Control", "public, max-age=3600");
    ctx.res.set_header("ETag", "\"" + f.version.sha256 + "\"");
}

std::string xml(std::string_view text) { return escape(text); }

void feed(Services& s, Ctx& ctx) {
    const std::string slug = slug_of(ctx);
    const PublicList list = public_publications(s, slug, std::nullopt, PageRequest{50, ""});
    const std::string base = base_of(ctx);
    Instant updated = 0;
    for (const auto& item : list.items.items) updated = std::max(updated, item.publication.decided_at);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "<title>What is new: " + xml(list.site.partnership.name) + "</title>\n";
    out += "<id>urn:assure:public:" + xml(slug) + "</id>\n";
    out += "<link rel=\"self\" href=\"" + base + "/feed.atom\"/>\n<link rel=\"alternate\" href=\"" + base + "/\"/>\n";
    out += "<updated>" + iso_instant(updated) + "</updated>\n";
    out += "<author><name>" + xml(list.site.partnership.name) + "</name></author>\n";
    for (const auto& item : list.items.items) {
        const Publication& p = item.publication;
        const std::string href = item_href(base, item);
        out += "<entry>\n<title>" + xml(p.title) + "</title>\n";
        out += "<id>urn:assure:public:" + xml(slug) + ":publication:" + p.id.str() + "</id>\n";
        out += "<link href=\"" + (href.empty() ? base + "/" + std::string(public_section_key(section_of(p.kind))) : href) + "\"/>\n";
        out += "<published>" + p.published_on.iso() + "T00:00:00Z</published>\n";
        out += "<updated>" + iso_instant(p.decided_at) + "</updated>\n";
        out += "<category term=\"" + std::string(publication_kind_key(p.kind)) + "\" label=\"" +
               xml(publication_kind_label(p.kind)) + "\"/>\n";
        if (!p.summary.empty()) out += "<summary>" + xml(p.summary) + "</summary>\n";
        out += "</entry>\n";
    }
    out += "</feed>\n";
    ctx.res.set_content(out, "application/atom+xml; charset=utf-8");
    cacheable(ctx, 900);
}

// Absolute addresses, as the sitemap protocol asks: from the request's host, so the route is
// never kept by the page cache (a kept sitemap would give one visitor's host to the next).
void sitemap(Services& s, Ctx& ctx) {
    const std::string slug = slug_of(ctx);
    const std::string host = ctx.req.get_header_value("Host");
    const std::string origin = std::string(ctx.secure ? "https://" : "http://") + (host.empty() ? "localhost" : host);
    const std::string base = origin + base_of(ctx);
    std::vector<std::string> urls{base + "/", base + "/policies", base + "/reviews", base + "/briefings", base + "/training",
                                  base + "/reports"};
    PageRequest page{PageRequest::max_limit, ""};
    for (int i = 0; i < 20; ++i) {
        const PublicList list = public_publications(s, slug, std::nullopt, page);
        for (const auto& item : list.items.items) {
            const std::string href = item_href(base, item);
            if (!href.empty()) urls.push_back(href);
        }
        if (!list.items.next) break;
        page.after = *list.items.next;
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& u : urls) out += "<url><loc>" + xml(u) + "</loc></url>\n";
    out += "</urlset>\n";
    ctx.res.set_content(out, "application/xml; charset=utf-8");
    cacheable(ctx, 3600);
}

void moved(Ctx& ctx, const std::string& to) {
    ctx.res.status = 301;
    ctx.res.set_header("Location", to);
    ctx.res.headers.erase("Cache-Control");
    ctx.res.set_header("Cache-Control", "public, max-age=86400");
}

}  // namespace

void add_public_site_routes(std::vector<Route>& routes, Services& s, DocumentServices* documents) {
    const std::string p = std::string("/p/") + kSlugPattern;
    const auto pub = Permission::public_access;
    routes.push_back({"GET", p, pub, Surface::page, [](Ctx& ctx) { moved(ctx, site_base(slug_of(ctx)) + "/"); }, "/p/test"});
    routes.push_back({"GET", p + "/", pub, Surface::page, [&s](Ctx& ctx) { home(s, ctx); }, "/p/test/"});
    routes.push_back({"GET", p + "/(policies|reviews|briefings|reports)", pub, Surface::page,
                      [&s](Ctx& ctx) { section_page(s, ctx); }, "/p/test/reviews"});
    routes.push_back({"GET", p + R"(/reports/(\d{4}-\d{2}))", pub, Surface::page, [&s](Ctx& ctx) { report_page(s, ctx); },
                      "/p/test/reports/2016-17"});
    routes.push_back({"GET", p + R"(/reports/(\d{4}-\d{2})\.pdf)", pub, Surface::page, [&s](Ctx& ctx) { report_pdf(s, ctx); },
                      "/p/test/reports/2016-17.pdf"});
    routes.push_back({"GET", p + R"(/files/(\d+))", pub, Surface::page, [&s, documents](Ctx& ctx) { file(s, documents, ctx); },
                      "/p/test/files/1", false});
    routes.push_back({"GET", p + R"(/feed\.atom)", pub, Surface::page, [&s](Ctx& ctx) { feed(s, ctx); }, "/p/test/feed.atom"});
    routes.push_back({"GET", p + R"(/sitemap\.xml)", pub, Surface::page, [&s](Ctx& ctx) { sitemap(s, ctx); },
                      "/p/test/sitemap.xml", false});
    // The training calendar's first address, kept for those who linked to it.
    routes.push_back({"GET", std::string("/public/") + kSlugPattern + "/training", pub, Surface::page,
                      [](Ctx& ctx) { moved(ctx, site_base(slug_of(ctx)) + "/training"); }, "/public/test/training"});
    routes.push_back({"GET", std::string("/public/") + kSlugPattern + R"(/training\.ics)", pub, Surface::page,
                      [](Ctx& ctx) { moved(ctx, site_base(slug_of(ctx)) + "/training.ics"); }, "/public/test/training.ics"});
    public_web::add_publications_pages(routes, s);
    public_web::add_publications_api(routes, s);
}

}  // namespace assure::web
