// Pages of the partnership directory: agencies and people.
#include <charconv>

#include "app/governance.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/partners.hpp"
#include "web/areas.hpp"
#include "web/directory_query.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

Data status_tag(bool active) {
    Data d;
    d.set("active", flag(active));
    return d;
}

std::string status_key(const std::optional<bool>& active) {
    return active ? (*active ? "active" : "deactivated") : "all";
}

// The search box and status filter both lists share; a plain GET form, so it works without JavaScript.
void set_search(Data& data, const std::string& text, const std::optional<bool>& active, const std::string& what) {
    data.set("search_html", text_input(Field{"q", "Search", text, "", "Part of " + what, "off", "search",
                                             "govuk-input--width-20", false}));
    data.set("status_html", select(Field{"status", "Status", status_key(active), ""},
                                   {{"active", "Active"}, {"deactivated", "Deactivated"}, {"all", "Active and deactivated"}},
                                   ""));
}

// ---- agencies -------------------------------------------------------------------------

std::vector<Option> kind_options() {
    return {{"statutory_partner", "Statutory partner", "The local authority, the police or the health body"},
            {"relevant_agency", "Relevant agency", "Named by the statutory partners, such as a school or NHS trust"}};
}

std::vector<Option> statutory_role_options() {
    return {{"none", "None (relevant agency)"},
            {"local_authority", "Local authority"},
            {"police", "Police"},
            {"health", "Health"}};
}

std::vector<Option> sector_options() {
    std::vector<Option> out;
    for (const auto& s : sectors()) out.push_back({std::string(s.key), std::string(s.label)});
    return out;
}

AgencyInput agency_input(const Ctx& ctx) {
    return {ctx.form("name"), ctx.form("kind"), ctx.form("statutory_role"), ctx.form("sector"), ctx.form("chief_officer"),
            ctx.form("organisation_code")};
}

void agency_form(Ctx& ctx, const std::string& title, const std::string& action, const AgencyInput& in, int version,
                 const FieldErrors& errors, int status) {
    Data data;
    data.set("title", title);
    data.set("action", action);
    data.set("version", std::to_string(version));
    data.set("has_version", flag(version > 0));
    data.set("name_html", text_input(Field{"name", "Agency name", in.name, error_for(errors, "name")}));
    data.set("kind_html", radios(Field{"kind", "Type of agency", in.kind, error_for(errors, "kind")}, kind_options()));
    data.set("statutory_role_html",
             radios(Field{"statutory_role", "Statutory role", in.statutory_role.empty() ? "none" : in.statutory_role,
                          error_for(errors, "statutory_role"), "Only for the three statutory partners"},
                    statutory_role_options()));
    data.set("sector_html",
             select(Field{"sector", "Sector", in.sector, error_for(errors, "sector")}, sector_options(), "Select a sector"));
    data.set("chief_officer_html",
             text_input(Field{"chief_officer", "Chief officer (optional)", in.chief_officer, error_for(errors, "chief_officer"),
                              "Name and title of the person persistent non-attendance is reported to, for example Chief Constable Jane Smith"}));
    data.set("organisation_code_html",
             text_input(Field{"organisation_code", "Organisation code (optional)", in.organisation_code, error_for(errors, "organisation_code"),
                              "For an organisation that works with other partnerships on this service, such as a police force or an NHS trust: "
                              "the same code in each (for example its NHS ODS code), so it can submit one Section 11 return and share it"}));
    page(ctx, "partnership/agency_form", data, PageOptions{title, "agencies", errors, status, "/agencies", "Back to agencies"});
}

Data agency_row(const Agency& a) {
    Data row;
    row.set("id", a.id.str());
    row.set("name", a.name);
    row.set("kind", std::string(agency_kind_label(a.kind)));
    row.set("statutory_role", std::string(statutory_role_label(a.statutory_role)));
    row.set("sector", std::string(sector_label(a.sector)));
    row.set("chief_officer", a.chief_officer);
    row.set("organisation_code", a.organisation_code);
    row.set("status", status_tag(a.active));
    return row;
}

