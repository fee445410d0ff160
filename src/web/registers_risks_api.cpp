// The risk register's and escalations' JSON API: /api/v1/risks (with /heat-map) and
// /api/v1/escalations, each a list paged by limit and cursor ({"items", "next"}), its year's
// figures at /figures?year=2016-17, one record by id, POST, and PUT with the version read (409
// when stale). The JSON shapes are web's own, apart from rows and the audit trail.
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/registers_views.hpp"

namespace assure::web::registers_web {
namespace {

J date_or_null(const std::optional<Date>& d) { return d ? J(d->iso()) : J(nullptr); }

// A list of ids sent as integers, read as the text a form would send.
std::vector<std::string> id_list(Body& b, const char* name, const char* what) {
    std::vector<std::string> out;
    if (!b.j.contains(name) || b.j[name].is_null()) return out;
    const std::string message = std::string(name) + " must be a list of " + what;
    if (!b.j[name].is_array()) {
        b.errors.push_back({name, message});
        return out;
    }
    for (const auto& v : b.j[name]) {
        if (!v.is_number_integer()) {
            b.errors.push_back({name, message});
            return {};
        }
        out.push_back(std::to_string(v.get<std::int64_t>()));
    }
    return out;
}

J scores_json(int likelihood, int impact, const RegisterRules& rules) {
    const int score = likelihood * impact;
    return J{{"likelihood", likelihood}, {"impact", impact}, {"score", score}, {"band", std::string(risk_band_key(band_of(score, rules)))}};
}

J risk_json(const Risk& r, const std::string& owner, const RegisterRules& rules, Date today) {
    J actions = J::array();
    for (const auto a : r.actions) actions.push_back(a.value);
    return J{{"id", r.id.value},
             {"title", r.title},
             {"description", r.description},
             {"cause", r.cause},
             {"effect", r.effect},
             {"owner", {{"id", r.owner.value}, {"name", owner}}},
             {"before_controls", scores_json(r.likelihood_before, r.impact_before, rules)},
             {"controls", r.controls},
             {"with_controls", scores_json(r.likelihood_after, r.impact_after, rules)},
             {"actions", actions},
             {"raised_on", r.raised_on.iso()},
             {"review_on", r.review_on.iso()},
             {"review_overdue", review_overdue(r, today)},
             {"status", std::string(risk_status_key(r.status))},
             {"closed_on", date_or_null(r.closed_on)},
             {"escalated_on", date_or_null(r.escalated_on)},
             {"indicator", r.indicator ? J(*r.indicator) : J(nullptr)},
             {"version", r.version}};
}

J risk_figures_json(const RiskFigures& f) {
    J before = J::object(), after = J::object();
    for (const auto& [band, n] : f.by_band_before) before[std::string(risk_band_key(band))] = n;
    for (const auto& [band, n] : f.by_band_after) after[std::string(risk_band_key(band))] = n;
    return J{{"year", f.year.key()},
             {"raised", f.counts.raised},
             {"closed", f.counts.closed},
             {"escalated", f.counts.escalated},
             {"open_at_year_end", f.counts.open_at_year_end},
             {"open_by_band_before_controls", before},
             {"open_by_band_with_controls", after}};
}

J heat_map_json(const RiskHeatMap& m) {
    J cells = J::array();
    for (const auto& row : m.rows) {
        for (const auto& c : row) {
            cells.push_back({{"likelihood", c.likelihood}, {"impact", c.impact}, {"score", c.score}, {"band", std::string(risk_band_key(c.band))},
                             {"risks", c.risks}});
        }
    }
    return J{{"basis", std::string(risk_basis_key(m.basis))}, {"open", m.open}, {"cells", cells}};
}

RiskInput risk_input(Body& b) {
    RiskInput in;
    in.title = b.text("title");
    in.description = b.text("description");
    in.cause = b.text("cause");
    in.effect = b.text("effect");
    in.owner = b.value_text("owner_id");
    in.likelihood_before = b.value_text("likelihood_before");
    in.impact_before = b.value_text("impact_before");
    in.likelihood_after = b.value_text("likelihood_after");
    in.impact_after = b.value_text("impact_after");
    in.controls = b.text("controls");
    in.actions = id_list(b, "actions", "action-plan action ids");
    in.raised_on = b.text("raised_on");
    in.review_on = b.text("review_on");
    in.status = b.text("status");
    in.closed_on = b.text("closed_on");
    in.escalated_on = b.text("escalated_on");
    in.indicator = b.text("indicator");  // a dataset indicator's code, or null
    return in;
}

J escalation_json(const Escalation& x, const std::map<AgencyId, std::string>& names) {
    const auto agency = [&](AgencyId id) {
        const auto it = names.find(id);
        return J{{"id", id.value}, {"name", it == names.end() ? std::string() : it->second}};
    };
    J agencies = J::array(), stages = J::array();
    for (const auto a : x.agencies) agencies.push_back(agency(a));
    for (std::size_t k = 0; k < kEscalationStages; ++k) {
        if (!x.stage_on[k]) continue;
        stages.push_back({{"stage", k + 1},
                          {"reached_on", x.stage_on[k]->iso()},
                          {"due_by", date_or_null(x.stage_due[k])},
                          {"late", x.stage_late[k] ? J(*x.stage_late[k]) : J(nullptr)}});
    }
    return J{{"id", x.id.value},
             {"reference", x.reference},
             {"raised_by", {{"agency", agency(x.raised_by)}, {"role", x.raised_by_role}}},
             {"agencies", agencies},
             {"concern", x.concern},
             {"stage", stage_of(x)},
             {"stages", stages},
             {"outcome", std::string(escalation_outcome_key(x.outcome))},
             {"closed_on", date_or_null(x.closed_on)},
             {"learning", x.learning},
             {"version", x.version}};
}

J escalation_figures_json(const EscalationFigures& f) {
    J stages = J::array(), agencies = J::array();
    for (const auto& s : f.stages) {
        stages.push_back({{"stage", s.stage}, {"reached", s.reached}, {"resolved", s.resolved}, {"ended", s.ended}, {"late", s.late},
                          {"on_time_percent", s.on_time_percent ? J(*s.on_time_percent) : J(nullptr)}});
    }
    for (const auto& a : f.agencies) agencies.push_back({{"agency_id", a.agency.value}, {"name", a.name}, {"raised", a.raised}, {"involved", a.involved}});
    return J{{"year", f.year.key()},       {"raised", f.counts.raised},
             {"resolved", f.resolved},     {"withdrawn", f.counts.withdrawn},
             {"open_at_year_end", f.counts.open_at_year_end}, {"by_stage", stages},
             {"by_agency", agencies}};
}

EscalationInput escalation_input(Body& b) {
    EscalationInput in;
    in.reference = b.text("reference");
    in.raised_by = b.value_text("raised_by_agency_id");
    in.raised_by_role = b.text("raised_by_role");
    in.agencies = id_list(b, "agency_ids", "agency ids");
    in.concern = b.text("concern");
    in.stage1_on = b.text("stage1_on");
    in.stage2_on = b.text("stage2_on");
    in.stage3_on = b.text("stage3_on");
    in.stage4_on = b.text("stage4_on");
    in.outcome = b.text("outcome");
    in.closed_on = b.text("closed_on");
    in.learning = b.text("learning");
    return in;
}

int version_of(Body& b) { return b.integer("version", "Send the version you read, a whole number"); }

J shown_risk(Services& s, const Actor& actor, RiskId id) {
    const auto shown = read_risk(s, actor, id);
    return risk_json(shown.risk, shown.owner, shown.rules, london_today(s));
}

J shown_escalation(Services& s, const Actor& actor, EscalationId id) {
    const auto shown = read_escalation(s, actor, id);
    return escalation_json(shown.escalation, shown.agencies);
}

}  // namespace

void add_risks_api(std::vector<Route>& routes, Services& s) {
    // ---- risks
    routes.push_back({"GET", "/api/v1/risks", Permission::view_risks, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto shown = list_risks(s, ctx.who(), filter_from(ctx), page_request(ctx));
                          const Date today = london_today(s);
                          J items = J::array();
                          for (const auto& r : shown.risks.items) {
                              const auto it = shown.owners.find(r.owner);
                              items.push_back(risk_json(r, it == shown.owners.end() ? std::string() : it->second, shown.rules, today));
                          }
                          json(ctx, 200, list_body(items, shown.risks.next));
                      },
                      "/api/v1/risks"});
    routes.push_back({"GET", "/api/v1/risks/figures", Permission::view_risks, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, risk_figures_json(risk_year_figures(s, ctx.who(), asked_year(s, ctx)))); },
                      "/api/v1/risks/figures"});
    routes.push_back({"GET", "/api/v1/risks/heat-map", Permission::view_risks, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, heat_map_json(risk_heat_map(s, ctx.who(), ctx.query("basis")))); },
                      "/api/v1/risks/heat-map"});
    routes.push_back({"POST", "/api/v1/risks", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const RiskInput in = risk_input(b);
                              b.check();
                              json(ctx, 201, shown_risk(s, ctx.who(), record_risk(s, ctx.who(), in).id));
                          });
                      },
                      "/api/v1/risks"});
    routes.push_back({"GET", R"(/api/v1/risks/(\d+))", Permission::view_risks, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, shown_risk(s, ctx.who(), RiskId{ctx.path_id()})); }, "/api/v1/risks/1"});
    routes.push_back({"PUT", R"(/api/v1/risks/(\d+))", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const RiskInput in = risk_input(b);
                              const int version = version_of(b);
                              b.check();
                              json(ctx, 200, shown_risk(s, ctx.who(), update_risk(s, ctx.who(), RiskId{ctx.path_id()}, version, in).id));
                          });
                      },
                      "/api/v1/risks/1"});
    // ---- escalations
    routes.push_back({"GET", "/api/v1/escalations", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto shown = list_escalations(s, ctx.who(), filter_from(ctx), page_request(ctx));
                          J items = J::array();
                          for (const auto& x : shown.escalations.items) items.push_back(escalation_json(x, shown.agencies));
                          json(ctx, 200, list_body(items, shown.escalations.next));
                      },
                      "/api/v1/escalations"});
    routes.push_back({"GET", "/api/v1/escalations/figures", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, escalation_figures_json(escalation_year_figures(s, ctx.who(), asked_year(s, ctx)))); },
                      "/api/v1/escalations/figures"});
    routes.push_back({"POST", "/api/v1/escalations", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const EscalationInput in = escalation_input(b);
                              b.check();
                              const auto made = record_escalation(s, ctx.who(), in);
                              json(ctx, 201, shown_escalation(s, ctx.who(), made.id));
                          });
                      },
                      "/api/v1/escalations"});
    routes.push_back({"GET", R"(/api/v1/escalations/(\d+))", Permission::view_registers, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, shown_escalation(s, ctx.who(), EscalationId{ctx.path_id()})); }, "/api/v1/escalations/1"});
    routes.push_back({"PUT", R"(/api/v1/escalations/(\d+))", Permission::manage_registers, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const EscalationInput in = escalation_input(b);
                              const int version = version_of(b);
                              b.check();
                              const auto changed = update_escalation(s, ctx.who(), EscalationId{ctx.path_id()}, version, in);
                              json(ctx, 200, shown_escalation(s, ctx.who(), changed.id));
                          });
                      },
                      "/api/v1/escalations/1"});
}

}  // namespace assure::web::registers_web
