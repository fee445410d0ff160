// My work (issue 19 item 2; docs/decisions/0026-search-and-my-work.md): /my-work lists what the
// signed-in person owes, overdue first, with GOV.UK pagination; GET /api/v1/my-work answers
// the same list as {"items", "next", "counts"}.
#include <nlohmann/json.hpp>

#include "app/my_work.hpp"
#include "app/training_evaluations.hpp"
#include "core/dataset.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/search_routes.hpp"
#include "web/html.hpp"
#include "web/my_work_lines.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string due_text(const MyWorkLine& l) {
    if (!l.item.due) return "No due date";
    return (l.item.kind == OwedKind::booking ? "On " : "Due ") + date_in_words(*l.item.due);
}

std::string title_of(const MyWorkLine& l) {
    if (l.item.kind == OwedKind::dataset_return) {
        const auto period = DatasetPeriod::parse(l.item.title);
        return "Send the dataset return for " + (period ? period->label() : l.item.title);
    }
    return l.item.title;
}

// Evaluations of training the person attended, asked of them and not answered yet: each links
// to the signed-in form of their own booking (the emailed link's token is not kept to show).
std::vector<WaitingEvaluation> waiting_evaluations(Services& s, const Ctx& ctx) {
    if (!ctx.who().can(Permission::book_training)) return {};
    return my_waiting_evaluations(s, ctx.who());
}

std::string evaluation_title(const WaitingEvaluation& w) {
    return (w.stage == EvaluationStage::follow_up ? "Say what changed after " : "Evaluate ") + w.course_title + " (" +
           date_in_words(w.on) + ")";
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest asked = page_request(ctx);
    const MyWork w = my_work(s, ctx.who(), asked);
    Data lines{Data::type::list};
    for (const auto& l : w.lines) lines.push_back(my_work_line(l));
    Data evaluations{Data::type::list};
    const auto waiting = waiting_evaluations(s, ctx);
    for (const auto& e : waiting) {
        Data d;
        d.set("href", evaluation_answer_href(e.session, e.booking, e.stage));
        d.set("title", evaluation_title(e));
        d.set("stage", std::string(evaluation_stage_label(e.stage)));
        d.set("asked", "Asked on " + date_in_words(london_date(e.sent_at)));
        evaluations.push_back(d);
    }
    Data data;
    data.set("evaluations", evaluations);
    data.set("has_evaluations", flag(!waiting.empty()));
    data.set("lines", lines);
    data.set("has_lines", flag(!w.lines.empty()));
    data.set("summary", my_work_summary(w.counts));
    data.set("pagination_html", pagination("/my-work", asked, w.next));
    page(ctx, "my_work/list", data, PageOptions{"My work", "my_work"});
}

void list_api(Services& s, Ctx& ctx) {
    const MyWork w = my_work(s, ctx.who(), page_request(ctx));
    J items = J::array();
    for (const auto& l : w.lines) {
        J item{{"kind", std::string(owed_kind_key(l.item.kind))}, {"id", l.item.id}, {"title", l.item.title}, {"link", l.href},
               {"overdue", l.overdue}};
        if (l.item.due) item["due"] = l.item.due->iso();
        if (!l.item.detail.empty()) item["detail"] = l.item.detail;
        items.push_back(item);
    }
    J body = list_body(items, w.next);
    body["counts"] = {{"owed", w.counts.owed}, {"overdue", w.counts.overdue}};
    J evaluations = J::array();
    for (const auto& e : waiting_evaluations(s, ctx)) {
        evaluations.push_back({{"session_id", e.session.value}, {"booking_id", e.booking.value}, {"course", e.course_title},
                               {"on", e.on.iso()}, {"stage", std::string(evaluation_stage_key(e.stage))},
                               {"link", evaluation_answer_href(e.session, e.booking, e.stage)}});
    }
    body["evaluations"] = evaluations;
    json(ctx, 200, body);
}

}  // namespace

Data my_work_line(const MyWorkLine& l) {
    Data d;
    d.set("href", l.href);
    d.set("title", title_of(l));
    d.set("kind", std::string(owed_kind_label(l.item.kind)));
    d.set("detail", optional_text(l.item.kind == OwedKind::booking ? (l.item.detail == "waiting" ? "on the waiting list" : "")
                                                                     : l.item.detail));
    d.set("due", due_text(l));
    d.set("overdue", flag(l.overdue));
    return d;
}

std::string my_work_summary(const OwedCounts& counts) {
    return count_of(counts.owed, "thing", "things") + " waiting for you, " + std::to_string(counts.overdue) + " overdue";
}

void add_my_work_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/my-work", Permission::signed_in, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, "/my-work"});
    routes.push_back({"GET", "/api/v1/my-work", Permission::signed_in, Surface::api, [&s](Ctx& ctx) { list_api(s, ctx); }, "/api/v1/my-work"});
}

}  // namespace assure::web
