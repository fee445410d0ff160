// The home page (issue 19 item 1): each role sees first what needs them now. Everyone: the first
// few things they owe (My work). Those who work on cases: the open cases whose statutory date
// comes soonest, overdue ones first. Members and chairs: their groups' next meetings with the
// papers. Everyone who may see the case figures: the statutory clocks this year (the scrutineer
// sees them over every case, without opening one). Then the partnership at a glance.
#include "web/home.hpp"

#include "app/dataset_returns.hpp"
#include "app/governance.hpp"
#include "app/my_work.hpp"
#include "app/partnership.hpp"
#include "app/next_meetings.hpp"
#include "app/reviews.hpp"
#include "app/reviews_due.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"
#include "web/html.hpp"
#include "web/learning_views.hpp"
#include "web/my_work_lines.hpp"
#include "web/review_rows.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

constexpr int kWaitingShown = 5;  // the first things owed; the rest are a link away
constexpr int kCasesShown = 5;    // the open cases due soonest

void add_waiting_for_you(Services& s, const Actor& actor, Data& data) {
    PageRequest first;
    first.limit = kWaitingShown;
    const MyWork w = my_work(s, actor, first);
    Data lines{Data::type::list};
    for (const auto& l : w.lines) lines.push_back(my_work_line(l));
    data.set("waiting", lines);
    data.set("has_waiting", flag(!w.lines.empty()));
    data.set("my_work_summary", my_work_summary(w.counts));
    data.set("has_more_waiting", flag(w.counts.owed > static_cast<int>(w.lines.size())));
    data.set("waiting_count", std::to_string(w.counts.owed));
}

// Cases with their next statutory date, for those whose reach lists cases (the business unit,
// partner leads, panel members). The list is logged as /reviews's is. The figures below it count
// what figures_reach allows: for the scrutineer, every case, with no record shown.
void add_review_summary(Services& s, const Actor& actor, Data& data) {
    if (!actor.can(Permission::view_reviews)) return;
    const Date today = london_today(s);
    const ReviewStats stats = review_stats(s, actor);
    data.set("can_view_reviews", flag(true));
    data.set("reviews_open", std::to_string(stats.open));
    data.set("reviews_overdue", std::to_string(stats.overdue));
    data.set("reviews_overdue_text", count_of(stats.overdue, "case", "cases"));
    data.set("has_reviews_overdue", flag(stats.overdue > 0));
    Data due{Data::type::list};
    for (const auto& v : cases_due_soonest(s, actor, kCasesShown)) due.push_back(case_row(v, today));
    data.set("has_due_soonest", flag(!due.is_empty_list()));
    data.set("due_soonest", due);
    data.set("has_more_open", flag(stats.open > kCasesShown));
    // The latest year with cases (this one, once a case has come in), labelled with its year.
    if (!stats.timeliness.empty()) {
        const TimelinessYear& y = stats.timeliness.back();
        data.set("has_clocks", flag(true));
        data.set("clocks_year", timeliness_year_label(y.year));
        data.set("clocks_notification", in_time_text(y.notification));
        data.set("clocks_notification_missed", missed_text(y.notification));
        data.set("clocks_rapid_review", in_time_text(y.rapid_review));
        data.set("clocks_rapid_review_missed", missed_text(y.rapid_review));
        data.set("clocks_running", count_of(y.rapid_review.running, "rapid review", "rapid reviews"));
    }
    data.set("figures_cover_all", flag(figures_reach(actor.role) == CaseReach::every_case));
}

std::string meeting_when(const Meeting& m) { return date_in_words(m.on) + " at " + m.starts_at; }

