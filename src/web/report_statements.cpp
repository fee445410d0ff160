// Agencies' assurance statements for the yearly report (issue 18 item 3): the year's list with
// each agency's state; an agency's statement with its history, the form that writes and submits
// it, and the business unit's return and acceptance; and the same through the API. A refusal
// shows the page again with its errors and nothing saved (422).
#include <nlohmann/json.hpp>

#include "app/agency_statements.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/documents.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/report_views.hpp"
#include "web/views.hpp"

namespace assure::web::report_web {
namespace {

using J = nlohmann::json;

std::string year_of(const Ctx& ctx) { return ctx.req.matches[1].str(); }
AgencyId agency_of(const Ctx& ctx) { return AgencyId{ctx.path_id(2)}; }
std::string list_href(const std::string& year) { return "/reports/" + year + "/statements"; }
std::string statement_href(const std::string& year, AgencyId a) { return list_href(year) + "/" + a.str(); }

std::string tag_class(StatementState s) {
    switch (s) {
        case StatementState::accepted: return "govuk-tag--green";
        case StatementState::submitted: return "govuk-tag--blue";
        case StatementState::returned: return "govuk-tag--orange";
        case StatementState::draft: return "govuk-tag--yellow";
        case StatementState::not_started: break;
    }
    return "govuk-tag--grey";
}

std::string note_words(const StatementNote& n) {
    const std::string when = display_instant(n.at);
    switch (n.kind) {
        case StatementNoteKind::submitted: return "Submitted by " + n.by + " on " + when;
        case StatementNoteKind::returned: return "Returned for changes by " + n.by + " on " + when + ": " + n.text;
        case StatementNoteKind::accepted: return "Accepted into the report by " + n.by + " on " + when;
        case StatementNoteKind::comment: break;
    }
    return n.by + " commented on " + when + ": " + n.text;
}

void list_page(Services& s, Ctx& ctx) {
    const StatementsOfYear y = list_statements(s, ctx.who(), year_of(ctx));
    Data rows{Data::type::list};
    int accepted = 0, waiting = 0;
    for (const auto& l : y.lines) {
        accepted += l.statement.state == StatementState::accepted ? 1 : 0;
        waiting += l.statement.state == StatementState::submitted ? 1 : 0;
        Data row;
        row.set("href", statement_href(y.year.key(), l.agency.id));
        row.set("agency", l.agency.name);
        row.set("state", std::string(statement_state_label(l.statement.state)));
        row.set("tag_class", tag_class(l.statement.state));
        row.set("changed", optional_text(l.statement.version == 0 ? "" : l.statement.updated_by + ", " + display_instant(l.statement.updated_at)));
        row.set("yours", flag(l.may_write && !y.may_decide));
        rows.push_back(row);
    }
    Data data;
    data.set("year_label", y.year.label());
    data.set("report_href", "/reports/" + y.year.key());
    data.set("rows", rows);
    data.set("summary", std::to_string(accepted) + " of " + count_of(static_cast<long long>(y.lines.size()), "agency's statement", "agencies' statements") +
                            " accepted into the report; " + count_of(waiting, "statement", "statements") + " waiting for the business unit.");
    data.set("approved", flag(y.report == ReportState::approved));
    page(ctx, "report/statements", data,
         PageOptions{"Agencies' statements", "reports", {}, 200, "/reports/" + y.year.key(), "Back to the report"});
}

void statement_page(Services& s, Ctx& ctx, const std::string& typed = {}, bool use_typed = false, const FieldErrors& errors = {},
                    int status = 200) {
    const StatementView v = read_statement(s, ctx.who(), year_of(ctx), agency_of(ctx));
    const AgencyStatement& st = v.line.statement;
    const bool open = v.report == ReportState::draft;
    const bool editable = open && v.line.may_write &&
                          (st.state == StatementState::not_started || st.state == StatementState::draft || st.state == StatementState::returned);
    Data data;
    data.set("year_label", v.year.label());
    data.set("agency", v.line.agency.name);
    data.set("action", statement_href(v.year.key(), v.line.agency.id));
    data.set("version", std::to_string(st.version));
    data.set("state", std::string(statement_state_label(st.state)));
    data.set("tag_class", tag_class(st.state));
    data.set("text_html", st.text.empty() ? std::string() : markdown_html(st.text));
    data.set("has_text", flag(!st.text.empty()));
    data.set("editable", flag(editable));
    data.set("may_comment", flag(v.line.may_write || v.may_decide));
    data.set("may_decide", flag(open && v.may_decide && st.state == StatementState::submitted));
    data.set("approved", flag(!open));
    data.set("statement_html", textarea(Field{"text", "The statement", use_typed ? typed : st.text, error_for(errors, "text"),
                                              "What the agency did for the area's children this year, and what it will do next. "
                                              "Markdown: a blank line starts a new paragraph, a line starting with - is a bullet."},
                                        14));
    data.set("return_html", textarea(Field{"comment", "What should change", "", error_for(errors, "comment"),
                                           "The agency sees this, and the statement is open to them again"},
                                     4));
    data.set("comment_html", textarea(Field{"comment", "Comment", "", error_for(errors, "comment")}, 3));
    Data notes{Data::type::list};
    for (const auto& n : v.notes) notes.push_back(Data(note_words(n)));
    data.set("notes", notes);
    data.set("has_notes", flag(!v.notes.empty()));
    const std::string saved = ctx.query("saved");
    data.set("saved", optional_text(saved == "draft"      ? "Statement saved as a draft."
                                    : saved == "submitted" ? "Statement submitted to the business unit."
                                    : saved == "returned"  ? "Statement returned to the agency for changes."
                                    : saved == "accepted"  ? "Statement accepted into the report."
                                    : saved == "comment"   ? "Comment added."
                                                           : ""));
    page(ctx, "report/statement", data,
         PageOptions{v.line.agency.name + "'s statement", "reports", errors, status, list_href(v.year.key()), "Back to the agencies' statements"});
}

J statement_json(const StatementLine& l) {
    const AgencyStatement& st = l.statement;
    return J{{"agency_id", l.agency.id.value},  {"agency", l.agency.name},        {"state", std::string(statement_state_key(st.state))},
             {"version", st.version},           {"text", st.text},                {"updated_by", st.updated_by},
             {"updated_at", st.updated_at == 0 ? J() : J(iso_instant(st.updated_at))},
             {"submitted_at", st.submitted_at == 0 ? J() : J(iso_instant(st.submitted_at))},
             {"may_write", l.may_write}};
}

J saved_json(const AgencyStatement& st) {
    return J{{"agency_id", st.agency.value}, {"state", std::string(statement_state_key(st.state))}, {"version", st.version}, {"text", st.text}};
}

void add_pages(std::vector<Route>& routes, Services& s) {
    const std::string year = R"(/reports/(\d{4}-\d{2})/statements)";
    const std::string one = year + R"(/(\d+))";
    routes.push_back({"GET", year, Permission::view_report, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, "/reports/2016-17/statements"});
    routes.push_back({"GET", one, Permission::view_report, Surface::page, [&s](Ctx& ctx) { statement_page(s, ctx); },
                      "/reports/2016-17/statements/1"});
    routes.push_back({"POST", one, Permission::view_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx), text = ctx.form("text");
                          const AgencyId a = agency_of(ctx);
                          const bool submitting = ctx.form("action") == "submit";
                          save_then(ctx, statement_href(y, a) + (submitting ? "?saved=submitted" : "?saved=draft"),
                               [&] {
                                   const auto saved = save_statement(s, ctx.who(), y, a, form_int(ctx, "version"), text);
                                   if (submitting) submit_statement(s, ctx.who(), y, a, saved.version);
                               },
                               [&](const FieldErrors& e) { statement_page(s, ctx, text, true, e, 422); });
                      },
                      "/reports/2016-17/statements/1"});
    routes.push_back({"POST", one + "/return", Permission::manage_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx);
                          const AgencyId a = agency_of(ctx);
                          save_then(ctx, statement_href(y, a) + "?saved=returned",
                               [&] { return_statement(s, ctx.who(), y, a, form_int(ctx, "version"), ctx.form("comment")); },
                               [&](const FieldErrors& e) { statement_page(s, ctx, {}, false, e, 422); });
                      },
                      "/reports/2016-17/statements/1/return"});
    routes.push_back({"POST", one + "/accept", Permission::manage_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx);
                          const AgencyId a = agency_of(ctx);
                          save_then(ctx, statement_href(y, a) + "?saved=accepted", [&] { accept_statement(s, ctx.who(), y, a, form_int(ctx, "version")); },
                               [&](const FieldErrors& e) { statement_page(s, ctx, {}, false, e, 422); });
                      },
                      "/reports/2016-17/statements/1/accept"});
    routes.push_back({"POST", one + "/comments", Permission::view_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx);
                          const AgencyId a = agency_of(ctx);
                          save_then(ctx, statement_href(y, a) + "?saved=comment", [&] { comment_on_statement(s, ctx.who(), y, a, ctx.form("comment")); },
                               [&](const FieldErrors& e) { statement_page(s, ctx, {}, false, e, 422); });
                      },
                      "/reports/2016-17/statements/1/comments"});
}

