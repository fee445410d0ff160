// Search (docs/decisions/0026-search-and-my-work.md): the results page /search?q= (every kind the person may
// see, grouped, with each kind's best few and a link to all of them; or one kind, paged with
// GOV.UK pagination) and GET /api/v1/search?q=&kind=&limit=&cursor=. The box in every signed-in
// page's header is a plain GET form, so it works without JavaScript. Bad text shows the page
// again with a GOV.UK error summary (422), or a problem document on the API.
#include <nlohmann/json.hpp>

#include "app/search.hpp"
#include "core/date_words.hpp"
#include "web/search_routes.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

constexpr int kBestOfEachKind = 5;
constexpr int kPageOfOneKind = 20;

std::string link_of(const SearchHit& h) {
    const std::string id = std::to_string(h.record_id);
    switch (h.kind) {
        case SearchKind::person: return "/people/" + id;
        case SearchKind::agency: return "/agencies/" + id;
        case SearchKind::group: return "/groups/" + id;
        case SearchKind::meeting: return "/meetings/" + id;
        case SearchKind::meeting_action: return "/actions/" + id;
        case SearchKind::learning: return "/learning/" + id;
        case SearchKind::improvement_action: return "/improvement/" + id;
        case SearchKind::document: return h.parent_id > 0 ? "/meetings/" + std::to_string(h.parent_id) + "/documents" : "/documents";
    }
    return "/";
}

// The text with its marked matches as <mark>, everything else escaped. Marks that do not pair
// are dropped, so the HTML is always whole.
std::string marked_html(const std::string& text) {
    std::string out, run;
    bool open = false;
    const auto flush = [&] {
        out += escape(run);
        run.clear();
    };
    for (const char c : text) {
        if (c == search_mark_start || c == search_mark_end) {
            flush();
            if (c == search_mark_start && !open) {
                out += "<mark class=\"assure-mark\">";
                open = true;
            } else if (c == search_mark_end && open) {
                out += "</mark>";
                open = false;
            }
            continue;
        }
        run += c;
    }
    flush();
    if (open) out += "</mark>";
    return out;
}

std::string plain(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c != search_mark_start && c != search_mark_end) out += c;
    }
    return out;
}

// What a result is called on the page: a meeting by its group and day, an action by what is to
// be done and when it is due.
std::string date_words_of(const SearchHit& h) {
    const auto d = Date::parse(h.on_date);
    return d ? date_in_words(*d) : std::string();
}

std::string detail_of(const SearchHit& h) {
    const std::string on = date_words_of(h);
    if (on.empty()) return "";
    switch (h.kind) {
        case SearchKind::meeting: return "Meeting on " + on;
        case SearchKind::meeting_action:
        case SearchKind::improvement_action: return "Due " + on;
        case SearchKind::learning: return "Dated " + on;
        default: return on;
    }
}

Data hit_data(const SearchHit& h) {
    Data d;
    d.set("href", link_of(h));
    d.set("title_html", marked_html(h.title.empty() ? std::string(search_kind_label(h.kind)) : h.title));
    d.set("snippet_html", marked_html(h.snippet));
    d.set("has_snippet", flag(!plain(h.snippet).empty() && plain(h.snippet).find_first_not_of(' ') != std::string::npos));
    d.set("detail", optional_text(detail_of(h)));
    return d;
}

std::string search_href(const std::string& q, std::optional<SearchKind> kind) {
    std::string href = "/search?q=" + url_encode(q);
    if (kind) href += "&kind=" + std::string(search_kind_key(*kind));
    return href;
}

// The kind asked for by ?kind=, if any; an unknown one is a field error.
std::optional<SearchKind> kind_of(const Ctx& ctx) {
    const std::string key = ctx.query("kind");
    if (key.empty()) return std::nullopt;
    const auto kind = parse_search_kind(key);
    if (!kind) throw Failure::invalid({{"kind", "Select a kind of record to search, or none for every kind"}});
    return kind;
}

