// Training evaluation's JSON shapes and its results section: the rates in words, the mean
// scores drawn as the yearly report's bar chart (web/report_chart.hpp) and given again in a table.
#include "web/report_chart.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

J optional_number(const std::optional<int>& v) { return v ? J(*v) : J(nullptr); }

J tenths_json(const std::optional<int>& tenths) { return tenths ? J(static_cast<double>(*tenths) / 10.0) : J(nullptr); }

// The chart's short labels; the table beside it names each question in full.
std::string chart_label(EvaluationQuestion q) {
    switch (q) {
        case EvaluationQuestion::outcomes_met: return "Met its outcomes";
        case EvaluationQuestion::confidence_before: return "Confidence before";
        case EvaluationQuestion::confidence_after: return "Confidence after";
        case EvaluationQuestion::relevance: return "Relevant to my work";
    }
    return "";
}

std::string rate_words(const std::optional<int>& percent, int of, const std::string& what) {
    if (!percent) return "No " + what + " yet";
    return std::to_string(*percent) + "% (" + grouped(of) + ")";
}

std::string row(const std::string& key, const std::string& value) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + escape(key) +
           "</dt><dd class=\"govuk-summary-list__value\">" + escape(value) + "</dd></div>";
}

}  // namespace

J evaluation_json(const Evaluation& e) {
    J j{{"id", e.id.value},
        {"booking_id", e.booking.value},
        {"session_id", e.session.value},
        {"course_id", e.course.value},
        {"delegate", e.delegate},
        {"stage", evaluation_stage_key(e.stage)},
        {"submitted_at", iso_instant(e.submitted_at)}};
    if (e.stage == EvaluationStage::after_session) {
        J scores = J::object();
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
            scores[std::string(evaluation_question_key(static_cast<EvaluationQuestion>(i)))] = e.scores.at(i);
        }
        j["scores"] = scores;
        j["do_differently"] = e.do_differently;
        j["manager_email"] = e.manager_email.empty() ? J(nullptr) : J(e.manager_email);
    } else {
        j["changed_practice"] = e.changed_practice ? J(*e.changed_practice) : J(nullptr);
        j["practice_change"] = e.practice_change;
        j["manager_view"] = e.manager_view;
    }
    return j;
}

J evaluation_results_json(const EvaluationResults& r) {
    J means = J::object();
    for (const auto& q : r.questions) means[std::string(evaluation_question_key(q.question))] = tenths_json(q.mean_tenths);
    return J{{"attended", r.attended},
             {"after_session", r.after_session},
             {"follow_up", r.follow_up},
             {"changed", r.changed},
             {"mean_scores", means},
             {"after_session_response_percent", optional_number(r.after_session_response_percent)},
             {"follow_up_response_percent", optional_number(r.follow_up_response_percent)},
             {"changed_percent", optional_number(r.changed_percent)},
             {"confidence_rise", tenths_json(r.confidence_rise_tenths)}};
}

J impact_evidence_json(const ImpactEvidence& e) {
    return J{{"id", e.id.value},
             {"course_id", e.course.value},
             {"source", impact_source_key(e.source)},
             {"link", e.link},
             {"note", e.note},
             {"recorded_at", iso_instant(e.recorded_at)}};
}

std::string evaluation_results_html(const std::string& id, const EvaluationResults& r) {
    std::string h = "<h2 class=\"govuk-heading-m\" id=\"" + id + "-heading\">Evaluation</h2>";
    if (r.attended == 0) {
        return h + "<p class=\"govuk-body\">No delegate is recorded as having attended yet, so there is nothing to evaluate.</p>";
    }
    h += "<dl class=\"govuk-summary-list\">";
    h += row("Delegates who attended", grouped(r.attended));
    h += row("Evaluated straight after", rate_words(r.after_session_response_percent, r.after_session, "evaluations"));
    h += row("Answered the follow-up", rate_words(r.follow_up_response_percent, r.follow_up, "follow-ups"));
    h += row("Reporting a change in practice",
             r.changed_percent ? std::to_string(*r.changed_percent) + "% of follow-ups (" + grouped(r.changed) + ")" : "No follow-ups yet");
    if (r.confidence_rise_tenths) h += row("Rise in mean confidence", tenths_text(*r.confidence_rise_tenths) + " points out of 5");
    h += "</dl>";
    if (r.after_session == 0) return h + "<p class=\"govuk-body\">No delegate has evaluated yet.</p>";
    std::vector<Bar> bars;
    std::string table = "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Mean scores out of 5, "
                        "from " + grouped(r.after_session) + (r.after_session == 1 ? " evaluation" : " evaluations") +
                        "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" "
                        "class=\"govuk-table__header\">Question</th><th scope=\"col\" class=\"govuk-table__header "
                        "govuk-table__header--numeric\">Mean score</th></tr></thead><tbody class=\"govuk-table__body\">";
    for (const auto& q : r.questions) {
        if (!q.mean_tenths) continue;
        const std::string value = tenths_text(*q.mean_tenths);
        bars.push_back(Bar{chart_label(q.question), static_cast<double>(*q.mean_tenths) / 10.0, value});
        table += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">" +
                 escape(std::string(evaluation_question_label(q.question))) +
                 "</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">" + value + "</td></tr>";
    }
    table += "</tbody></table>";
    const std::string svg = bar_chart_svg(id + "-chart", "Mean evaluation scores out of 5", bars, kHighestScore);
    if (!svg.empty()) h += "<figure class=\"assure-chart\">" + svg + "</figure>";
    return h + table;
}

}  // namespace assure::web::training_web
