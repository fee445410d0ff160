// The delegates' own words: a session's or a course's evaluation answers one by one (what they
// will do differently, what changed in practice, their manager's view), for the business unit
// only, a page at a time in the store's keyset order, and as CSV with every answer and its
// scores, as the registers' lists are. The results on the session and course pages count the
// answers without naming anyone; this is where the names are.
#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/paging.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

// What the list is of: a session, or every session of a course.
struct AnswersOf {
    std::string href;     // the answers page, without its query
    std::string back;     // the session's or course's page
    std::string title;
    EvaluationFilter filter;
    bool course = false;
};

AnswersOf answers_of(Services& s, Ctx& ctx, bool course) {
    AnswersOf a;
    a.course = course;
    const std::string id = std::to_string(ctx.path_id());
    if (course) {
        const Course c = read_course(s, ctx.who(), CourseId{ctx.path_id()});
        a.back = "/training/courses/" + id;
        a.title = "Evaluation answers: " + c.title;
        a.filter.course_id = id;
    } else {
        const TrainingSession t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
        a.back = "/training/sessions/" + id;
        a.title = "Evaluation answers: " + t.course_title + ", " + date_in_words(t.on);
        a.filter.session_id = id;
    }
    a.href = a.back + "/answers";
    a.filter.stage = ctx.query("stage");
    return a;
}

std::string yes_no(const std::optional<bool>& v) {
    if (!v) return "";
    return *v ? "Yes" : "No";
}

// The answer in words: straight after, what they will do differently; at the follow-up,
// whether practice changed and how.
std::string answer_words(const Evaluation& e) {
    if (e.stage == EvaluationStage::after_session) return e.do_differently;
    return "Changed practice: " + yes_no(e.changed_practice) + (e.practice_change.empty() ? "" : ". " + e.practice_change);
}

std::string given_on(const Evaluation& e) { return date_in_words(london_date(e.submitted_at)); }

void answers_page(Services& s, Ctx& ctx, bool course) {
    AnswersOf a = answers_of(s, ctx, course);
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    Page<Evaluation> found;
    try {
        found = list_evaluations(s, ctx.who(), a.filter, request);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors = f.fields();
        a.filter.stage.clear();
    }
    Data rows{Data::type::list};
    for (const auto& e : found.items) {
        Data row;
        row.set("first", e.delegate);
        row.set("cells", list_of({Data(std::string(evaluation_stage_label(e.stage))), Data(given_on(e)), Data(answer_words(e)),
                                  Data(e.manager_view.empty() ? std::string("None given") : e.manager_view)}));
        rows.push_back(row);
    }
    std::vector<Option> stages;
    for (const auto st : all_evaluation_stages()) stages.push_back({std::string(evaluation_stage_key(st)), std::string(evaluation_stage_label(st))});
    Data filter;
    filter.set("html", select(Field{"stage", "Stage", a.filter.stage, error_for(errors, "stage")}, stages, "Both stages"));
    Data filters{Data::type::list};
    filters.push_back(filter);
    const std::string query = a.filter.stage.empty() ? "" : "?stage=" + url_encode(a.filter.stage);
    Data items{Data::type::list};
    const auto link = [&](const std::string& href, const std::string& label) {
        Data d;
        d.set("href", href);
        d.set("label", label);
        items.push_back(d);
    };
    link(a.back, a.course ? "Back to the course" : "Back to the session");
    link(a.href + ".csv" + query, "Download these answers (CSV)");
    Data links;
    links.set("items", items);
    Data data;
    data.set("title", a.title);
    data.set("intro", "What each delegate who attended wrote, in the order they answered. Scores are in the CSV; the page of the " +
                          std::string(a.course ? "course" : "session") + " gives the results.");
    data.set("links", links);
    data.set("has_filters", flag(true));
    data.set("filters", filters);
    data.set("list_href", a.href);
    data.set("caption", "Answers");
    data.set("headings", list_of({Data("Delegate"), Data("Stage"), Data("Given"), Data("Answer"), Data("Manager's view")}));
    data.set("rows", rows);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("empty", "No delegate has answered yet.");
    data.set("pagination_html", pagination(a.href + query, request, found.next));
    page(ctx, "training/list", data, PageOptions{a.title, "training", errors, errors.empty() ? 200 : 422});
}

// Every answer, page after page of the store's keyset order.
Table answers_table(Services& s, Ctx& ctx, bool course) {
    const AnswersOf a = answers_of(s, ctx, course);
    Table t;
    t.title = "Evaluation answers";
    t.headings = {"Delegate", "Session", "Stage", "Given"};
    for (const auto q : all_evaluation_questions()) t.headings.emplace_back(evaluation_question_label(q));
    for (const char* h : {"What they will do differently", "Manager's email", "Changed practice", "What changed", "Manager's view"}) {
        t.headings.emplace_back(h);
    }
    PageRequest request{PageRequest::max_limit, ""};
    while (true) {
        const auto found = list_evaluations(s, ctx.who(), a.filter, request);
        for (const auto& e : found.items) {
            std::vector<std::string> row{e.delegate, e.session.str(), std::string(evaluation_stage_key(e.stage)), london_date(e.submitted_at).iso()};
            for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
                row.push_back(e.stage == EvaluationStage::after_session ? std::to_string(e.scores.at(i)) : "");
            }
            row.push_back(e.do_differently);
            row.push_back(e.manager_email);
            row.push_back(yes_no(e.changed_practice));
            row.push_back(e.practice_change);
            row.push_back(e.manager_view);
            t.rows.push_back(std::move(row));
        }
        if (!found.next) break;
        request.after = *found.next;
    }
    return t;
}

}  // namespace

void add_evaluation_answer_pages(std::vector<Route>& routes, Services& s) {
    for (const bool course : {false, true}) {
        const std::string base = course ? R"(/training/courses/(\d+)/answers)" : R"(/training/sessions/(\d+)/answers)";
        const std::string example = course ? "/training/courses/1/answers" : "/training/sessions/1/answers";
        routes.push_back({"GET", base, Permission::manage_training, Surface::page, [&s, course](Ctx& ctx) { answers_page(s, ctx, course); },
                          example});
        routes.push_back({"GET", base + R"(\.csv)", Permission::manage_training, Surface::page,
                          [&s, course](Ctx& ctx) {
                              const std::string id = std::to_string(ctx.path_id());
                              send_table(ctx, answers_table(s, ctx, course),
                                         std::string("evaluation-answers-") + (course ? "course-" : "session-") + id, false);
                          },
                          example + ".csv"});
    }
}

}  // namespace assure::web::training_web
