// The per-case multi-agency audit tool (issue 20 item 5): an audit's cases with each one's
// progress, the grades by question and the findings they support; a case with each agency's
// audit and the moderation; the forms that fill in an agency's audit and record the moderation
// meeting (each its own page, so one form's fields never repeat another's); and the API.
#include <nlohmann/json.hpp>

#include "app/case_audits.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/governance_views.hpp"
#include "web/html.hpp"
#include "web/learning_views.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

const char* const kGrades[] = {"Outstanding", "Good", "Requires improvement", "Inadequate"};

std::string base_of(LearningSourceId id) { return "/learning/" + id.str() + "/case-audit"; }
std::string case_href(LearningSourceId id, std::int64_t c) { return base_of(id) + "/cases/" + std::to_string(c); }
LearningSourceId audit_of(const Ctx& ctx) { return LearningSourceId{ctx.path_id()}; }
std::int64_t case_of(const Ctx& ctx) { return ctx.path_id(2); }

std::string grade_text(const std::string& g) {
    if (g.size() == 1 && g[0] >= '1' && g[0] <= '4') return g + " – " + kGrades[g[0] - '1'];
    return "Not graded";
}

std::string names_text(const std::vector<AgencyId>& ids, const std::map<AgencyId, std::string>& names) {
    std::string out;
    for (const auto a : ids) {
        const auto n = names.find(a);
        out += (out.empty() ? "" : ", ") + (n == names.end() ? a.str() : n->second);
    }
    return out;
}

std::vector<Option> grade_options() {
    std::vector<Option> out;
    for (int g = 1; g <= 4; ++g) out.push_back({std::to_string(g), std::to_string(g) + " – " + kGrades[g - 1]});
    return out;
}

Data answers_table(const std::vector<CaseAuditQuestion>& questions, const std::vector<CaseAnswer>& answers) {
    Data rows{Data::type::list};
    for (const auto& q : questions) {
        const auto a = std::find_if(answers.begin(), answers.end(), [&](const CaseAnswer& x) { return x.code == q.code; });
        Data row;
        row.set("question", q.code + ". " + q.text);
        row.set("grade", grade_text(a == answers.end() ? "" : a->grade));
        row.set("comment", optional_text(a == answers.end() ? "" : a->comment));
        rows.push_back(row);
    }
    return rows;
}

// The grade and comment fields of a form, one pair per question, filled from what was posted.
Data answer_fields(const Ctx& ctx, const std::vector<CaseAuditQuestion>& questions, const std::vector<CaseAnswer>& saved,
                   const FieldErrors& errors, const char* comment_label) {
    const bool posted = ctx.req.method == "POST";
    Data fields{Data::type::list};
    for (const auto& q : questions) {
        const auto a = std::find_if(saved.begin(), saved.end(), [&](const CaseAnswer& x) { return x.code == q.code; });
        const std::string grade = posted ? ctx.form("grade_" + q.code) : a == saved.end() ? "" : a->grade;
        const std::string comment = posted ? ctx.form("comment_" + q.code) : a == saved.end() ? "" : a->comment;
        Data f;
        f.set("html", radios(Field{"grade_" + q.code, q.code + ". " + q.text, grade, error_for(errors, "grade_" + q.code)}, grade_options()) +
                          textarea(Field{"comment_" + q.code, comment_label, comment, error_for(errors, "comment_" + q.code)}, 3));
        fields.push_back(f);
    }
    return fields;
}

std::vector<CaseAnswer> answers_from_form(const Ctx& ctx, const std::vector<CaseAuditQuestion>& questions) {
    std::vector<CaseAnswer> out;
    for (const auto& q : questions) out.push_back({q.code, ctx.form("grade_" + q.code), ctx.form("comment_" + q.code)});
    return out;
}

