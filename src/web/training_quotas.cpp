// Agency quotas on a training session (issue 16 item 2): the form that sets the most places one
// agency may hold, and the same through the API. The session page shows it (training_sessions.cpp).
#include "web/training_quotas.hpp"

#include "app/training.hpp"
#include "app/training_quotas.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

using J = nlohmann::json;

std::string session_path(TrainingSessionId id) { return "/training/sessions/" + id.str(); }

void quota_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const TrainingSessionId id{ctx.path_id()};
    const TrainingSession t = read_session(s, ctx.who(), id);
    const auto quota = session_quota(s, ctx.who(), id);
    const std::string typed = ctx.req.method == "POST" ? ctx.form("quota") : quota ? std::to_string(*quota) : std::string();
    Data fields{Data::type::list};
    fields.push_back(Data(text_input(Field{"quota", "Most places one agency may hold (optional)", typed, error_for(errors, "quota"),
                                           "Of the session's " + std::to_string(t.capacity) + ", booked or waiting. Leave it empty for no limit",
                                           "off", "text", "govuk-input--width-3", false})));
    Data data;
    data.set("title", "Places for one agency");
    data.set("hint", t.course_title + ", " + when_words(t) + ". A booking that would pass the limit is refused, naming the agency; places "
                     "already held are kept if the limit is lowered.");
    data.set("action_url", session_path(id) + "/quota");
    data.set("version", "0");
    data.set("fields", fields);
    data.set("back_href", session_path(id));
    page(ctx, "training/form", data, PageOptions{"Places for one agency", "training", errors, status});
}

J quota_json(std::optional<int> q) { return J{{"per_agency", q ? J(*q) : J()}}; }

}  // namespace

std::string quota_words(std::optional<int> quota) { return quota ? "At most " + std::to_string(*quota) + " for any one agency" : "No limit"; }

void add_quota_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/training/sessions/(\d+)/quota)", Permission::manage_training, Surface::page, [&s](Ctx& ctx) { quota_page(s, ctx); },
                      "/training/sessions/1/quota"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/quota)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              set_session_quota(s, ctx.who(), TrainingSessionId{ctx.path_id()}, ctx.form("quota"));
                              redirect(ctx, session_path(TrainingSessionId{ctx.path_id()}) + "?saved=quota");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              quota_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/training/sessions/1/quota"});
    routes.push_back({"GET", R"(/api/v1/sessions/(\d+)/quota)", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, quota_json(session_quota(s, ctx.who(), TrainingSessionId{ctx.path_id()}))); },
                      "/api/v1/sessions/1/quota"});
    routes.push_back({"PUT", R"(/api/v1/sessions/(\d+)/quota)", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              std::string typed;
                              if (b.j.contains("per_agency") && !b.j["per_agency"].is_null()) {
                                  if (b.j["per_agency"].is_number_integer()) typed = b.j["per_agency"].dump();
                                  else b.errors.push_back({"per_agency", "per_agency must be a whole number, or null for no limit"});
                              }
                              b.check();
                              try {
                                  json(ctx, 200, quota_json(set_session_quota(s, ctx.who(), TrainingSessionId{ctx.path_id()}, typed)));
                              } catch (const Failure& f) {
                                  // The API's field is per_agency; the form's is quota.
                                  if (f.code() != FailureCode::invalid) throw;
                                  FieldErrors renamed = f.fields();
                                  for (auto& e : renamed) e.field = e.field == "quota" ? "per_agency" : e.field;
                                  throw Failure::invalid(std::move(renamed));
                              }
                          });
                      },
                      "/api/v1/sessions/1/quota"});
}

}  // namespace assure::web::training_web
