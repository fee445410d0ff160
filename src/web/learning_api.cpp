// JSON API of learning and improvement under /api/v1/: learning sources with findings and
// recommendations, improvement actions with updates and evidence, audit cycles and returns.
#include "web/learning_json.hpp"
#include "web/learning_views.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"

namespace assure::web {

namespace {

using J = nlohmann::json;

std::vector<std::string> text_list(Body& b, const char* name) {
    std::vector<std::string> out;
    if (!b.j.contains(name) || b.j[name].is_null()) return out;
    if (!b.j[name].is_array()) {
        b.errors.push_back({name, std::string(name) + " must be a list"});
        return out;
    }
    for (const auto& v : b.j[name]) {
        if (v.is_string()) out.push_back(v.get<std::string>());
        else if (v.is_number_integer()) out.push_back(std::to_string(v.get<std::int64_t>()));
        else b.errors.push_back({name, std::string(name) + " must be a list of texts or ids"});
    }
    return out;
}

SourceInput source_input(Body& b) {
    return {b.text("kind"), b.text("title"), b.text("on"), b.text("status").empty() ? "complete" : b.text("status"),
            b.text("summary"), text_list(b, "priorities"), b.value_text("review_id"), b.value_text("agency_id"),
            b.text("body"), b.text("visitor"), b.value_text("cases_audited"), text_list(b, "auditor_ids"), b.text("voice")};
}

J improvement_json(const ImprovementLine& l) {
    J out = l.action;
    out["kind"] = "improvement";
    out["agency_name"] = l.agency_name;
    out["lead_name"] = l.lead_name;
    out["origin"] = l.origin;
    out["overdue"] = l.overdue;
    out["stale"] = l.stale;
    out["completed_without_impact"] = completed_without_impact(l.action);
    return out;
}

ImprovementFilter improvement_filter(Services& s, const Ctx& ctx) {
    ImprovementFilter f;
    FieldErrors errors;
    if (const std::string st = ctx.query("state"); !st.empty()) {
        f.state = parse_action_state(st);
        if (!f.state) errors.push_back({"state", "state must be proposed, agreed, in_progress, completed, evidenced or superseded"});
    }
    for (const char* flag_name : {"overdue", "stale"}) {
        const std::string v = ctx.query(flag_name);
        if (!v.empty() && v != "true" && v != "false") errors.push_back({flag_name, std::string(flag_name) + " must be true or false"});
    }
    f.overdue_only = ctx.query("overdue") == "true";
    f.stale_only = ctx.query("stale") == "true";
    if (const std::string a = ctx.query("agency_id"); !a.empty()) {
        if (a.size() > 12 || a.find_first_not_of("0123456789") != std::string::npos) errors.push_back({"agency_id", "agency_id must be an id"});
        else f.agency = AgencyId{std::stoll(a)};
    }
    if (const std::string p = ctx.query("priority"); !p.empty()) {
        f.priority = known_priority(partnership_rules(s, ctx).learning, p).value_or("");
        if (f.priority.empty()) errors.push_back({"priority", "priority must be one of the partnership's priorities"});
    }
    if (const std::string g = ctx.query("group_id"); !g.empty()) {
        if (g.size() > 12 || g.find_first_not_of("0123456789") != std::string::npos) errors.push_back({"group_id", "group_id must be an id"});
        else f.group = GroupId{std::stoll(g)};
    }
    if (const std::string src = ctx.query("source_id"); !src.empty()) {
        if (src.size() > 12 || src.find_first_not_of("0123456789") != std::string::npos) errors.push_back({"source_id", "source_id must be an id"});
        else f.source = LearningSourceId{std::stoll(src)};
    }
    f.text = ctx.query("q");
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    return f;
}

J return_line_json(const ReturnLine& line) {
    return {{"agency_id", line.agency.id.value}, {"agency_name", line.agency.name},
            {"status", line.ret ? J(line.ret->status) : J("not_started")}, {"gaps", line.gaps},
            {"shared_from", line.ret && line.ret->shared_from ? J(line.ret->shared_from->partnership_name) : J(nullptr)}};
}

J return_json(const ReturnView& v) {
    J out = v.ret;
    out["agency_name"] = v.agency.name;
    out["cycle_title"] = v.cycle.title;
    out["scale"] = v.cycle.scale;
    J trends = J::array();
    for (const auto& t : v.trends) trends.push_back({{"code", t.code}, {"now", t.now}, {"before", t.before}, {"trend", trend_label(t.trend)}});
    out["previous_cycle"] = v.previous_cycle ? J(v.previous_cycle->title) : J(nullptr);
    out["trends"] = trends;
    if (v.may_share) {
        J targets = J::array();
        for (const auto& t : v.share_targets) {
            targets.push_back({{"partnership", t.partnership_name}, {"cycle_title", t.cycle_title},
                               {"closes", t.cycle.valid() ? J(t.closes.iso()) : J(nullptr)}, {"can_share", t.refusal.empty()},
                               {"replaces_draft", t.replaces_draft}, {"reason", t.refusal}});
        }
        out["share_targets"] = targets;
    }
    return out;
}

ImprovementInput improvement_input(Body& b) {
    return {b.text("text"), b.value_text("agency_id"), b.value_text("lead_id"), b.text("due"),
            b.text("success_measure"), b.value_text("group_id"), b.text("priority")};
}

}  // namespace

// Improvement actions as the combined GET /api/v1/actions lists them (governance_api.cpp): one
// page of them, at most the request's `limit`.
nlohmann::json improvement_items(Services& s, const Ctx& ctx, bool open_only, bool overdue_only) {
    ImprovementFilter f = improvement_filter(s, ctx);
    f.open_only = f.open_only || open_only;
    f.overdue_only = f.overdue_only || overdue_only;
    J items = J::array();
    for (const auto& l : list_improvements(s, ctx.who(), f, PageRequest{page_request(ctx).limit, ""}).items) items.push_back(improvement_json(l));
    return items;
}

namespace {

J briefing_json(const Briefing& b) {
    J sources = J::array();
    for (const auto id : b.sources) sources.push_back(id.value);
    return {{"id", b.id.value},       {"kind", std::string(briefing_kind_key(b.kind))}, {"title", b.title}, {"on", b.on.iso()},
            {"audience", b.audience}, {"link", b.link}, {"reached", b.reached}, {"source_ids", sources}, {"version", b.version}};
}

// Briefings and learning events that spread a review's or an audit's learning (issue 20 item 1:
// the API records what the page records, refused the same way).
void add_briefing_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/briefings", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& b : list_briefings(s, ctx.who())) items.push_back(briefing_json(b));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/briefings"});
    routes.push_back({"POST", "/api/v1/briefings", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              std::vector<std::string> sources;
                              if (b.j.contains("source_ids")) {
                                  if (!b.j["source_ids"].is_array()) {
                                      b.errors.push_back({"source_ids", "source_ids must be a list of learning source ids"});
                                  } else {
                                      for (const auto& id : b.j["source_ids"]) {
                                          if (id.is_number_integer()) sources.push_back(std::to_string(id.get<std::int64_t>()));
                                          else if (id.is_string()) sources.push_back(id.get<std::string>());
                                          else b.errors.push_back({"source_ids", "source_ids must be a list of learning source ids"});
                                      }
                                  }
                              }
                              const BriefingInput in{b.text("kind"), b.text("title"), b.text("on"), b.text("audience"), b.text("link"),
                                                     b.value_text("reached"), sources};
                              b.check();
                              json(ctx, 201, briefing_json(create_briefing(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/briefings"});
}

}  // namespace

void add_learning_api_routes(std::vector<Route>& routes, Services& s) {
    add_briefing_api_routes(routes, s);
    routes.push_back({"GET", "/api/v1/learning", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          SourceFilter f;
                          if (const std::string k = ctx.query("kind"); !k.empty()) {
                              f.kind = parse_source_kind(k);
                              if (!f.kind) throw Failure::invalid({{"kind", "kind must be one of the kinds of learning"}});
                          }
                          if (const std::string p = ctx.query("priority"); !p.empty()) {
                              f.priority = known_priority(partnership_rules(s, ctx).learning, p).value_or("");
                              if (f.priority.empty()) throw Failure::invalid({{"priority", "priority must be one of the partnership's priorities"}});
                          }
                          f.text = ctx.query("q");
                          const auto found = list_sources(s, ctx.who(), f, page_request(ctx));
                          J items = J::array();
                          for (const auto& src : found.items) items.push_back(src);
                          json(ctx, 200, list_body(items, found.next));
                      },
                      "/api/v1/learning"});
    routes.push_back({"POST", "/api/v1/learning", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const SourceInput in = source_input(b);
                              b.check();
                              json(ctx, 201, create_source(s, ctx.who(), in));
                          });
                      },
                      "/api/v1/learning"});
    routes.push_back({"GET", R"(/api/v1/learning/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const SourceView v = read_source(s, ctx.who(), LearningSourceId{ctx.path_id()});
                          J out = v.source;
                          J actions = J::array();
                          for (const auto& l : v.actions) actions.push_back(improvement_json(l));
                          out["actions"] = actions;
                          out["briefings"] = v.briefings;
                          json(ctx, 200, out);
                      },
                      "/api/v1/learning/1"});
    // The record's fields as POST takes them, with the version read: the page's edit form.
    routes.push_back({"PATCH", R"(/api/v1/learning/(\d+))", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the record's version number");
                              const SourceInput in = source_input(b);
                              b.check();
                              json(ctx, 200, update_source(s, ctx.who(), LearningSourceId{ctx.path_id()}, version, in));
                          });
                      },
                      "/api/v1/learning/1"});
    // A practice review's record takes the review's recommendations, once (the page's import).
    routes.push_back({"POST", R"(/api/v1/learning/(\d+)/import)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the record's version number");
                              b.check();
                              json(ctx, 200, import_review_recommendations(s, ctx.who(), LearningSourceId{ctx.path_id()}, version));
                          });
                      },
                      "/api/v1/learning/1/import"});
    // POST adds a finding or recommendation; PATCH …/{n} corrects number n with the same body.
    for (const bool correct : {false, true}) {
        const std::string method = correct ? "PATCH" : "POST", number = correct ? R"(/(\d+))" : "";
        const int status = correct ? 200 : 201;
        routes.push_back({method, R"(/api/v1/learning/(\d+)/findings)" + number, Permission::manage_learning, Surface::api,
                          [&s, correct, status](Ctx& ctx) {
                              with_body(ctx, [&](Body& b) {
                                  const int version = b.integer("version", "version must be the record's version number");
                                  const std::string kind = b.text("kind"), text = b.text("text");
                                  b.check();
                                  const LearningSourceId id{ctx.path_id()};
                                  json(ctx, status, correct ? correct_finding(s, ctx.who(), id, version, static_cast<int>(ctx.path_id(2)), kind, text)
                                                            : add_finding(s, ctx.who(), id, version, kind, text));
                              });
                          },
                          correct ? "/api/v1/learning/1/findings/1" : "/api/v1/learning/1/findings"});
        routes.push_back({method, R"(/api/v1/learning/(\d+)/recommendations)" + number, Permission::manage_learning, Surface::api,
                          [&s, correct, status](Ctx& ctx) {
                              with_body(ctx, [&](Body& b) {
                                  const int version = b.integer("version", "version must be the record's version number");
                                  const std::string text = b.text("text"), priority = b.text("priority");
                                  const auto agencies = text_list(b, "agency_ids");
                                  b.check();
                                  const LearningSourceId id{ctx.path_id()};
                                  json(ctx, status,
                                       correct ? correct_source_recommendation(s, ctx.who(), id, version, static_cast<int>(ctx.path_id(2)), text,
                                                                               priority, agencies)
                                               : add_source_recommendation(s, ctx.who(), id, version, text, priority, agencies));
                              });
                          },
                          correct ? "/api/v1/learning/1/recommendations/1" : "/api/v1/learning/1/recommendations"});
    }
    routes.push_back({"POST", R"(/api/v1/learning/(\d+)/recommendations/(\d+)/actions)", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ImprovementInput in = improvement_input(b);
                              b.check();
                              const ImprovementOrigin origin{LearningSourceId{ctx.path_id()}, static_cast<int>(ctx.path_id(2)), {}, ""};
                              const auto a = create_improvement(s, ctx.who(), origin, in);
                              json(ctx, 201, improvement_json(read_improvement(s, ctx.who(), a.id)));
                          });
                      },
                      "/api/v1/learning/1/recommendations/1/actions"});
    routes.push_back({"GET", "/api/v1/improvement-actions", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const ImprovementFilter f = improvement_filter(s, ctx);
                          const auto found = list_improvements(s, ctx.who(), f, page_request(ctx));
                          J items = J::array();
                          for (const auto& l : found.items) items.push_back(improvement_json(l));
                          json(ctx, 200, list_body(items, found.next));
                      },
                      "/api/v1/improvement-actions"});
    routes.push_back({"GET", R"(/api/v1/improvement-actions/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, improvement_json(read_improvement(s, ctx.who(), ImprovementId{ctx.path_id()}))); },
                      "/api/v1/improvement-actions/1"});
    routes.push_back({"POST", R"(/api/v1/improvement-actions/(\d+)/updates)", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the action's version number");
                              const std::string state = b.text("state"), note = b.text("note");
                              b.check();
                              const ImprovementId id{ctx.path_id()};
                              update_improvement(s, ctx.who(), id, version, state, note);
                              json(ctx, 200, improvement_json(read_improvement(s, ctx.who(), id)));
                          });
                      },
                      "/api/v1/improvement-actions/1/updates"});
    routes.push_back({"POST", R"(/api/v1/improvement-actions/(\d+)/evidence)", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the action's version number");
                              const std::string kind = b.text("kind"), text = b.text("text"), link = b.text("link");
                              b.check();
                              const ImprovementId id{ctx.path_id()};
                              add_improvement_evidence(s, ctx.who(), id, version, kind, text, link);
                              json(ctx, 201, improvement_json(read_improvement(s, ctx.who(), id)));
                          });
                      },
                      "/api/v1/improvement-actions/1/evidence"});
    routes.push_back({"GET", "/api/v1/audits", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& c : list_cycles(s, ctx.who())) items.push_back(c);
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/audits"});
    routes.push_back({"POST", "/api/v1/audits", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const CycleInput in{b.text("kind"), b.text("title"), b.text("opens"), b.text("closes"),
                                                  b.text("scale").empty() ? "four_point" : b.text("scale"), text_list(b, "invited_ids")};
                              b.check();
                              json(ctx, 201, create_cycle(s, ctx.who(), in));
                          });
                      },
                      "/api/v1/audits"});
    routes.push_back({"GET", R"(/api/v1/audits/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const CycleView v = read_cycle(s, ctx.who(), AuditCycleId{ctx.path_id()}, page_request(ctx));
                          J out = v.cycle;
                          J returns = J::array(), results = J::array();
                          for (const auto& line : v.returns.items) returns.push_back(return_line_json(line));
                          for (const auto& r : v.results) {
                              J counts = J::object();
                              for (const auto& [key, n] : r.counts) counts[key] = n;
                              results.push_back({{"code", r.standard.code}, {"title", r.standard.title}, {"graded", r.graded},
                                                 {"gaps", r.gaps}, {"counts", counts},
                                                 {"mean_grade", r.mean_rank ? J(*r.mean_rank) : J(nullptr)}});
                          }
                          // The first page of returns; the rest from …/returns?cursor=returns_next.
                          if (v.returns.next) out["returns_next"] = *v.returns.next;
                          out["returns"] = returns;
                          out["results"] = results;
                          json(ctx, 200, out);
                      },
                      "/api/v1/audits/1"});
    routes.push_back({"POST", R"(/api/v1/audits/(\d+)/close)", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the cycle's version number");
                              b.check();
                              const AuditCycleId id{ctx.path_id()};
                              close_cycle(s, ctx.who(), id, version);
                              json(ctx, 200, read_cycle(s, ctx.who(), id).cycle);
                          });
                      },
                      "/api/v1/audits/1/close"});
    // An improvement action raised from a gap in a submitted return (the page's "Raise an action").
    routes.push_back({"POST", R"(/api/v1/audits/(\d+)/returns/(\d+)/gaps/([A-Za-z0-9.]{1,12})/actions)", Permission::manage_learning,
                      Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ImprovementInput in = improvement_input(b);
                              b.check();
                              const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
                              const ImprovementOrigin origin{{}, 0, v.ret.id, ctx.req.matches[3]};
                              const auto a = create_improvement(s, ctx.who(), origin, in);
                              json(ctx, 201, improvement_json(read_improvement(s, ctx.who(), a.id)));
                          });
                      },
                      "/api/v1/audits/1/returns/1/gaps/1/actions"});
    routes.push_back({"GET", R"(/api/v1/audits/(\d+)/returns)", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          const CycleView v = read_cycle(s, ctx.who(), AuditCycleId{ctx.path_id()}, page_request(ctx));
                          J items = J::array();
                          for (const auto& line : v.returns.items) items.push_back(return_line_json(line));
                          json(ctx, 200, list_body(items, v.returns.next));
                      },
                      "/api/v1/audits/1/returns"});
    routes.push_back({"GET", R"(/api/v1/audits/(\d+)/returns/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, return_json(read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)}))); },
                      "/api/v1/audits/1/returns/1"});
    routes.push_back({"PUT", R"(/api/v1/audits/(\d+)/returns/(\d+))", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the return's version number (0 for a new return)");
                              const bool submit = b.flag("submit");
                              const bool share = b.flag("share");
                              std::vector<AnswerInput> answers;
                              if (!b.j.contains("answers") || !b.j["answers"].is_array()) {
                                  b.errors.push_back({"answers", "answers must be a list of {code, grade, narrative, evidence}"});
                              } else {
                                  for (const auto& a : b.j["answers"]) {
                                      if (!a.is_object()) {
                                          b.errors.push_back({"answers", "each answer must be an object"});
                                          continue;
                                      }
                                      Body one{a, {}};
                                      answers.push_back({one.value_text("code"), one.value_text("grade"), one.text("narrative"), one.text("evidence")});
                                      b.errors.insert(b.errors.end(), one.errors.begin(), one.errors.end());
                                  }
                              }
                              b.check();
                              const AuditCycleId cycle{ctx.path_id()};
                              const AgencyId agency{ctx.path_id(2)};
                              save_return(s, ctx.who(), cycle, agency, version, answers, submit, share);
                              json(ctx, 200, return_json(read_return(s, ctx.who(), cycle, agency)));
                          });
                      },
                      "/api/v1/audits/1/returns/1"});
    routes.push_back({"POST", R"(/api/v1/audits/(\d+)/returns/(\d+)/share)", Permission::view_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the return's version number");
                              b.check();
                              const AuditCycleId cycle{ctx.path_id()};
                              const AgencyId agency{ctx.path_id(2)};
                              share_return(s, ctx.who(), cycle, agency, version);
                              json(ctx, 200, return_json(read_return(s, ctx.who(), cycle, agency)));
                          });
                      },
                      "/api/v1/audits/1/returns/1/share"});
    routes.push_back({"POST", R"(/api/v1/audits/(\d+)/returns/(\d+)/moderation)", Permission::manage_learning, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const int version = b.integer("version", "version must be the return's version number");
                              const std::string notes = b.text("challenge_notes");
                              std::vector<ModerationInput> grades;
                              if (b.j.contains("grades") && b.j["grades"].is_array()) {
                                  for (const auto& g : b.j["grades"]) {
                                      if (!g.is_object()) continue;
                                      Body one{g, {}};
                                      grades.push_back({one.value_text("code"), one.value_text("grade"), one.text("note")});
                                      b.errors.insert(b.errors.end(), one.errors.begin(), one.errors.end());
                                  }
                              }
                              b.check();
                              const AuditCycleId cycle{ctx.path_id()};
                              const AgencyId agency{ctx.path_id(2)};
                              moderate_return(s, ctx.who(), cycle, agency, version, grades, notes);
                              json(ctx, 200, return_json(read_return(s, ctx.who(), cycle, agency)));
                          });
                      },
                      "/api/v1/audits/1/returns/1/moderation"});
}

}  // namespace assure::web
