// The schools register and rounds of school audits (issue 20 item 3): the register by phase with
// each setting's lead, its import from a spreadsheet (Get Information about Schools' download or
// the template) and one setting typed in; a round started for one duty's questions inviting
// every setting in one step; a round's results by phase on its cycle page (web/audits.cpp); and
// the same through the API. A refusal shows the form again with its errors and nothing saved.
#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "app/schools.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/html.hpp"
#include "web/learning_views.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"
#include "web/xlsx_read.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string duty_short(SchoolDuty d) {
    switch (d) {
        case SchoolDuty::section_157: return "Section 157";
        case SchoolDuty::early_years: return "Early years";
        case SchoolDuty::section_175: break;
    }
    return "Section 175";
}

void register_page(Services& s, Ctx& ctx) {
    const SchoolRegister r = list_schools(s, ctx.who());
    const auto chosen = parse_school_phase_key(ctx.query("phase"));
    Data rows{Data::type::list}, phases{Data::type::list};
    int shown = 0;
    for (const auto& school : r.schools) {
        if (chosen && school.phase != *chosen) continue;
        ++shown;
        Data row;
        row.set("name", school.name);
        row.set("agency_id", school.agency.str());
        row.set("urn", school.urn);
        row.set("phase", std::string(school_phase_label(school.phase)));
        row.set("type", optional_text(school.establishment_type));
        row.set("duty", duty_short(school.duty));
        row.set("lead", optional_text(school.lead_name));
        row.set("lead_email", school.lead_email);
        row.set("inactive", flag(!school.active));
        rows.push_back(row);
    }
    int active = 0;
    for (const auto& [phase, n] : r.by_phase) {
        active += n;
        Data p;
        p.set("label", std::string(school_phase_label(phase)));
        p.set("count", std::to_string(n));
        p.set("href", "/schools?phase=" + std::string(school_phase_key(phase)));
        p.set("current", flag(chosen && *chosen == phase));
        phases.push_back(p);
    }
    Data data;
    data.set("rows", rows);
    data.set("has_rows", flag(shown > 0));
    data.set("phases", phases);
    data.set("summary", count_of(active, "active setting", "active settings") + " in the register");
    data.set("filtered", optional_text(chosen ? std::string(school_phase_label(*chosen)) : ""));
    data.set("may_manage", flag(r.may_manage));
    const std::string saved = ctx.query("saved");
    const int closed = std::atoi(ctx.query("closed").c_str());
    data.set("saved", optional_text(saved == "import" ? "Register imported: " + std::to_string(std::atoi(ctx.query("added").c_str())) + " added, " +
                                                            std::to_string(std::atoi(ctx.query("updated").c_str())) + " updated, " +
                                                            std::to_string(std::atoi(ctx.query("unchanged").c_str())) + " as they were" +
                                                            (closed > 0 ? ", " + count_of(closed, "closed setting", "closed settings") + " left out or made inactive" : "") + "."
                                    : saved == "added" ? "Setting added to the register."
                                                       : ""));
    page(ctx, "schools/register", data, PageOptions{"Schools, colleges and early years settings", "audits", {}, 200, "/audits", "Back to audits"});
}

void import_page(Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    Data data;
    data.set("file_error", optional_text(error_for(errors, "file")));
    data.set("headings", [] {
        std::string out;
        for (const auto& h : school_sheet_headings()) out += (out.empty() ? "" : ", ") + h;
        return out;
    }());
    page(ctx, "schools/import", data, PageOptions{"Import the schools register", "audits", errors, status, "/schools", "Back to the register"});
}