void list_agencies_page(Services& s, Ctx& ctx) {
    const AgencyQuery query = agency_query(ctx);
    const Page<Agency> found = find_agencies(s, ctx.who(), query);
    Data rows{Data::type::list};
    for (const auto& a : found.items) rows.push_back(agency_row(a));
    Data data;
    data.set("agencies", rows);
    data.set("none", flag(found.items.empty()));
    data.set("can_edit", flag(ctx.who().can(Permission::edit_directory)));
    const std::string kind = query.kind ? std::string(agency_kind_key(*query.kind)) : "";
    set_search(data, query.text, query.active, "an agency's name");
    data.set("kind_html", select(Field{"kind", "Type of agency", kind, ""}, kind_options(), "Any type"));
    data.set("pagination_html",
             pagination("/agencies?q=" + url_encode(query.text) + "&kind=" + kind + "&status=" + status_key(query.active),
                        query.page, found.next));
    page(ctx, "partnership/agencies", data, PageOptions{"Agencies", "agencies"});
}

void show_agency_page(Services& s, Ctx& ctx) {
    const Agency a = get_agency(s, ctx.who(), AgencyId{ctx.path_id()});
    PersonQuery query;
    query.agency = a.id;
    query.page.limit = PageRequest::default_limit;
    const Page<Person> found = find_people(s, ctx.who(), query);
    Data people{Data::type::list};
    for (const auto& p : found.items) {
        Data row;
        row.set("id", p.id.str());
        row.set("name", p.name);
        row.set("job_title", p.job_title);
        row.set("status", status_tag(p.active));
        people.push_back(row);
    }
    Data data = agency_row(a);
    data.set("version", std::to_string(a.version));
    data.set("people", people);
    data.set("has_people", flag(!people.is_empty_list()));
    // The agency's page shows its first people; the people list pages through the rest.
    if (found.next) data.set("more_people_href", "/people?agency=" + a.id.str() + "&status=all");
    data.set("can_edit", flag(ctx.who().can(Permission::edit_directory)));
    data.set("saved", flag(ctx.query("saved") == "1"));
    page(ctx, "partnership/agency", data, PageOptions{a.name, "agencies", {}, 200, "/agencies", "Back to agencies"});
}

void add_agency_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/agencies", Permission::view_directory, Surface::page,
                      [&s](Ctx& ctx) { list_agencies_page(s, ctx); }, "/agencies"});
    routes.push_back({"GET", "/agencies/new", Permission::edit_directory, Surface::page,
                      [](Ctx& ctx) { agency_form(ctx, "Add an agency", "/agencies", {}, 0, {}, 200); },
                      "/agencies/new"});
    routes.push_back({"POST", "/agencies", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto in = agency_input(ctx);
                          try {
                              const auto a = create_agency(s, ctx.who(), in);
                              redirect(ctx, "/agencies/" + a.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              agency_form(ctx, "Add an agency", "/agencies", in, 0, f.fields(), 422);
                          }
                      },
                      "/agencies"});
    routes.push_back({"GET", R"(/agencies/(\d+))", Permission::view_directory, Surface::page,
                      [&s](Ctx& ctx) { show_agency_page(s, ctx); }, "/agencies/1"});
    routes.push_back({"GET", R"(/agencies/(\d+)/edit)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const Agency a = get_agency(s, ctx.who(), AgencyId{ctx.path_id()});
                          AgencyInput in{a.name, std::string(agency_kind_key(a.kind)),
                                         std::string(statutory_role_key(a.statutory_role)), a.sector, a.chief_officer, a.organisation_code};
                          agency_form(ctx, "Change " + a.name, "/agencies/" + a.id.str() + "/edit", in, a.version, {},
                                      200);
                      },
                      "/agencies/1/edit"});
    routes.push_back({"POST", R"(/agencies/(\d+)/edit)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const AgencyId id{ctx.path_id()};
                          const auto in = agency_input(ctx);
                          try {
                              update_agency(s, ctx.who(), id, form_int(ctx, "version"), in);
                              redirect(ctx, "/agencies/" + id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              agency_form(ctx, "Change agency", "/agencies/" + id.str() + "/edit", in,
                                          form_int(ctx, "version"), f.fields(), 422);
                          }
                      },
                      "/agencies/1/edit"});
    for (const bool active : {false, true}) {
        const std::string verb = active ? "reactivate" : "deactivate";
        routes.push_back({"POST", R"(/agencies/(\d+)/)" + verb, Permission::edit_directory, Surface::page,
                          [&s, active](Ctx& ctx) {
                              const AgencyId id{ctx.path_id()};
                              set_agency_active(s, ctx.who(), id, form_int(ctx, "version"), active);
                              redirect(ctx, "/agencies/" + id.str() + "?saved=1");
                          },
                          "/agencies/1/" + verb});
    }
}