void results_page(Services& s, Ctx& ctx) {
    const std::string q = ctx.query("q");
    Data data;
    FieldErrors errors;
    int status = 200;
    std::string title = "Search";
    const bool asked = ctx.has_query("q");
    try {
        if (asked) {
            const auto kind = kind_of(ctx);
            Data groups{Data::type::list};
            int total = 0;
            if (!kind) {
                for (const auto& g : search_grouped(s, ctx.who(), q, kBestOfEachKind)) {
                    Data group;
                    group.set("label", std::string(search_kind_label(g.kind)));
                    group.set("count_text", search_kind_count(g.kind, g.count));
                    group.set("id", "results-" + std::string(search_kind_key(g.kind)));
                    Data hits{Data::type::list};
                    for (const auto& h : g.best) hits.push_back(hit_data(h));
                    group.set("hits", hits);
                    group.set("more", flag(g.count > static_cast<int>(g.best.size())));
                    group.set("more_href", search_href(q, g.kind));
                    groups.push_back(group);
                    total += g.count;
                }
            } else {
                PageRequest pr = page_request(ctx);
                if (!ctx.has_query("limit")) pr.limit = kPageOfOneKind;
                const auto r = search_records(s, ctx.who(), SearchRequest{q, kind, pr});
                int count = 0;
                for (const auto& c : r.counts) count += c.count;
                total = count;
                if (count > 0) {
                    Data group;
                    group.set("label", std::string(search_kind_label(*kind)));
                    group.set("count_text", search_kind_count(*kind, count));
                    group.set("id", "results-" + std::string(search_kind_key(*kind)));
                    Data hits{Data::type::list};
                    for (const auto& h : r.hits.items) hits.push_back(hit_data(h));
                    group.set("hits", hits);
                    group.set("more", flag(false));
                    groups.push_back(group);
                }
                data.set("all_href", search_href(q, std::nullopt));
                data.set("one_kind", flag(true));
                data.set("pagination_html", pagination(search_href(q, kind), pr, r.hits.next));
            }
            data.set("groups", groups);
            data.set("searched", flag(true));
            data.set("found", flag(total > 0));
            data.set("summary", total == 1 ? std::string("1 result") : grouped(total) + " results");
            title = "Search results for “" + q + "”";
        }
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        status = 422;
        data.set("searched", flag(false));
    }
    data.set("q", q);
    data.set("q_error", optional_text(error_for(errors, "q")));
    data.set("kind_error", optional_text(error_for(errors, "kind")));
    page(ctx, "search/results", data, PageOptions{errors.empty() ? title : "Search", "", errors, status});
}

J hit_json(const SearchHit& h) {
    J out{{"kind", std::string(search_kind_key(h.kind))},
          {"id", h.record_id},
          {"title", plain(h.title)},
          {"snippet", plain(h.snippet)},
          {"title_html", marked_html(h.title)},
          {"snippet_html", marked_html(h.snippet)},
          {"link", link_of(h)}};
    if (!h.on_date.empty()) out["date"] = h.on_date;
    return out;
}

void search_api(Services& s, Ctx& ctx) {
    if (!ctx.has_query("q")) throw Failure::invalid({{"q", "Enter a word or name to search for, as q"}});
    const auto r = search_records(s, ctx.who(), SearchRequest{ctx.query("q"), kind_of(ctx), page_request(ctx)});
    J items = J::array();
    for (const auto& h : r.hits.items) items.push_back(hit_json(h));
    J body = list_body(items, r.hits.next);
    J counts = J::object();
    for (const auto& c : r.counts) counts[std::string(search_kind_key(c.kind))] = c.count;
    body["counts"] = counts;
    json(ctx, 200, body);
}

}  // namespace

void add_search_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/search", Permission::signed_in, Surface::page, [&s](Ctx& ctx) { results_page(s, ctx); }, "/search?q=neglect"});
    routes.push_back({"GET", "/api/v1/search", Permission::signed_in, Surface::api, [&s](Ctx& ctx) { search_api(s, ctx); },
                      "/api/v1/search?q=neglect"});
}

}  // namespace assure::web
