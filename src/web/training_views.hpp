#pragma once
// What training's pages and API share: the API's JSON shapes (web's own, apart from rows and
// the audit trail), words for a session's time and place, and the area's route groups.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/training.hpp"
#include "app/training_breakdown.hpp"
#include "app/training_evaluations.hpp"
#include "web/html.hpp"
#include "web/views.hpp"

namespace assure::web::training_web {

using J = nlohmann::json;

J course_json(const Course& c);
J session_json(const TrainingSession& t);
J booking_json(const Booking& b);
// The year's figures by course and agency; with the detail, by sector, quarter and trainer too.
J figures_json(const TrainingFigures& f);
J figures_json(const TrainingFigures& f, const TrainingYearDetail& detail);
J evaluation_json(const Evaluation& e);
J evaluation_results_json(const EvaluationResults& r);
J impact_evidence_json(const ImpactEvidence& e);

// The evaluation's results as a page section: response rates, the share reporting a change, the
// mean scores as a bar chart and as a table. `id` keeps the chart's ids unique on the page.
std::string evaluation_results_html(const std::string& id, const EvaluationResults& r);

// "8 December 2026, 09:30 to 12:30"
std::string when_words(const TrainingSession& t);
// The venue, or "Online" when there is only a link.
std::string where_words(const TrainingSession& t);
// "12 of 20 places free", "Full: 3 on the waiting list"
std::string places_words(const TrainingSession& t);

// The financial year typed (2016-17), or this one when none is; one that cannot be read is the
// "year" field's error, and this one is shown. The API's form refuses it instead.
FinancialYear year_asked(Services& s, const std::string& typed, FieldErrors& errors);
FinancialYear year_or_refuse(Services& s, const std::string& typed);
// The year box of a yearly page's form.
std::string year_field(FinancialYear year, const FieldErrors& errors);

void add_course_pages(std::vector<Route>& routes, Services& s);
void add_session_pages(std::vector<Route>& routes, Services& s);
void add_public_pages(std::vector<Route>& routes, Services& s);
void add_training_api(std::vector<Route>& routes, Services& s);
void add_evaluation_pages(std::vector<Route>& routes, Services& s);
void add_evaluation_api(std::vector<Route>& routes, Services& s);
void add_evaluation_answer_pages(std::vector<Route>& routes, Services& s);

}  // namespace assure::web::training_web