// ---- people ---------------------------------------------------------------------------

PersonInput person_input(const Ctx& ctx) {
    return {ctx.form("name"), ctx.form("job_title"), ctx.form("agency_id"), ctx.form("email")};
}

std::vector<Option> agency_options(const std::vector<Agency>& agencies) {
    std::vector<Option> out;
    for (const auto& a : agencies) {
        if (a.active) out.push_back({a.id.str(), a.name});
    }
    out.push_back({"none", "Independent (not part of an agency)"});
    return out;
}

void person_form(Services& s, Ctx& ctx, const std::string& title, const std::string& action, const PersonInput& in,
                 int version, const FieldErrors& errors, int status) {
    // The select offers every active agency of the partnership: bounded (agencies are
    // organisations, tens per partnership), so no paging here.
    const auto agencies = list_agencies(s, ctx.who(), false);
    Data data;
    data.set("title", title);
    data.set("action", action);
    data.set("version", std::to_string(version));
    data.set("has_version", flag(version > 0));
    data.set("name_html",
             text_input(Field{"name", "Full name", in.name, error_for(errors, "name"), {}, "name", "text", {}, false}));
    data.set("job_title_html", text_input(Field{"job_title", "Job title", in.job_title, error_for(errors, "job_title"),
                                                {}, "organization-title"}));
    data.set("agency_html", select(Field{"agency_id", "Agency", in.agency_id, error_for(errors, "agency_id")},
                                   agency_options(agencies), "Select an agency"));
    data.set("email_html", text_input(Field{"email", "Email address", in.email, error_for(errors, "email"),
                                            "Their work email address", "email", "email", {}, false}));
    page(ctx, "partnership/person_form", data, PageOptions{title, "people", errors, status, "/people", "Back to people"});
}

void list_people_page(Services& s, Ctx& ctx) {
    const PersonQuery query = person_query(ctx, "agency");
    const Page<Person> found = find_people(s, ctx.who(), query);
    std::vector<AgencyId> shown;
    for (const auto& p : found.items) {
        if (p.agency.valid()) shown.push_back(p.agency);
    }
    const auto names = agency_names(s, ctx.who(), shown);
    Data rows{Data::type::list};
    for (const auto& p : found.items) {
        Data row;
        row.set("id", p.id.str());
        row.set("name", p.name);
        row.set("job_title", p.job_title);
        const auto name = names.find(p.agency);
        row.set("agency", name == names.end() ? std::string("Independent") : name->second);
        row.set("status", status_tag(p.active));
        rows.push_back(row);
    }
    Data data;
    data.set("people", rows);
    data.set("none", flag(found.items.empty()));
    data.set("can_edit", flag(ctx.who().can(Permission::edit_directory)));
    // The filter offers every agency of the partnership (bounded: tens of organisations).
    std::vector<Option> filter_options;
    for (const auto& a : list_agencies(s, ctx.who(), true)) filter_options.push_back({a.id.str(), a.name});
    const std::string agency = query.agency ? query.agency->str() : "";
    data.set("agency_filter_html", select(Field{"agency", "Agency", agency, ""}, filter_options, "All agencies"));
    set_search(data, query.text, query.active, "a name, email address or job title");
    data.set("pagination_html",
             pagination("/people?q=" + url_encode(query.text) + "&agency=" + agency + "&status=" + status_key(query.active),
                        query.page, found.next));
    page(ctx, "partnership/people", data, PageOptions{"People", "people"});
}