void audit_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const CaseAuditView v = read_case_audit(s, ctx.who(), audit_of(ctx));
    const LearningSourceId id = v.audit.id;
    Data data, questions{Data::type::list}, cases{Data::type::list}, results{Data::type::list}, drawn{Data::type::list};
    data.set("id", id.str());
    data.set("title", v.audit.title);
    data.set("version", std::to_string(v.audit.version));
    for (const auto& q : v.questions) questions.push_back(Data(q.code + ". " + q.text));
    for (const auto& l : v.lines) {
        Data row;
        row.set("href", case_href(id, l.audited.id));
        row.set("pseudonym", l.audited.pseudonym);
        row.set("agencies", names_text(l.audited.agencies, v.agency_names));
        row.set("submitted", std::to_string(l.submitted) + " of " + std::to_string(l.asked));
        row.set("moderated", l.moderated_on ? date_in_words(*l.moderated_on) : std::string("Not yet"));
        cases.push_back(row);
    }
    for (const auto& r : v.results) {
        Data row, counts{Data::type::list};
        row.set("question", r.question.code + ". " + r.question.text);
        for (int g = 0; g < 4; ++g) counts.push_back(Data(std::to_string(r.counts[g])));
        row.set("counts", counts);
        row.set("graded", std::to_string(r.graded) + (r.moderated_cases > 0 ? " (" + std::to_string(r.moderated_cases) + " agreed at moderation)" : ""));
        results.push_back(row);
    }
    for (const auto& d : v.drawn) {
        Data row;
        row.set("kind", d.development ? "Area for development" : "Good practice");
        row.set("tag", d.development ? "govuk-tag--orange" : "govuk-tag--green");
        row.set("text", d.text);
        drawn.push_back(row);
    }
    data.set("questions", questions);
    data.set("cases", cases);
    data.set("has_cases", flag(!v.lines.empty()));
    data.set("cases_count", count_of(static_cast<long long>(v.lines.size()), "case", "cases"));
    data.set("results", results);
    data.set("drawn", drawn);
    data.set("has_drawn", flag(!v.drawn.empty()));
    data.set("may_manage", flag(v.may_manage));
    data.set("findings_error", optional_text(error_for(errors, "findings")));
    const bool posted = ctx.req.method == "POST" && error_for(errors, "findings").empty();
    const std::vector<Option> agencies = agency_options(s, ctx.who());
    data.set("pseudonym_html", text_input(Field{"pseudonym", "Pseudonym", posted ? ctx.form("pseudonym") : "", error_for(errors, "pseudonym"),
                                                "Never the child's name: for example, Case A", "off", "text", "govuk-input--width-20"}));
    data.set("summary_html", textarea(Field{"summary", "What the case is about", posted ? ctx.form("summary") : "", error_for(errors, "summary"),
                                            "In a sentence, without names"},
                                      2));
    data.set("agencies_html", checkboxes(Field{"agency_ids", "Agencies that will audit it", "", error_for(errors, "agency_ids")}, agencies,
                                         posted ? ctx.form_all("agency_ids") : std::vector<std::string>{}));
    const std::string saved = ctx.query("saved");
    data.set("saved", optional_text(saved == "case" ? "Case added." : saved == "findings" ? ctx.query("added") + " findings added to the audit." : ""));
    page(ctx, "learning/case_audit", data,
         PageOptions{"Cases audited: " + v.audit.title, "learning", errors, status, "/learning/" + id.str(), "Back to " + v.audit.title});
}

