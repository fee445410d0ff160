// Lead and delegated safeguarding partners (issue 20 item 2): the page lists each statutory
// partner's holders today and before; the business unit records one and the last day of one;
// the API does the same as JSON.
#include "web/partners.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "app/partners.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/governance_views.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string role_lower(PartnerRole r) { return lower(partner_role_label(r)); }

void list_page(Services& s, Ctx& ctx) {
    const auto lines = list_partners(s, ctx.who());
    const bool can_edit = ctx.who().can(Permission::edit_directory);
    // Every active statutory partner, and any other agency that has had a holder (a CCG, say).
    std::vector<std::pair<AgencyId, std::string>> agencies;
    for (const Agency& a : list_agencies(s, ctx.who(), true)) {
        const bool had = std::any_of(lines.begin(), lines.end(), [&](const PartnerLine& l) { return l.appointment.agency == a.id; });
        if ((a.kind == AgencyKind::statutory_partner && a.active) || had) agencies.emplace_back(a.id, a.name);
    }
    Data sections{Data::type::list};
    for (const auto& [id, name] : agencies) {
        Data current{Data::type::list}, former{Data::type::list};
        for (const auto& l : lines) {
            if (l.appointment.agency != id) continue;
            Data row;
            row.set("id", std::to_string(l.appointment.id));
            row.set("person", l.person_name);
            row.set("job_title", optional_text(l.job_title));
            row.set("role", std::string(partner_role_label(l.appointment.role)));
            row.set("role_lower", role_lower(l.appointment.role));
            row.set("from", date_in_words(l.appointment.from));
            row.set("to", optional_text(l.appointment.to ? date_in_words(*l.appointment.to) : std::string()));
            row.set("can_edit", flag(can_edit && !l.appointment.to));
            (l.current ? current : former).push_back(row);
        }
        Data section;
        section.set("agency", name);
        section.set("has_current", flag(!current.is_empty_list()));
        section.set("current", current);
        section.set("has_former", flag(!former.is_empty_list()));
        section.set("former", former);
        sections.push_back(section);
    }
    Data data;
    data.set("agencies", sections);
    data.set("can_edit", flag(can_edit));
    const std::string saved = ctx.query("saved");
    data.set("saved", optional_text(saved == "appointed" ? "Safeguarding partner recorded." : saved == "ended" ? "Last day recorded." : ""));
    page(ctx, "partnership/partners", data, PageOptions{"Safeguarding partners", "agencies", {}, 200, "/agencies", "Back to agencies"});
}

void form_page(Services& s, Ctx& ctx, const PartnerInput& in, const FieldErrors& errors, int status) {
    std::vector<Option> agencies, people, roles;
    for (const Agency& a : list_agencies(s, ctx.who(), false)) {
        if (a.kind == AgencyKind::statutory_partner) agencies.push_back({a.id.str(), a.name});
    }
    for (const Person& p : list_people(s, ctx.who(), {})) people.push_back({p.id.str(), p.name + (p.job_title.empty() ? "" : ", " + p.job_title)});
    for (const auto r : {PartnerRole::lead, PartnerRole::delegate}) {
        roles.push_back({std::string(partner_role_key(r)), std::string(partner_role_label(r)),
                         r == PartnerRole::lead ? "The council's chief executive, the chief constable or the integrated care board's chief executive"
                                                : "Acts for the lead safeguarding partner in the partnership's work"});
    }
    Data data;
    data.set("agency_html", select(Field{"agency_id", "Statutory partner", in.agency_id, error_for(errors, "agency_id")}, agencies,
                                   "Select a statutory partner"));
    data.set("person_html", select(Field{"person_id", "Person", in.person_id, error_for(errors, "person_id"),
                                         "Add them to the directory first if they are not listed"},
                                   people, "Select a person"));
    data.set("role_html", radios(Field{"role", "Role", in.role, error_for(errors, "role")}, roles));
    data.set("from_html", date_input(Field{"from", "First day in the role", in.from, error_for(errors, "from"), kDateExample}));
    page(ctx, "partnership/partner_form", data,
         PageOptions{"Record a safeguarding partner", "agencies", errors, status, "/partners", "Back to safeguarding partners"});
}

void end_page(Ctx& ctx, const PartnerLine& l, const std::string& to, const FieldErrors& errors, int status) {
    Data data;
    data.set("id", std::to_string(l.appointment.id));
    data.set("agency", l.agency_name);
    data.set("person", l.person_name);
    data.set("role_lower", role_lower(l.appointment.role));
    data.set("from", date_in_words(l.appointment.from));
    data.set("to_html", date_input(Field{"to", "Last day in the role", to, error_for(errors, "to"), kDateExample}));
    page(ctx, "partnership/partner_end", data,
         PageOptions{"Record the last day of " + l.person_name, "agencies", errors, status, "/partners", "Back to safeguarding partners"});
}

J to_json(const PartnerLine& l) {
    const auto& a = l.appointment;
    J j{{"id", a.id},           {"agency_id", a.agency.value},   {"agency", l.agency_name},
        {"person_id", a.person.value}, {"person", l.person_name}, {"job_title", l.job_title},
        {"role", std::string(partner_role_key(a.role))}, {"from", a.from.iso()}, {"to", nullptr}, {"current", l.current}};
    if (a.to) j["to"] = a.to->iso();
    return j;
}

std::int64_t path_number(const Ctx& ctx) { return ctx.path_id(); }

}  // namespace

void add_partner_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/partners", Permission::view_directory, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, "/partners"});
    routes.push_back({"GET", "/partners/new", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) { form_page(s, ctx, {}, {}, 200); }, "/partners/new"});
    routes.push_back({"POST", "/partners", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const PartnerInput in{ctx.form("agency_id"), ctx.form("person_id"), ctx.form("role"), ctx.form("from")};
                          try {
                              appoint_partner(s, ctx.who(), in);
                              redirect(ctx, "/partners?saved=appointed");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/partners"});
    routes.push_back({"GET", R"(/partners/(\d+)/end)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) { end_page(ctx, read_partner(s, ctx.who(), path_number(ctx)), "", {}, 200); }, "/partners/1/end"});
    routes.push_back({"POST", R"(/partners/(\d+)/end)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string to = ctx.form("to");
                          try {
                              end_partner(s, ctx.who(), path_number(ctx), to);
                              redirect(ctx, "/partners?saved=ended");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              end_page(ctx, read_partner(s, ctx.who(), path_number(ctx)), to, f.fields(), 422);
                          }
                      },
                      "/partners/1/end"});

    routes.push_back({"GET", "/api/v1/partners", Permission::view_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& l : list_partners(s, ctx.who())) items.push_back(to_json(l));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/partners"});
    routes.push_back({"POST", "/api/v1/partners", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const PartnerInput in{b.value_text("agency_id"), b.value_text("person_id"), b.text("role"), b.text("from")};
                              b.check();
                              const PartnerLine l = appoint_partner(s, ctx.who(), in);
                              json(ctx, 201, to_json(l));
                          });
                      },
                      "/api/v1/partners"});
    routes.push_back({"POST", R"(/api/v1/partners/(\d+)/end)", Permission::edit_directory, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string to = b.text("to");
                              b.check();
                              json(ctx, 200, to_json(end_partner(s, ctx.who(), path_number(ctx), to)));
                          });
                      },
                      "/api/v1/partners/1/end"});
}

}  // namespace assure::web