void show_person_page(Services& s, Ctx& ctx) {
    const Person p = get_person(s, ctx.who(), PersonId{ctx.path_id()});
    Data data;
    data.set("id", p.id.str());
    data.set("name", p.name);
    data.set("job_title", p.job_title);
    data.set("email", p.email);
    data.set("version", std::to_string(p.version));
    data.set("status", status_tag(p.active));
    if (p.agency.valid()) {
        const Agency a = get_agency(s, ctx.who(), p.agency);
        data.set("agency", a.name);
        data.set("agency_id", a.id.str());
    } else {
        data.set("agency", "Independent (not part of an agency)");
    }
    if (ctx.who().can(Permission::view_governance)) {
        const PersonGovernance g = person_governance(s, ctx.who(), p.id);
        const Date today = london_today(s);
        Data memberships{Data::type::list}, interests{Data::type::list};
        for (const auto& [m, group] : g.memberships) {
            Data row;
            row.set("group_id", m.group.str());
            row.set("group", group);
            row.set("role", std::string(member_role_label(m.role)) + (m.priority.empty() ? "" : ": " + m.priority));
            row.set("code", std::string(membership_code_label(m.code)));
            row.set("period", period_in_words(m.start, m.end));
            row.set("current", flag(member_on(m, today)));
            memberships.push_back(row);
        }
        for (const auto& i : g.interests) {
            Data row;
            row.set("interest", i.interest);
            row.set("declared_on", date_in_words(i.declared_on));
            row.set("meeting_id", optional_text(i.meeting.valid() ? i.meeting.str() : ""));
            interests.push_back(row);
        }
        data.set("can_view_governance", flag(true));
        data.set("memberships", memberships);
        data.set("has_memberships", flag(!g.memberships.empty()));
        data.set("interests", interests);
        data.set("has_interests", flag(!g.interests.empty()));
    }
    data.set("can_edit", flag(ctx.who().can(Permission::edit_directory)));
    data.set("saved", flag(ctx.query("saved") == "1"));
    page(ctx, "partnership/person", data, PageOptions{p.name, "people", {}, 200, "/people", "Back to people"});
}

void add_people_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/people", Permission::view_directory, Surface::page,
                      [&s](Ctx& ctx) { list_people_page(s, ctx); }, "/people"});
    routes.push_back({"GET", "/people/new", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) { person_form(s, ctx, "Add a person", "/people", {}, 0, {}, 200); },
                      "/people/new"});
    routes.push_back({"POST", "/people", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto in = person_input(ctx);
                          try {
                              const auto p = create_person(s, ctx.who(), in);
                              redirect(ctx, "/people/" + p.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              person_form(s, ctx, "Add a person", "/people", in, 0, f.fields(), 422);
                          }
                      },
                      "/people"});
    routes.push_back({"GET", R"(/people/(\d+))", Permission::view_directory, Surface::page,
                      [&s](Ctx& ctx) { show_person_page(s, ctx); }, "/people/1"});
    routes.push_back({"GET", R"(/people/(\d+)/edit)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const Person p = get_person(s, ctx.who(), PersonId{ctx.path_id()});
                          PersonInput in{p.name, p.job_title, p.agency.valid() ? p.agency.str() : "none", p.email};
                          person_form(s, ctx, "Change " + p.name, "/people/" + p.id.str() + "/edit", in, p.version, {},
                                      200);
                      },
                      "/people/1/edit"});
    routes.push_back({"POST", R"(/people/(\d+)/edit)", Permission::edit_directory, Surface::page,
                      [&s](Ctx& ctx) {
                          const PersonId id{ctx.path_id()};
                          const auto in = person_input(ctx);
                          try {
                              update_person(s, ctx.who(), id, form_int(ctx, "version"), in);
                              redirect(ctx, "/people/" + id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              person_form(s, ctx, "Change person", "/people/" + id.str() + "/edit", in,
                                          form_int(ctx, "version"), f.fields(), 422);
                          }
                      },
                      "/people/1/edit"});
    for (const bool active : {false, true}) {
        const std::string verb = active ? "reactivate" : "deactivate";
        routes.push_back({"POST", R"(/people/(\d+)/)" + verb, Permission::edit_directory, Surface::page,
                          [&s, active](Ctx& ctx) {
                              const PersonId id{ctx.path_id()};
                              set_person_active(s, ctx.who(), id, form_int(ctx, "version"), active);
                              redirect(ctx, "/people/" + id.str() + "?saved=1");
                          },
                          "/people/1/" + verb});
    }
}

}  // namespace

void add_partnership_routes(std::vector<Route>& routes, Services& services) {
    add_agency_routes(routes, services);
    add_people_routes(routes, services);
    add_partner_routes(routes, services);
}

}  // namespace assure::web
