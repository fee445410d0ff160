// The yearly report's JSON API: /api/v1/reports (the years), /api/v1/reports/{year} (its
// sections, sign-offs, dispatches and every figure with the page its records are on), PUT a
// section with the version read (409 when stale), POST a sign-off and a dispatch. Refusals are
// problem+json naming each field (each empty section by its key). The shape is web's own.
#include "web/problem.hpp"
#include "web/registers_views.hpp"
#include "web/report_views.hpp"
#include "web/training_views.hpp"

namespace assure::web::report_web {
namespace {

using J = nlohmann::json;

std::string year_of(const Ctx& ctx) { return ctx.req.matches.size() > 1 ? ctx.req.matches[1].str() : std::string(); }
J opt(const std::optional<double>& v) { return v ? J(*v) : J(nullptr); }

J section_json(const SectionText& t) {
    return J{{"key", std::string(report_section_key(t.section))},
             {"title", std::string(report_section_label(t.section))},
             {"text", t.text},
             {"version", t.version},
             {"updated_at", t.version == 0 ? J(nullptr) : J(iso_instant(t.updated_at))},
             {"updated_by", t.version == 0 ? J(nullptr) : J(t.updated_by)}};
}

J sign_off_json(const SignOff& s) {
    return J{{"agency_id", s.agency.value}, {"agency", s.agency_name}, {"signed_by", s.signed_by}, {"signed_at", iso_instant(s.signed_at)}};
}

J dispatch_json(const Dispatch& d) {
    return J{{"recipient", std::string(report_recipient_key(d.recipient))},
             {"recipient_name", std::string(report_recipient_label(d.recipient))},
             {"sent_on", d.sent_on.iso()},
             {"recorded_by", d.recorded_by}};
}

// The year's evaluation: the total worked out from the summed counts, then each course's.
J evaluation_json(const YearEvaluation& e) {
    J courses = J::array();
    for (const auto& c : e.courses) {
        J line = training_web::evaluation_results_json(c.results);
        line["course_id"] = c.course.value;
        line["title"] = c.title;
        courses.push_back(line);
    }
    J total = training_web::evaluation_results_json(e.total);
    total["by_course"] = courses;
    return total;
}

J figures_json(const YearReport& r) {
    const ReportFigures& f = r.figures;
    const std::string y = r.year.key();
    J attendance = J::array();
    for (const auto& t : f.attendance.by_agency) {
        if (t.held == 0) continue;
        attendance.push_back({{"agency_id", t.agency.value}, {"agency", t.label}, {"held", t.held}, {"attended", t.attended}, {"rate", opt(t.rate)}});
    }
    J priorities = J::array();
    for (const auto& t : f.priorities) {
        priorities.push_back({{"priority", t.priority},
                              {"sources", t.sources},
                              {"recommendations", t.recommendations},
                              {"actions", {{"total", t.actions.total}, {"open", t.actions.open}, {"overdue", t.actions.overdue}, {"evidenced", t.actions.evidenced}}}});
    }
    const auto& c = f.reviews;
    J cycles = J::array();
    for (const auto& a : f.audit_cycles) {
        cycles.push_back({{"id", a.id.value}, {"title", a.title}, {"kind", std::string(audit_kind_key(a.kind))}, {"opens", a.opens.iso()},
                          {"closes", a.closes.iso()}, {"invited", a.invited.size()}});
    }
    J dataset = J::array();
    if (f.scorecard) {
        for (const auto& l : f.scorecard->lines) {
            if (!l.value.value) continue;
            dataset.push_back({{"code", l.definition.code},
                               {"name", l.definition.name},
                               {"unit", std::string(unit_key(l.definition.unit))},
                               {"value", *l.value.value},
                               {"target", opt(l.definition.target)},
                               {"rag", std::string(rag_key(l.rag))}});
        }
    }
    const auto& rc = f.risks.counts;
    const auto& e = f.escalations;
    return J{
        {"attendance", {{"expected_rate", f.attendance.expected_rate}, {"by_agency", attendance},
                        {"source", "/attendance?from=" + r.year.first_day().iso() + "&to=" + r.year.last_day().iso()}}},
        {"priorities", {{"items", priorities}, {"source", "/priorities"}}},
        {"reviews", {{"became_aware", c.became_aware}, {"notified", c.notified}, {"rapid_reviews", c.rapid_reviews}, {"decided", c.decided},
                     {"local_reviews", c.local_reviews}, {"national_reviews", c.national_reviews}, {"other_learning", c.other_learning},
                     {"no_further_review", c.no_further_review}, {"published", c.published}, {"source", "/reviews"}}},
        {"audits", {{"cycles", cycles}, {"thematic_audits", f.learning.thematic_audits}, {"calendar_entries", f.learning.entries.size()},
                    {"source", "/audits"}}},
        {"dataset", {{"indicators", dataset}, {"source", "/dataset?period=" + y}}},
        {"training", {{"figures", training_web::figures_json(f.training)},
                      {"evaluation", evaluation_json(f.evaluation)},
                      {"source", "/training/figures?year=" + y}}},
        {"lado", {{"figures", registers_web::lado_figures_json(f.lado)}, {"source", "/registers/lado/figures?year=" + y}}},
        {"child_deaths", {{"figures", registers_web::death_figures_json(f.deaths)}, {"source", "/registers/child-deaths/figures?year=" + y}}},
        {"money", {{"figures", registers_web::finance_figures_json(f.finance)}, {"source", "/registers/finance/figures?year=" + y}}},
        {"risks", {{"raised", rc.raised}, {"closed", rc.closed}, {"escalated", rc.escalated}, {"open_at_year_end", rc.open_at_year_end},
                   {"source", "/registers/risks/figures?year=" + y}}},
        {"escalations", {{"raised", e.counts.raised}, {"resolved", e.resolved}, {"open_at_year_end", e.counts.open_at_year_end},
                         {"source", "/registers/escalations/figures?year=" + y}}},
        {"voice_of_children", {{"figures", registers_web::activity_figures_json(f.voice)}, {"source", "/registers/voice/figures?year=" + y}}},
        {"scrutiny", {{"figures", registers_web::activity_figures_json(f.scrutiny)}, {"source", "/registers/scrutiny/figures?year=" + y}}},
    };
}

J list_json(const std::vector<ReportYearLine>& lines) {
    J items = J::array();
    for (const auto& l : lines) {
        items.push_back({{"year", l.year.key()}, {"sections_written", l.sections_written}, {"sections", l.sections},
                         {"signed_off", l.signed_off}, {"statutory_partners", l.statutory_partners}, {"state", std::string(report_state_key(l.state))}});
    }
    return J{{"items", items}};
}

}  // namespace

J report_json(const YearReport& r) {
    J sections = J::array();
    for (const auto& t : r.sections) sections.push_back(section_json(t));
    J partners = J::array();
    for (const auto& a : r.statutory_partners) partners.push_back({{"id", a.id.value}, {"name", a.name}});
    J signs = J::array();
    for (const auto& s : r.sign_offs) signs.push_back(sign_off_json(s));
    J awaiting = J::array();
    for (const auto a : r.awaiting) awaiting.push_back(a.value);
    J sent = J::array();
    for (const auto& d : r.dispatches) sent.push_back(dispatch_json(d));
    J statements = J::array();
    for (const auto& a : r.statements) {
        statements.push_back({{"agency_id", a.statement.agency.value}, {"agency", a.agency}, {"text", a.statement.text}});
    }
    return J{{"year", r.year.key()},
             {"from", r.year.first_day().iso()},
             {"to", r.year.last_day().iso()},
             {"partnership", r.partnership_name},
             {"state", std::string(report_state_key(r.state))},
             {"sections", sections},
             {"statutory_partners", partners},
             {"sign_offs", signs},
             {"awaiting_sign_off", awaiting},
             {"dispatches", sent},
             {"agency_statements", statements},
             {"figures", figures_json(r)}};
}

void add_report_api(std::vector<Route>& routes, Services& s) {
    const std::string year = R"(/api/v1/reports/(\d{4}-\d{2}))";
    routes.push_back({"GET", "/api/v1/reports", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, list_json(list_reports(s, ctx.who()))); }, "/api/v1/reports"});
    routes.push_back({"GET", year, Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, report_json(compose_report(s, ctx.who(), year_of(ctx)))); }, "/api/v1/reports/2016-17"});
    routes.push_back({"PUT", year + R"(/sections/([a-z_]+))", Permission::manage_report, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string text = b.text("text");
                              const int version = b.integer("version", "version must be the section's version as read (0 for a section not yet written)");
                              b.check();
                              const auto saved = save_report_section(s, ctx.who(), year_of(ctx), ctx.req.matches[2].str(), version, text);
                              json(ctx, 200, section_json(saved));
                          });
                      },
                      "/api/v1/reports/2016-17/sections/foreword"});
    routes.push_back({"POST", year + "/sign-off", Permission::sign_off_report, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 201, sign_off_json(sign_off_report(s, ctx.who(), year_of(ctx)))); },
                      "/api/v1/reports/2016-17/sign-off"});
    routes.push_back({"POST", year + "/dispatches", Permission::manage_report, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string recipient = b.text("recipient"), on = b.text("sent_on");
                              b.check();
                              json(ctx, 201, dispatch_json(record_report_dispatch(s, ctx.who(), year_of(ctx), recipient, on)));
                          });
                      },
                      "/api/v1/reports/2016-17/dispatches"});
}

}  // namespace assure::web::report_web
