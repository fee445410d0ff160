// Links between agency records of different partnerships: pages and API (app/agency_links.hpp;
// docs/decisions/0024). A Section 11 or 175 return is shared only along an accepted link.
#include "app/agency_links.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

std::string day(Instant at) { return date_in_words(london_date(at)); }

Data link_row(const AgencyLinkView& v) {
    const auto& l = v.link;
    Data row;
    row.set("id", std::to_string(l.id));
    row.set("version", std::to_string(l.version));
    row.set("our_agency", v.our_agency.empty() ? std::string("Not chosen yet") : v.our_agency);
    row.set("their_partnership", v.their_partnership);
    row.set("their_agency", v.their_agency.empty() ? std::string("Not chosen yet") : v.their_agency);
    row.set("accepted", flag(l.shares()));
    row.set("incoming", flag(v.incoming));
    row.set("outgoing", flag(!l.shares() && !v.incoming));
    row.set("proposed_by", name_in_label(l.proposed_by));
    row.set("proposed_on", day(l.proposed_at));
    row.set("accepted_by", name_in_label(l.accepted_by));
    row.set("accepted_on", l.shares() ? day(l.accepted_at) : std::string());
    return row;
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const auto found = list_agency_links(s, ctx.who(), request);
    Data rows{Data::type::list};
    for (const auto& v : found.items) rows.push_back(link_row(v));
    Data data;
    data.set("links", rows);
    data.set("any", flag(!found.items.empty()));
    data.set("removed", flag(ctx.query("removed") == "1"));
    data.set("pagination_html", pagination("/agency-links", request, found.next));
    page(ctx, "agency_links/list", data, PageOptions{"Links with other partnerships", "agencies"});
}

std::vector<Option> agency_options(const std::vector<Agency>& agencies) {
    std::vector<Option> out;
    for (const auto& a : agencies) out.push_back({a.id.str(), a.name + (a.organisation_code.empty() ? "" : " (" + a.organisation_code + ")")});
    return out;
}

void new_form(Services& s, Ctx& ctx, const AgencyLinkInput& in, const FieldErrors& errors, int status) {
    std::vector<Option> partnerships;
    for (const auto& p : partnerships_to_link(s, ctx.who())) partnerships.push_back({p.id.str(), p.name});
    Data data;
    data.set("none", flag(partnerships.empty()));
    data.set("agency_html", select(Field{"agency_id", "Your agency", in.agency_id, error_for(errors, "agency_id")},
                                   agency_options(list_agencies(s, ctx.who(), false)), "Select an agency"));
    data.set("partnership_html",
             select(Field{"partnership", "The other partnership", in.partnership, error_for(errors, "partnership"),
                          "It chooses which of its agencies is the same organisation when it accepts"},
                    partnerships, "Select a partnership"));
    data.set("administrator", flag(ctx.who().can(Permission::manage_partnerships)));
    data.set("code_html", text_input(Field{"their_organisation_code", "Their agency's organisation code (optional)",
                                           in.their_organisation_code, error_for(errors, "their_organisation_code"),
                                           "As an administrator of this service you may set the link at once: give the code "
                                           "of the agency there. Leave it empty to propose the link instead",
                                           "off", "text", "govuk-input--width-10", false}));
    page(ctx, "agency_links/new", data, PageOptions{"Link an agency with another partnership", "agencies", errors, status});
}

void link_page(Services& s, Ctx& ctx, const AgencyLinkView& v, const std::string& chosen, const FieldErrors& errors, int status) {
    Data data = link_row(v);
    data.set("saved", flag(ctx.query("saved") == "1"));
    data.set("agency_html", select(Field{"agency_id", "Which of your agencies is this organisation?", chosen, error_for(errors, "agency_id")},
                                   agency_options(list_agencies(s, ctx.who(), false)), "Select an agency"));
    const std::string title = v.link.shares() ? "Linked with " + v.their_partnership
                              : v.incoming    ? "Proposal from " + v.their_partnership
                                              : "Proposal to " + v.their_partnership;
    data.set("title", title);
    page(ctx, "agency_links/link", data, PageOptions{title, "agencies", errors, status});
}