void add_next_meetings(Services& s, const Actor& actor, Data& data) {
    if (!actor.can(Permission::view_governance)) return;
    Data rows{Data::type::list};
    for (const auto& n : my_next_meetings(s, actor)) {
        Data row;
        row.set("id", n.meeting.id.str());
        row.set("group", n.group_name);
        row.set("when", meeting_when(n.meeting));
        row.set("role", n.role == MemberRole::member ? std::string() : "You are its " + lower(member_role_label(n.role)));
        row.set("agenda", n.agenda_published_at ? "Agenda sent to the members on " + date_in_words(london_date(*n.agenda_published_at))
                                                : std::string("Agenda not sent yet"));
        row.set("papers", n.papers == 0 ? std::string("No papers yet") : count_of(n.papers, "paper", "papers"));
        row.set("has_papers", flag(n.papers > 0));
        rows.push_back(row);
    }
    data.set("has_next_meetings", flag(!rows.is_empty_list()));
    data.set("next_meetings", rows);
}

// The business unit's first questions: which groups are overdue to meet, which actions are late.
void add_governance_summary(Services& s, const Actor& actor, Data& data) {
    if (!actor.can(Permission::view_governance)) return;
    data.set("can_view_governance", flag(true));
    Data overdue{Data::type::list};
    for (const auto& g : list_groups(s, actor)) {
        if (!g.cadence.overdue) continue;
        Data row;
        row.set("id", g.group.id.str());
        row.set("name", g.group.name);
        row.set("due_by", date_in_words(*g.cadence.due_by));
        overdue.push_back(row);
    }
    data.set("has_overdue_groups", flag(!overdue.is_empty_list()));
    data.set("overdue_groups", overdue);
    // Open actions only: the figures are about them, and counting just these reads the
    // open few rather than every action of the partnership's years.
    ActionFilter open;
    open.open_only = true;
    data.set("overdue_actions", std::to_string(count_actions(s, actor, open).overdue));
    ActionFilter mine = open;
    mine.owner = person_of(s, actor).value_or(PersonId{});
    data.set("my_actions", std::to_string(count_actions(s, actor, mine).open));
}

// The dataset's quarterly returns: those the business unit chases, or the ones an agency's lead
// owes. Others see none.
void add_returns_summary(Services& s, const Actor& actor, Data& data) {
    if (!actor.can(Permission::manage_dataset) && actor.role != Role::agency_lead) return;
    PageRequest one;
    one.limit = 1;
    DatasetReturnCounts counts;
    try {
        counts = list_dataset_returns(s, actor, DatasetReturnListState::outstanding, "", one).counts;
    } catch (const Failure& f) {
        if (f.code() != FailureCode::forbidden) throw;
        return;  // a lead whose agency the directory does not name yet
    }
    data.set("has_returns", flag(true));
    data.set("returns_outstanding", std::to_string(counts.outstanding));
    data.set("returns_late", std::to_string(counts.late));
    data.set("has_returns_late", flag(counts.late > 0));
}

void home_page(Services& s, Ctx& ctx) {
    std::optional<Partnership> partnership;
    s.store.read([&](Transaction& tx) { partnership = tx.partnerships().find(ctx.who().partnership); });
    const Actor& actor = ctx.who();
    Data data;
    data.set("partnership", partnership ? partnership->name : "Your partnership");
    data.set("can_view_directory", flag(actor.can(Permission::view_directory)));
    data.set("can_edit_directory", flag(actor.can(Permission::edit_directory)));
    data.set("can_manage_users", flag(actor.can(Permission::manage_users)));
    data.set("can_view_audit", flag(actor.can(Permission::view_audit)));
    const auto agencies = list_agencies(s, actor, false);
    const auto people = list_people(s, actor, {});
    data.set("agency_count", std::to_string(agencies.size()));
    data.set("people_count", std::to_string(people.size()));
    add_waiting_for_you(s, actor, data);
    add_review_summary(s, actor, data);
    add_next_meetings(s, actor, data);
    add_governance_summary(s, actor, data);
    add_improvement_summary(s, actor, ImprovementFilter{}, data);
    add_returns_summary(s, actor, data);
    page(ctx, "partnership/home", data, PageOptions{partnership ? partnership->name : "Home", "home"});
}

}  // namespace

void add_home_route(std::vector<Route>& routes, Services& services) {
    routes.push_back({"GET", "/", Permission::signed_in, Surface::page, [&services](Ctx& ctx) { home_page(services, ctx); }, "/"});
}

}  // namespace assure::web
