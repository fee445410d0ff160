// The audit trail: browse and filter. Read-only by construction: there is no route that edits it.
#include "core/audit_actions.hpp"
#include "app/audit.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

void audit_page(Services& s, Ctx& ctx) {
    AuditFilter filter;
    FieldErrors errors;
    filter.entity_type = ctx.query("entity_type");
    filter.action_prefix = ctx.query("action");
    filter.actor_text = ctx.query("actor");
    const std::string from = ctx.query("from"), to = ctx.query("to");
    if (!from.empty() && !(filter.from = Date::parse(from))) {
        errors.push_back({"from", "Enter the start date as a real date, like 2026-04-01"});
    }
    if (!to.empty() && !(filter.to = Date::parse(to))) {
        errors.push_back({"to", "Enter the end date as a real date, like 2027-03-31"});
    }
    if (filter.from && filter.to && *filter.to < *filter.from) {
        errors.push_back({"to", "The end date must be the same as or after the start date"});
    }
    const PageRequest request = page_request(ctx);

    AuditPage result;
    if (errors.empty()) result = browse_audit(s, ctx.who(), filter, request);

    Data rows{Data::type::list};
    for (const auto& e : result.entries.items) {
        Data row;
        row.set("at", display_instant(e.at));
        // The name is what a reader looks for; the email below it tells two people of one name apart.
        row.set("actor", name_in_label(e.actor_label));
        row.set("actor_email", optional_text(email_in_label(e.actor_label)));
        // The words for people; the key below them is what "Action starts with" filters on.
        row.set("action", audit_action_label(e.action));
        row.set("action_key", e.action);
        row.set("entity", e.entity_type + " " + e.entity_id);
        row.set("before", e.before_json);
        row.set("after", e.after_json);
        row.set("has_change", flag(!e.before_json.empty() || !e.after_json.empty()));
        row.set("withheld", flag(e.content_withheld));
        rows.push_back(row);
    }
    std::vector<Option> types{{"agency", "Agencies"}, {"person", "People"}, {"user", "User accounts"}};
    Data data;
    data.set("entries", rows);
    data.set("total", (result.more_than_total ? "More than " : "") + grouped(result.total) +
                          (result.total == 1 && !result.more_than_total ? " entry" : " entries"));
    data.set("type_html", select(Field{"entity_type", "Record type", filter.entity_type, ""}, types, "Any"));
    data.set("action_html", text_input(Field{"action", "Action starts with", filter.action_prefix, "",
                                             "For example agency. or user.sign_in", "off", "text", "govuk-input--width-20",
                                             false}));
    data.set("actor_html", text_input(Field{"actor", "Who", filter.actor_text, "", "Part of a name or email", "off",
                                            "text", "govuk-input--width-20", false}));
    data.set("from_html", text_input(Field{"from", "From (YYYY-MM-DD)", from, error_for(errors, "from"), {}, "off",
                                           "text", "govuk-input--width-10", false}));
    data.set("to_html", text_input(Field{"to", "To (YYYY-MM-DD)", to, error_for(errors, "to"), {}, "off", "text",
                                         "govuk-input--width-10", false}));
    const std::string base = "/audit?entity_type=" + url_encode(filter.entity_type) + "&action=" +
                             url_encode(filter.action_prefix) + "&actor=" + url_encode(filter.actor_text) +
                             "&from=" + url_encode(from) + "&to=" + url_encode(to);
    data.set("pagination_html", pagination(base, request, result.entries.next));
    data.set("can_see_reads", flag(ctx.who().can(Permission::view_access_log)));
    // The chain's latest check, kept by the server's background task: the page reads no rows
    // to give it.
    if (s.audit_watch) {
        if (const auto finding = s.audit_watch->latest(); finding.checked && !finding.check.intact) {
            data.set("chain_broken", flag(true));
            data.set("chain_row", std::to_string(finding.check.broken_row));
            data.set("chain_problem", finding.check.problem);
            data.set("chain_checked_at", display_instant(finding.at));
        }
    }
    page(ctx, "audit/audit", data, PageOptions{"Audit trail", "audit", errors, errors.empty() ? 200 : 422});
}

}  // namespace

void add_audit_routes(std::vector<Route>& routes, Services& services) {
    routes.push_back({"GET", "/audit", Permission::view_audit, Surface::page,
                      [&services](Ctx& ctx) { audit_page(services, ctx); }, "/audit", false});
    add_access_log_routes(routes, services);
}

}  // namespace assure::web