AgencyLinkInput form_input(const Ctx& ctx) {
    return {ctx.form("agency_id"), ctx.form("partnership"), ctx.form("their_organisation_code")};
}

void add_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/agency-links", Permission::edit_directory, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); },
                      "/agency-links"});
    routes.push_back({"GET", "/agency-links/new", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) { new_form(s, ctx, {}, {}, 200); }, "/agency-links/new"});
    routes.push_back({"POST", "/agency-links", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const AgencyLinkInput in = form_input(ctx);
                          try {
                              const auto v = propose_agency_link(s, ctx.who(), in);
                              redirect(ctx, "/agency-links/" + std::to_string(v.link.id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              new_form(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/agency-links"});
    routes.push_back({"GET", R"(/agency-links/(\d+))", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) { link_page(s, ctx, get_agency_link(s, ctx.who(), ctx.path_id()), "", {}, 200); },
                      "/agency-links/1"});
    routes.push_back({"POST", R"(/agency-links/(\d+)/accept)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::int64_t id = ctx.path_id();
                          try {
                              accept_agency_link(s, ctx.who(), id, form_int(ctx, "version"), ctx.form("agency_id"));
                              redirect(ctx, "/agency-links/" + std::to_string(id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              link_page(s, ctx, get_agency_link(s, ctx.who(), id), ctx.form("agency_id"), f.fields(), 422);
                          }
                      },
                      "/agency-links/1/accept"});
    routes.push_back({"POST", R"(/agency-links/(\d+)/remove)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          remove_agency_link(s, ctx.who(), ctx.path_id(), form_int(ctx, "version"));
                          redirect(ctx, "/agency-links?removed=1");
                      },
                      "/agency-links/1/remove"});
}

void add_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/agency-links", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto found = list_agency_links(s, ctx.who(), page_request(ctx));
                          auto items = nlohmann::json::array();
                          for (const auto& v : found.items) items.push_back(to_json(v));
                          json(ctx, 200, list_body(std::move(items), found.next));
                      },
                      "/api/v1/agency-links"});
    routes.push_back({"POST", "/api/v1/agency-links", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const AgencyLinkInput in{b.value_text("agency_id"), b.value_text("partnership_id"),
                                                       b.text("their_organisation_code")};
                              b.check();
                              const auto v = propose_agency_link(s, ctx.who(), in);
                              ctx.res.set_header("Location", "/api/v1/agency-links/" + std::to_string(v.link.id));
                              json(ctx, 201, to_json(v));
                          });
                      },
                      "/api/v1/agency-links"});
    routes.push_back({"GET", R"(/api/v1/agency-links/(\d+))", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, to_json(get_agency_link(s, ctx.who(), ctx.path_id()))); },
                      "/api/v1/agency-links/1"});
    routes.push_back({"POST", R"(/api/v1/agency-links/(\d+)/accept)", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "Send the version you last read, as an integer");
                              const std::string agency = b.value_text("agency_id");
                              b.check();
                              json(ctx, 200, to_json(accept_agency_link(s, ctx.who(), ctx.path_id(), version, agency)));
                          });
                      },
                      "/api/v1/agency-links/1/accept"});
    routes.push_back({"DELETE", R"(/api/v1/agency-links/(\d+))", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          const std::string raw = ctx.query("version");
                          int version = -1;
                          try {
                              version = raw.empty() ? -1 : std::stoi(raw);
                          } catch (const std::exception&) {
                              version = -1;
                          }
                          if (version < 0) throw Failure::invalid({{"version", "Send the version you last read as ?version="}});
                          remove_agency_link(s, ctx.who(), ctx.path_id(), version);
                          ctx.res.status = 204;
                      },
                      "/api/v1/agency-links/1"});
}

}  // namespace

void add_agency_link_routes(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web
