// The training area: sessions and courses, bookings and registers, the year's figures, the
// public calendar, online modules, places not used, the needs analysis and the API (training_*.cpp).
#include "web/areas.hpp"
#include "web/training_modules.hpp"
#include "web/training_needs.hpp"
#include "web/training_no_shows.hpp"
#include "web/training_quotas.hpp"
#include "web/training_views.hpp"

namespace assure::web {

void add_training_routes(std::vector<Route>& routes, Services& s) {
    training_web::add_session_pages(routes, s);
    training_web::add_course_pages(routes, s);
    training_web::add_public_pages(routes, s);
    training_web::add_training_api(routes, s);
    training_web::add_evaluation_pages(routes, s);
    training_web::add_evaluation_api(routes, s);
    training_web::add_evaluation_answer_pages(routes, s);
    training_web::add_module_pages(routes, s);
    training_web::add_no_show_pages(routes, s);
    training_web::add_quota_pages(routes, s);
    training_web::add_needs_pages(routes, s);
}

}  // namespace assure::web