void case_page(Services& s, Ctx& ctx) {
    const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
    const LearningSourceId id = v.audit.id;
    Data data, audits{Data::type::list};
    data.set("audit_title", v.audit.title);
    data.set("pseudonym", v.audited.pseudonym);
    data.set("summary", v.audited.summary);
    for (const auto& a : v.audits) {
        Data one;
        const auto name = v.agency_names.find(a.agency);
        one.set("agency", name == v.agency_names.end() ? a.agency.str() : name->second);
        one.set("state", a.version == 0 ? "Not started" : a.submitted ? "Submitted by " + a.by + ", " + display_instant(a.at) : "Draft saved by " + a.by);
        one.set("tag", a.submitted ? "govuk-tag--green" : a.version == 0 ? "govuk-tag--grey" : "govuk-tag--yellow");
        one.set("rows", answers_table(v.questions, a.answers));
        one.set("has_answers", flag(a.version > 0));
        const bool mine = std::find(v.may_edit.begin(), v.may_edit.end(), a.agency) != v.may_edit.end();
        one.set("edit_href", optional_text(mine && !a.submitted ? case_href(id, v.audited.id) + "/agencies/" + a.agency.str() : ""));
        audits.push_back(one);
    }
    data.set("audits", audits);
    data.set("moderated", flag(v.moderation.version > 0));
    data.set("met_on", v.moderation.version > 0 ? date_in_words(v.moderation.met_on) : std::string());
    data.set("moderation_rows", answers_table(v.questions, v.moderation.agreed));
    data.set("notes", optional_text(v.moderation.notes));
    data.set("moderate_href", optional_text(v.may_moderate ? case_href(id, v.audited.id) + "/moderation" : ""));
    data.set("saved", optional_text(ctx.query("saved") == "audit"      ? "Audit saved."
                                    : ctx.query("saved") == "submitted"  ? "Audit submitted."
                                    : ctx.query("saved") == "moderation" ? "Moderation recorded."
                                                                         : ""));
    page(ctx, "learning/audited_case", data, PageOptions{v.audited.pseudonym, "learning", {}, 200, base_of(id), "Back to the cases audited"});
}

void agency_form(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
    const AgencyId agency{ctx.path_id(3)};
    const auto a = std::find_if(v.audits.begin(), v.audits.end(), [&](const AgencyCaseAudit& x) { return x.agency == agency; });
    if (a == v.audits.end()) throw Failure::not_found("audit of agency " + agency.str());
    if (std::find(v.may_edit.begin(), v.may_edit.end(), agency) == v.may_edit.end()) throw Failure::forbidden("audits cases for its own agency only");
    const auto name = v.agency_names.find(agency);
    Data data;
    data.set("caption", v.audited.pseudonym + ": " + v.audit.title);
    data.set("agency", name == v.agency_names.end() ? agency.str() : name->second);
    data.set("action", case_href(v.audit.id, v.audited.id) + "/agencies/" + agency.str());
    data.set("back", case_href(v.audit.id, v.audited.id));
    data.set("version", std::to_string(a->version));
    data.set("summary", v.audited.summary);
    data.set("fields", answer_fields(ctx, v.questions, a->answers, errors, "What the records show (optional)"));
    page(ctx, "learning/case_audit_form", data, PageOptions{"Audit of " + v.audited.pseudonym, "learning", errors, status});
}