void new_school_page(Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    auto value = [&](const std::string& name) { return posted ? ctx.form(name) : std::string(); };
    std::vector<Option> phases;
    for (const auto p : all_school_phases()) phases.push_back({std::string(school_phase_key(p)), std::string(school_phase_label(p))});
    Data data;
    data.set("urn_html", text_input(Field{"urn", "URN", value("urn"), error_for(errors, "urn"),
                                          "6 digits from Get Information about Schools, or EY and 6 digits for an early years setting", "", "text",
                                          "govuk-input--width-10", false}));
    data.set("name_html", text_input(Field{"name", "Name", value("name"), error_for(errors, "name")}));
    data.set("phase_html", radios(Field{"phase", "Phase", value("phase"), error_for(errors, "phase")}, phases));
    data.set("type_html", text_input(Field{"type", "Type of establishment (optional)", value("type"), error_for(errors, "type"),
                                           "As Get Information about Schools names it, for example Academy converter. It decides which "
                                           "questions the setting's audit asks."}));
    data.set("lead_name_html", text_input(Field{"lead_name", "Designated safeguarding lead (optional)", value("lead_name"), error_for(errors, "lead_name"),
                                                "", "name"}));
    data.set("lead_email_html", text_input(Field{"lead_email", "Lead's email address", value("lead_email"), error_for(errors, "lead_email"), "",
                                                 "email", "email", "", false}));
    page(ctx, "schools/new", data, PageOptions{"Add a setting to the register", "audits", errors, status, "/schools", "Back to the register"});
}

SchoolInput school_from_form(const Ctx& ctx) {
    return {ctx.form("urn"), ctx.form("name"), ctx.form("phase"), ctx.form("type"), ctx.form("lead_name"), ctx.form("lead_email")};
}

