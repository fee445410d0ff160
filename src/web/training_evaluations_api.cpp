// Training evaluation's JSON API: /api/v1/evaluations (GET with course_id, session_id and stage
// filters, paged; POST one stage's answers for a booking), the results of a course or a session,
// and a course's impact evidence. Errors are problem+json with a field per mistake.
#include "core/fields.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

EvaluationInput evaluation_input(Body& b) {
    EvaluationInput in;
    in.stage = b.text("stage");
    if (b.j.contains("scores") && !b.j["scores"].is_null()) {
        const auto& scores = b.j["scores"];
        if (!scores.is_object()) {
            b.errors.push_back({"scores", "scores must be an object of the four questions, each 1 to 5"});
        } else {
            for (const auto& [key, value] : scores.items()) {
                const auto q = parse_evaluation_question(key);
                if (!q) {
                    b.errors.push_back({"scores", "scores holds outcomes_met, confidence_before, confidence_after and relevance only"});
                    continue;
                }
                const std::string field(evaluation_question_key(*q));
                if (value.is_number_integer()) in.scores.at(static_cast<std::size_t>(*q)) = std::to_string(value.get<std::int64_t>());
                else b.errors.push_back({field, field + " must be a whole number from 1 to 5"});
            }
        }
    }
    in.do_differently = b.text("do_differently");
    in.manager_email = b.text("manager_email");
    if (b.j.contains("changed_practice") && !b.j["changed_practice"].is_null()) {
        if (b.j["changed_practice"].is_boolean()) in.changed_practice = b.j["changed_practice"].get<bool>() ? "yes" : "no";
        else b.errors.push_back({"changed_practice", "changed_practice must be true or false"});
    }
    in.practice_change = b.text("practice_change");
    in.manager_view = b.text("manager_view");
    return in;
}

void post_evaluation(Services& s, Ctx& ctx) {
    with_body(ctx, [&](Body& b) {
        const std::string session = b.value_text("session_id");
        const std::string booking = b.value_text("booking_id");
        const auto session_id = to_int(session);
        const auto booking_id = to_int(booking);
        if (!session_id || *session_id <= 0) b.errors.push_back({"session_id", "Send session_id, the session's id"});
        if (!booking_id || *booking_id <= 0) b.errors.push_back({"booking_id", "Send booking_id, the delegate's booking on the session"});
        const EvaluationInput in = evaluation_input(b);
        b.check();
        json(ctx, 201, evaluation_json(record_evaluation(s, ctx.who(), TrainingSessionId{*session_id}, BookingId{*booking_id}, in)));
    });
}

}  // namespace

void add_evaluation_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/evaluations", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const EvaluationFilter filter{ctx.query("course_id"), ctx.query("session_id"), ctx.query("stage")};
                          const auto found = list_evaluations(s, ctx.who(), filter, page_request(ctx));
                          J items = J::array();
                          for (const auto& e : found.items) items.push_back(evaluation_json(e));
                          json(ctx, 200, list_body(items, found.next));
                      },
                      "/api/v1/evaluations"});
    routes.push_back({"POST", "/api/v1/evaluations", Permission::book_training, Surface::api,
                      [&s](Ctx& ctx) { post_evaluation(s, ctx); }, "/api/v1/evaluations"});
    routes.push_back({"GET", R"(/api/v1/courses/(\d+)/evaluation)", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const CourseId id{ctx.path_id()};
                          J impact = J::array();
                          for (const auto& e : list_impact_evidence(s, ctx.who(), id)) impact.push_back(impact_evidence_json(e));
                          J body = evaluation_results_json(course_evaluation_results(s, ctx.who(), id));
                          body["course_id"] = id.value;
                          body["impact_evidence"] = impact;
                          json(ctx, 200, body);
                      },
                      "/api/v1/courses/1/evaluation"});
    routes.push_back({"GET", R"(/api/v1/sessions/(\d+)/evaluation)", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const TrainingSessionId id{ctx.path_id()};
                          J body = evaluation_results_json(session_evaluation_results(s, ctx.who(), id));
                          body["session_id"] = id.value;
                          json(ctx, 200, body);
                      },
                      "/api/v1/sessions/1/evaluation"});
}

}  // namespace assure::web::training_web