void moderation_form(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
    const bool posted = ctx.req.method == "POST";
    Data data;
    data.set("caption", v.audited.pseudonym + ": " + v.audit.title);
    data.set("action", case_href(v.audit.id, v.audited.id) + "/moderation");
    data.set("back", case_href(v.audit.id, v.audited.id));
    data.set("version", std::to_string(v.moderation.version));
    data.set("met_on_html", date_input(Field{"met_on", "Date of the moderation meeting",
                                             posted ? ctx.form("met_on") : v.moderation.version > 0 ? v.moderation.met_on.iso() : "",
                                             error_for(errors, "met_on"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("fields", answer_fields(ctx, v.questions, v.moderation.agreed, errors, "What the meeting agreed (optional)"));
    data.set("notes_html", textarea(Field{"notes", "Notes of the meeting (optional)", posted ? ctx.form("notes") : v.moderation.notes,
                                          error_for(errors, "notes")},
                                    4));
    page(ctx, "learning/case_moderation_form", data, PageOptions{"Moderation of " + v.audited.pseudonym, "learning", errors, status});
}

J case_audit_json(const CaseAuditView& v) {
    J questions = J::array(), cases = J::array(), results = J::array(), drawn = J::array();
    for (const auto& q : v.questions) questions.push_back({{"code", q.code}, {"text", q.text}});
    for (const auto& l : v.lines) {
        J agencies = J::array();
        for (const auto a : l.audited.agencies) agencies.push_back(a.value);
        cases.push_back({{"id", l.audited.id}, {"pseudonym", l.audited.pseudonym}, {"summary", l.audited.summary}, {"agency_ids", agencies},
                         {"audits_submitted", l.submitted}, {"moderated_on", l.moderated_on ? J(l.moderated_on->iso()) : J()}});
    }
    for (const auto& r : v.results) {
        results.push_back({{"code", r.question.code}, {"grades", {{"1", r.counts[0]}, {"2", r.counts[1]}, {"3", r.counts[2]}, {"4", r.counts[3]}}},
                           {"graded", r.graded}, {"moderated", r.moderated_cases}});
    }
    for (const auto& d : v.drawn) drawn.push_back({{"kind", d.development ? "development" : "good_practice"}, {"text", d.text}});
    return J{{"audit_id", v.audit.id.value}, {"version", v.audit.version}, {"questions", questions}, {"cases", cases}, {"results", results},
             {"findings_supported", drawn}};
}

J answers_json(const std::vector<CaseAnswer>& answers) {
    J out = J::array();
    for (const auto& a : answers) out.push_back({{"code", a.code}, {"grade", a.grade}, {"comment", a.comment}});
    return out;
}

std::vector<CaseAnswer> answers_from_body(Body& b) {
    std::vector<CaseAnswer> out;
    if (!b.j.contains("answers") || !b.j["answers"].is_array()) {
        b.errors.push_back({"answers", "answers must be a list of {code, grade, comment}"});
        return out;
    }
    for (const auto& a : b.j["answers"]) {
        if (!a.is_object() || !a.contains("code") || !a["code"].is_string()) {
            b.errors.push_back({"answers", "each answer needs its question's code"});
            return {};
        }
        out.push_back({a["code"].get<std::string>(), a.value("grade", std::string()), a.value("comment", std::string())});
    }
    return out;
}

void add_pages(std::vector<Route>& routes, Services& s) {
    const std::string base = R"(/learning/(\d+)/case-audit)";
    const std::string one = base + R"(/cases/(\d+))";
    routes.push_back({"GET", base, Permission::view_learning, Surface::page, [&s](Ctx& ctx) { audit_page(s, ctx); }, "/learning/1/case-audit"});
    routes.push_back({"POST", base + "/cases", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              add_audited_case(s, ctx.who(), audit_of(ctx), {ctx.form("pseudonym"), ctx.form("summary"), ctx.form_all("agency_ids")});
                              redirect(ctx, base_of(audit_of(ctx)) + "?saved=case");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              audit_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/learning/1/case-audit/cases"});
    routes.push_back({"POST", base + "/findings", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const int added = add_drawn_findings(s, ctx.who(), audit_of(ctx), form_int(ctx, "version"));
                              redirect(ctx, base_of(audit_of(ctx)) + "?saved=findings&added=" + std::to_string(added));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              audit_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/learning/1/case-audit/findings"});
    routes.push_back({"GET", one, Permission::view_learning, Surface::page, [&s](Ctx& ctx) { case_page(s, ctx); }, "/learning/1/case-audit/cases/1"});
    routes.push_back({"GET", one + R"(/agencies/(\d+))", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { agency_form(s, ctx); },
                      "/learning/1/case-audit/cases/1/agencies/1"});
    routes.push_back({"POST", one + R"(/agencies/(\d+))", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          const bool submit = ctx.form("action") == "submit";
                          try {
                              const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
                              save_agency_case_audit(s, ctx.who(), audit_of(ctx), case_of(ctx), AgencyId{ctx.path_id(3)}, form_int(ctx, "version"),
                                                     answers_from_form(ctx, v.questions), submit);
                              redirect(ctx, case_href(audit_of(ctx), case_of(ctx)) + (submit ? "?saved=submitted" : "?saved=audit"));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              agency_form(s, ctx, f.fields(), 422);
                          }
                      },
                      "/learning/1/case-audit/cases/1/agencies/1"});
    routes.push_back({"GET", one + "/moderation", Permission::manage_learning, Surface::page, [&s](Ctx& ctx) { moderation_form(s, ctx); },
                      "/learning/1/case-audit/cases/1/moderation"});
    routes.push_back({"POST", one + "/moderation", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
                              moderate_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx), form_int(ctx, "version"), ctx.form("met_on"),
                                                    answers_from_form(ctx, v.questions), ctx.form("notes"));
                              redirect(ctx, case_href(audit_of(ctx), case_of(ctx)) + "?saved=moderation");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              moderation_form(s, ctx, f.fields(), 422);
                          }
                      },
                      "/learning/1/case-audit/cases/1/moderation"});
}

void add_api(std::vector<Route>& routes, Services& s) {
    const std::string base = R"(/api/v1/learning/(\d+)/case-audit)";
    const std::string one = base + R"(/cases/(\d+))";
    routes.push_back({"GET", base, Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, case_audit_json(read_case_audit(s, ctx.who(), audit_of(ctx)))); }, "/api/v1/learning/1/case-audit"});
    routes.push_back({"POST", base + "/cases", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              AuditedCaseInput in{b.text("pseudonym"), b.text("summary"), b.ids("agency_ids")};
                              b.check();
                              const AuditedCase c = add_audited_case(s, ctx.who(), audit_of(ctx), in);
                              json(ctx, 201, {{"id", c.id}, {"pseudonym", c.pseudonym}});
                          });
                      },
                      "/api/v1/learning/1/case-audit/cases"});
    routes.push_back({"GET", one, Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const AuditedCaseView v = read_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx));
                          J audits = J::array();
                          for (const auto& a : v.audits) {
                              audits.push_back({{"agency_id", a.agency.value}, {"submitted", a.submitted}, {"version", a.version}, {"answers", answers_json(a.answers)}});
                          }
                          json(ctx, 200, {{"id", v.audited.id}, {"pseudonym", v.audited.pseudonym}, {"summary", v.audited.summary}, {"audits", audits},
                                          {"moderation", v.moderation.version == 0 ? J() : J{{"met_on", v.moderation.met_on.iso()}, {"agreed", answers_json(v.moderation.agreed)},
                                                                                             {"notes", v.moderation.notes}, {"version", v.moderation.version}}}});
                      },
                      "/api/v1/learning/1/case-audit/cases/1"});
    routes.push_back({"PUT", one + R"(/agencies/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the audit's version as read (0 for one not yet saved)");
                              const bool submit = b.flag("submit");
                              const auto answers = answers_from_body(b);
                              b.check();
                              const AgencyCaseAudit a = save_agency_case_audit(s, ctx.who(), audit_of(ctx), case_of(ctx), AgencyId{ctx.path_id(3)}, version, answers, submit);
                              json(ctx, 200, {{"agency_id", a.agency.value}, {"submitted", a.submitted}, {"version", a.version}, {"answers", answers_json(a.answers)}});
                          });
                      },
                      "/api/v1/learning/1/case-audit/cases/1/agencies/1"});
    routes.push_back({"PUT", one + "/moderation", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the moderation's version as read (0 for none yet)");
                              const std::string met_on = b.text("met_on"), notes = b.text("notes");
                              const auto agreed = answers_from_body(b);
                              b.check();
                              const CaseModeration m = moderate_audited_case(s, ctx.who(), audit_of(ctx), case_of(ctx), version, met_on, agreed, notes);
                              json(ctx, 200, {{"met_on", m.met_on.iso()}, {"agreed", answers_json(m.agreed)}, {"notes", m.notes}, {"version", m.version}});
                          });
                      },
                      "/api/v1/learning/1/case-audit/cases/1/moderation"});
    routes.push_back({"POST", base + "/findings", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the audit's version as read");
                              b.check();
                              json(ctx, 200, {{"added", add_drawn_findings(s, ctx.who(), audit_of(ctx), version)}});
                          });
                      },
                      "/api/v1/learning/1/case-audit/findings"});
}

}  // namespace

void add_case_audit_routes(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web