void add_api(std::vector<Route>& routes, Services& s) {
    const std::string year = R"(/api/v1/reports/(\d{4}-\d{2})/statements)";
    const std::string one = year + R"(/(\d+))";
    routes.push_back({"GET", year, Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          const StatementsOfYear y = list_statements(s, ctx.who(), year_of(ctx));
                          J items = J::array();
                          for (const auto& l : y.lines) items.push_back(statement_json(l));
                          json(ctx, 200, {{"year", y.year.key()}, {"report_state", std::string(report_state_key(y.report))}, {"items", items}});
                      },
                      "/api/v1/reports/2016-17/statements"});
    routes.push_back({"GET", one, Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          const StatementView v = read_statement(s, ctx.who(), year_of(ctx), agency_of(ctx));
                          J j = statement_json(v.line);
                          J notes = J::array();
                          for (const auto& n : v.notes) {
                              notes.push_back({{"kind", std::string(statement_note_key(n.kind))}, {"text", n.text}, {"by", n.by}, {"at", iso_instant(n.at)}});
                          }
                          j["notes"] = notes;
                          json(ctx, 200, j);
                      },
                      "/api/v1/reports/2016-17/statements/1"});
    routes.push_back({"PUT", one, Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string text = b.text("text");
                              const int version = b.integer("version", "version must be the statement's version as read (0 for one not yet saved)");
                              b.check();
                              json(ctx, 200, saved_json(save_statement(s, ctx.who(), year_of(ctx), agency_of(ctx), version, text)));
                          });
                      },
                      "/api/v1/reports/2016-17/statements/1"});
    const auto decision = [&s](const char* what) {
        return [&s, what](Ctx& ctx) {
            with_body(ctx, [&](Body& b) {
                const int version = b.integer("version", "version must be the statement's version as read");
                const std::string comment = b.text("comment");
                b.check();
                const std::string w = what;
                const AgencyStatement st = w == "submit"   ? submit_statement(s, ctx.who(), year_of(ctx), agency_of(ctx), version)
                                           : w == "return" ? return_statement(s, ctx.who(), year_of(ctx), agency_of(ctx), version, comment)
                                                           : accept_statement(s, ctx.who(), year_of(ctx), agency_of(ctx), version);
                json(ctx, 200, saved_json(st));
            });
        };
    };
    routes.push_back({"POST", one + "/submit", Permission::view_report, Surface::api, decision("submit"), "/api/v1/reports/2016-17/statements/1/submit"});
    routes.push_back({"POST", one + "/return", Permission::manage_report, Surface::api, decision("return"), "/api/v1/reports/2016-17/statements/1/return"});
    routes.push_back({"POST", one + "/accept", Permission::manage_report, Surface::api, decision("accept"), "/api/v1/reports/2016-17/statements/1/accept"});
    routes.push_back({"POST", one + "/comments", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string comment = b.text("comment");
                              b.check();
                              const StatementNote n = comment_on_statement(s, ctx.who(), year_of(ctx), agency_of(ctx), comment);
                              json(ctx, 201, {{"kind", "comment"}, {"text", n.text}, {"by", n.by}, {"at", iso_instant(n.at)}});
                          });
                      },
                      "/api/v1/reports/2016-17/statements/1/comments"});
}

}  // namespace

void add_report_statements(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web::report_web
