// The access log: who was shown which case records, and when. The trail of changes is /audit;
// this is its companion for reads, searched and paged on its own (docs/decisions/0008).
#include "app/audit.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

std::string records_of(const AccessEntry& e) {
    std::string ids;
    for (const auto& id : e.record_ids) ids += (ids.empty() ? "" : ", ") + id;
    return (e.record_type == "review_case" ? std::string("Case ") : e.record_type + " ") + ids;
}

void reads_page(Services& s, Ctx& ctx) {
    AccessQuery query;
    FieldErrors errors;
    query.actor_text = ctx.query("actor");
    query.record_id = ctx.query("record");
    const std::string kind = ctx.query("kind"), from = ctx.query("from"), to = ctx.query("to");
    if (!kind.empty() && !(query.kind = parse_access_kind(kind))) errors.push_back({"kind", "Select a kind of view from the list"});
    if (!query.record_id.empty() && query.record_id.find_first_not_of("0123456789") != std::string::npos) {
        errors.push_back({"record", "Enter the case number as digits, like 12"});
    }
    if (!from.empty() && !(query.from = Date::parse(from))) {
        errors.push_back({"from", "Enter the start date as a real date, like 2026-04-01"});
    }
    if (!to.empty() && !(query.to = Date::parse(to))) errors.push_back({"to", "Enter the end date as a real date, like 2027-03-31"});
    if (query.from && query.to && *query.to < *query.from) {
        errors.push_back({"to", "The end date must be the same as or after the start date"});
    }
    query.page = page_request(ctx);

    Page<AccessEntry> result;
    if (errors.empty()) result = browse_access_log(s, ctx.who(), query);

    Data rows{Data::type::list};
    for (const auto& e : result.items) {
        Data row;
        row.set("at", display_instant(e.at));
        row.set("actor", name_in_label(e.actor_label));
        row.set("actor_email", optional_text(email_in_label(e.actor_label)));
        row.set("kind", std::string(access_kind_label(e.kind)));
        row.set("records", records_of(e));
        rows.push_back(row);
    }
    std::vector<Option> kinds;
    for (AccessKind k : all_access_kinds()) kinds.push_back({std::string(access_kind_key(k)), std::string(access_kind_label(k))});
    Data data;
    data.set("entries", rows);
    data.set("has_entries", flag(!result.items.empty()));
    data.set("actor_html", text_input(Field{"actor", "Who", query.actor_text, error_for(errors, "actor"),
                                            "Part of a name or email", "off", "text", "govuk-input--width-20", false}));
    data.set("record_html", text_input(Field{"record", "Case number", query.record_id, error_for(errors, "record"),
                                             "The number in the case's address, /reviews/12", "off", "text",
                                             "govuk-input--width-5", false}));
    data.set("kind_html", select(Field{"kind", "Kind of view", kind, error_for(errors, "kind")}, kinds, "Any"));
    data.set("from_html", text_input(Field{"from", "From (YYYY-MM-DD)", from, error_for(errors, "from"), {}, "off", "text",
                                           "govuk-input--width-10", false}));
    data.set("to_html", text_input(Field{"to", "To (YYYY-MM-DD)", to, error_for(errors, "to"), {}, "off", "text",
                                         "govuk-input--width-10", false}));
    const std::string here = "/audit/reads?actor=" + url_encode(query.actor_text) + "&record=" + url_encode(query.record_id) +
                             "&kind=" + url_encode(kind) + "&from=" + url_encode(from) + "&to=" + url_encode(to);
    data.set("pagination_html", pagination(here, query.page, result.next));
    data.set("can_see_changes", flag(ctx.who().can(Permission::view_audit)));
    page(ctx, "audit/reads", data, PageOptions{"Reads of case records", "audit", errors, errors.empty() ? 200 : 422});
}

}  // namespace

void add_access_log_routes(std::vector<Route>& routes, Services& services) {
    routes.push_back({"GET", "/audit/reads", Permission::view_access_log, Surface::page,
                      [&services](Ctx& ctx) { reads_page(services, ctx); }, "/audit/reads", false});
}

}  // namespace assure::web