void round_form_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    auto value = [&](const std::string& name) { return posted ? ctx.form(name) : std::string(); };
    const SchoolRegister r = list_schools(s, ctx.who());
    auto settings_of = [&](SchoolDuty d) {
        return static_cast<long long>(std::count_if(r.schools.begin(), r.schools.end(), [&](const School& x) { return x.active && x.duty == d; }));
    };
    std::vector<Option> duties;
    for (const auto d : {SchoolDuty::section_175, SchoolDuty::section_157, SchoolDuty::early_years}) {
        duties.push_back({std::string(school_duty_key(d)), std::string(school_duty_label(d)),
                          count_of(settings_of(d), "setting", "settings") + " in the register answer these questions"});
    }
    std::vector<Option> phases;
    for (const auto& [phase, n] : r.by_phase) {
        phases.push_back({std::string(school_phase_key(phase)), std::string(school_phase_label(phase)), count_of(n, "setting", "settings")});
    }
    std::vector<Option> scales{{"four_point", "Grades 1 to 4", "1 outstanding, 2 good, 3 requires improvement, 4 inadequate"},
                               {"rag", "Red, amber, green"}};
    Data data;
    data.set("duty_html", radios(Field{"duty", "Questions", value("duty"), error_for(errors, "duty"),
                                       "The law a setting's duty comes from decides which questions it is asked"},
                                 duties));
    data.set("phases_html", checkboxes(Field{"phases", "Phases invited", "", error_for(errors, "phases"), "Leave every box empty to invite every phase"},
                                       phases, posted ? ctx.form_all("phases") : std::vector<std::string>{}));
    data.set("title_html", text_input(Field{"title", "Title", value("title"), error_for(errors, "title"), "For example, Section 175 audit 2026"}));
    data.set("opens_html", date_input(Field{"opens", "Opens", value("opens"), error_for(errors, "opens"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("closes_html", date_input(Field{"closes", "Closes", value("closes"), error_for(errors, "closes"),
                                             "Returns cannot be submitted after this day. " + std::string(kDateExample), "", "text", "govuk-input--width-10"}));
    data.set("scale_html", radios(Field{"scale", "Grading", posted ? ctx.form("scale") : "four_point", error_for(errors, "scale")}, scales));
    page(ctx, "schools/round_form", data, PageOptions{"Start a round of school audits", "audits", errors, status, "/audits", "Back to audits"});
}

SchoolRoundInput round_from_form(const Ctx& ctx) {
    return {ctx.form("title"), ctx.form("duty"), ctx.form("opens"), ctx.form("closes"), ctx.form("scale"), ctx.form_all("phases")};
}

J school_json(const School& x) {
    return J{{"agency_id", x.agency.value},
             {"urn", x.urn},
             {"name", x.name},
             {"phase", std::string(school_phase_key(x.phase))},
             {"type", x.establishment_type},
             {"duty", std::string(school_duty_key(x.duty))},
             {"lead", x.lead.valid() ? J{{"person_id", x.lead.value}, {"name", x.lead_name}, {"email", x.lead_email}} : J()},
             {"active", x.active}};
}

J round_json(const SchoolRoundView& v) {
    J phases = J::array();
    for (const auto& p : v.phases) {
        J standards = J::array();
        for (const auto& st : p.standards) standards.push_back({{"code", st.standard.code}, {"graded", st.graded}, {"gaps", st.gaps}});
        phases.push_back({{"phase", std::string(school_phase_key(p.phase))}, {"invited", p.invited}, {"submitted", p.submitted},
                          {"with_gaps", p.with_gaps}, {"standards", standards}});
    }
    J chosen = J::array();
    for (const auto p : v.round.phases) chosen.push_back(std::string(school_phase_key(p)));
    return J{{"cycle_id", v.round.cycle.value}, {"duty", std::string(school_duty_key(v.round.duty))}, {"phases_chosen", chosen},
             {"not_invited", v.not_invited}, {"results_by_phase", phases}};
}

void add_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/schools", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { register_page(s, ctx); }, "/schools"});
    routes.push_back({"GET", "/schools/import", Permission::manage_learning, Surface::page, [](Ctx& ctx) { import_page(ctx); }, "/schools/import"});
    routes.push_back({"POST", "/schools/import", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto file = ctx.req.files.find("file");
                          try {
                              if (file == ctx.req.files.end() || file->second.content.empty()) {
                                  throw Failure::invalid({{"file", "Choose the register: a Get Information about Schools download or the template, as CSV or XLSX"}});
                              }
                              const SchoolImport done = import_schools(s, ctx.who(), spreadsheet_or_csv(file->second.content));
                              redirect(ctx, "/schools?saved=import&added=" + std::to_string(done.added) + "&updated=" + std::to_string(done.updated) +
                                                "&unchanged=" + std::to_string(done.unchanged) + (done.closed > 0 ? "&closed=" + std::to_string(done.closed) : ""));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              import_page(ctx, f.fields(), 422);
                          }
                      },
                      "/schools/import"});
    routes.push_back({"GET", "/schools/template.xlsx", Permission::view_learning, Surface::page,
                      [](Ctx& ctx) { send_table(ctx, Table{"Schools", school_sheet_headings(), {}}, "schools-register-template", true); },
                      "/schools/template.xlsx"});
    routes.push_back({"GET", "/schools/new", Permission::manage_learning, Surface::page, [](Ctx& ctx) { new_school_page(ctx); }, "/schools/new"});
    routes.push_back({"POST", "/schools/new", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              add_school(s, ctx.who(), school_from_form(ctx));
                              redirect(ctx, "/schools?saved=added");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              new_school_page(ctx, f.fields(), 422);
                          }
                      },
                      "/schools/new"});
    routes.push_back({"GET", "/audits/schools/new", Permission::manage_learning, Surface::page, [&s](Ctx& ctx) { round_form_page(s, ctx); },
                      "/audits/schools/new"});
    routes.push_back({"POST", "/audits/schools/new", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const AuditCycle c = start_school_round(s, ctx.who(), round_from_form(ctx));
                              redirect(ctx, "/audits/" + c.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              round_form_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/audits/schools/new"});
    routes.push_back({"POST", R"(/audits/(\d+)/invite-schools)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          const AuditCycleId id{ctx.path_id()};
                          try {
                              const int added = invite_new_schools(s, ctx.who(), id, form_int(ctx, "version"));
                              redirect(ctx, "/audits/" + id.str() + "?invited=" + std::to_string(added));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              redirect(ctx, "/audits/" + id.str() + "?invited=0");
                          }
                      },
                      "/audits/1/invite-schools"});
}

void add_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/schools", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const SchoolRegister r = list_schools(s, ctx.who());
                          J items = J::array();
                          for (const auto& x : r.schools) items.push_back(school_json(x));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/schools"});
    routes.push_back({"POST", "/api/v1/schools", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              SchoolInput in{b.text("urn"), b.text("name"), b.text("phase"), b.text("type"), b.text("lead_name"), b.text("lead_email")};
                              b.check();
                              json(ctx, 201, school_json(add_school(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/schools"});
    // The body is the sheet itself (CSV or XLSX), as the dataset's imports take it.
    routes.push_back({"POST", "/api/v1/schools/import", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const SchoolImport done = import_schools(s, ctx.who(), spreadsheet_or_csv(ctx.req.body));
                          json(ctx, 200, {{"added", done.added}, {"updated", done.updated}, {"unchanged", done.unchanged}, {"closed", done.closed}});
                      },
                      "/api/v1/schools/import"});
    routes.push_back({"POST", "/api/v1/audits/school-rounds", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              SchoolRoundInput in{b.text("title"), b.text("duty"), b.text("opens"), b.text("closes"), b.text("scale"), {}};
                              if (b.j.contains("phases") && !b.j["phases"].is_null()) {
                                  if (!b.j["phases"].is_array()) b.errors.push_back({"phases", "phases must be a list of phase keys"});
                                  else for (const auto& p : b.j["phases"]) in.phases.push_back(p.is_string() ? p.get<std::string>() : std::string("?"));
                              }
                              if (in.scale.empty()) in.scale = "four_point";
                              b.check();
                              const AuditCycle c = start_school_round(s, ctx.who(), in);
                              json(ctx, 201, {{"id", c.id.value}, {"title", c.title}, {"invited", c.invited.size()}, {"version", c.version}});
                          });
                      },
                      "/api/v1/audits/school-rounds"});
    routes.push_back({"GET", R"(/api/v1/audits/(\d+)/school-round)", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto v = read_school_round(s, ctx.who(), AuditCycleId{ctx.path_id()});
                          if (!v) throw Failure::not_found("round of school audits " + std::to_string(ctx.path_id()));
                          json(ctx, 200, round_json(*v));
                      },
                      "/api/v1/audits/1/school-round"});
    routes.push_back({"POST", R"(/api/v1/audits/(\d+)/invite-schools)", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the cycle's version as read");
                              b.check();
                              json(ctx, 200, {{"invited", invite_new_schools(s, ctx.who(), AuditCycleId{ctx.path_id()}, version)}});
                          });
                      },
                      "/api/v1/audits/1/invite-schools"});
}

}  // namespace

void add_school_round(Services& s, Ctx& ctx, const AuditCycle& cycle, bool open_today, Data& data) {
    const auto v = read_school_round(s, ctx.who(), cycle.id);
    if (!v) return;
    data.set("kind", duty_short(v->round.duty));
    Data round, phases{Data::type::list}, phase_heads{Data::type::list}, standards{Data::type::list};
    round.set("questions", std::string(school_duty_label(v->round.duty)));
    std::string chosen;
    for (const auto p : v->round.phases) chosen += (chosen.empty() ? "" : ", ") + std::string(school_phase_label(p));
    round.set("phases_chosen", chosen.empty() ? std::string("Every phase") : chosen);
    for (const auto& p : v->phases) {
        Data row;
        row.set("phase", std::string(school_phase_label(p.phase)));
        row.set("invited", std::to_string(p.invited));
        row.set("submitted", std::to_string(p.submitted));
        row.set("completion", rate_text(p.completion()));
        row.set("with_gaps", std::to_string(p.with_gaps));
        phases.push_back(row);
        Data h;
        h.set("label", std::string(school_phase_label(p.phase)));
        phase_heads.push_back(h);
    }
    // Each standard's share of graded returns meeting it, one column per phase.
    for (std::size_t i = 0; i < cycle.standards.size(); ++i) {
        Data row, cells{Data::type::list};
        row.set("standard", cycle.standards[i].code + ". " + cycle.standards[i].title);
        for (const auto& p : v->phases) {
            Data c;
            const StandardResult& r = p.standards.at(i);
            const auto share = share_meeting(r);
            c.set("meeting", share ? rate_text(share) + " (" + std::to_string(r.graded - r.gaps) + " of " + std::to_string(r.graded) + ")"
                                   : std::string("None graded"));
            cells.push_back(c);
        }
        row.set("cells", cells);
        standards.push_back(row);
    }
    round.set("phases", phases);
    round.set("phase_heads", phase_heads);
    round.set("standards", standards);
    const bool may_invite = ctx.who().can(Permission::manage_learning) && open_today && v->not_invited > 0;
    round.set("may_invite", flag(may_invite));
    round.set("not_invited", count_of(v->not_invited, "setting", "settings"));
    data.set("round", round);
    if (ctx.has_query("invited")) {
        const int n = std::atoi(ctx.query("invited").c_str());
        data.set("invited_note", n <= 0 ? "No setting was invited: every setting the round asks about is invited already, or the round has closed."
                                        : count_of(n, "setting", "settings") + " added to the register since the round opened invited.");
    }
}

void add_school_routes(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web
