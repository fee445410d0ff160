// Training's session pages: the calendar of sessions (paged), a session with its booking form
// and (for the business unit) its bookings, the forms to add and change one, cancelling a
// booking, the register on the day, and the year's figures.
#include <cstdlib>

#include "app/training_group.hpp"
#include "app/training_modules.hpp"
#include "app/training_quotas.hpp"
#include "core/text.hpp"
#include "core/training_group.hpp"
#include "app/partnership.hpp"
#include "web/paging.hpp"
#include "web/training_modules.hpp"
#include "web/training_quotas.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

constexpr const char* kSessions = "/training/sessions";

std::string session_href(TrainingSessionId id) { return std::string(kSessions) + "/" + id.str(); }

Data summary(const std::string& label, const std::string& value) {
    Data d;
    d.set("label", label);
    d.set("value", value);
    return d;
}

Data link(const std::string& href, const std::string& label) {
    Data d;
    d.set("href", href);
    d.set("label", label);
    return d;
}

void sessions_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const bool all = ctx.query("when") == "all";
    const auto found = list_sessions(s, ctx.who(), SessionFilter{"", !all}, request);
    Data rows{Data::type::list};
    for (const auto& t : found.items) {
        Data row;
        row.set("first", when_words(t));
        row.set("href", session_href(t.id));
        row.set("cells", list_of({Data(t.course_title), Data(where_words(t)), Data(t.trainer), Data(places_words(t))}));
        rows.push_back(row);
    }
    Data items{Data::type::list};
    items.push_back(link("/training/courses", "Courses"));
    items.push_back(link("/training/figures", "Yearly figures"));
    items.push_back(link("/training/modules", "Online modules"));
    items.push_back(link("/training/no-shows", "Places not used, by agency"));
    items.push_back(link("/training/needs", "Training needs analyses"));
    items.push_back(link(all ? "/training" : "/training?when=all", all ? "Sessions to come only" : "Every session, past ones too"));
    items.push_back(link("/p/" + public_calendar_slug(s, ctx.who()) + "/training", "Public calendar"));
    Data links;
    links.set("items", items);
    Data data;
    data.set("title", all ? "Training sessions" : "Training sessions to come");
    data.set("intro", "Book a place on a session; when a session is full, a booking joins its waiting list and takes the first place that frees.");
    data.set("links", links);
    data.set("may_add", flag(ctx.who().can(Permission::manage_training)));
    data.set("add_href", std::string(kSessions) + "/new");
    data.set("add_label", "Add a session");
    data.set("has_filters", flag(false));
    data.set("caption", "Sessions");
    data.set("headings", list_of({Data("When"), Data("Course"), Data("Where"), Data("Trainer"), Data("Places")}));
    data.set("rows", rows);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("empty", "There are no sessions to show.");
    data.set("pagination_html", pagination(all ? "/training?when=all" : "/training", request, found.next));
    page(ctx, "training/list", data, PageOptions{all ? "Training sessions" : "Training sessions to come", "training"});
}

std::vector<Option> agency_options(Services& s, const Ctx& ctx) {
    std::vector<Option> out;
    for (const auto& a : list_agencies(s, ctx.who(), false)) out.push_back({a.id.str(), a.name});
    return out;
}

void session_page(Services& s, Ctx& ctx, const BookingInput& in = {}, const FieldErrors& errors = {}, int status = 200) {
    const TrainingSession t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
    const bool manage = ctx.who().can(Permission::manage_training);
    Data rows{Data::type::list};
    rows.push_back(summary("Course", t.course_title));
    rows.push_back(summary("When", when_words(t)));
    rows.push_back(summary("Where", where_words(t)));
    if (!t.online_link.empty()) rows.push_back(summary("Online link", t.online_link));
    rows.push_back(summary("Trainer", t.trainer));
    rows.push_back(summary("Places", std::to_string(t.capacity)));
    rows.push_back(summary("Booked", std::to_string(t.booked)));
    rows.push_back(summary("Waiting list", std::to_string(t.waiting)));
    rows.push_back(summary("Places for one agency", quota_words(session_quota(s, ctx.who(), t.id))));
    Data data;
    data.set("title", t.course_title + ": " + date_in_words(t.on));
    data.set("rows", rows);
    data.set("may_manage", flag(manage));
    data.set("edit_href", session_href(t.id) + "/edit");
    data.set("register_href", session_href(t.id) + "/register");
    data.set("quota_href", session_href(t.id) + "/quota");
    const bool upcoming = t.on >= london_today(s);
    data.set("may_book", flag(upcoming && ctx.who().can(Permission::book_training)));
    data.set("book_hint", t.open_places() > 0 ? places_words(t) + "." : "This session is full: a booking joins the waiting list.");
    data.set("book_url", session_href(t.id) + "/bookings");
    data.set("group_url", session_href(t.id) + "/bookings/group");
    Data fields{Data::type::list};
    const auto e = [&](const char* name) { return error_for(errors, name); };
    fields.push_back(Data(text_input(Field{"name", "Name of the person attending", in.name, e("name"), "", "name"})));
    fields.push_back(Data(text_input(Field{"email", "Their work email address", in.email, e("email"), "", "email", "email", "", false})));
    fields.push_back(Data(select(Field{"agency_id", "Their agency", in.agency_id, e("agency_id")}, agency_options(s, ctx), "Not given")));
    data.set("book_fields", fields);
    if (manage) {
        const PageRequest request = page_request(ctx);
        const auto found = list_bookings(s, ctx.who(), t.id, "", request);
        std::map<std::string, std::string> agencies;
        for (const auto& o : agency_options(s, ctx)) agencies[o.value] = o.label;
        Data bookings{Data::type::list};
        for (const auto& b : found.items) {
            Data row;
            row.set("name", b.name);
            row.set("email", b.email);
            row.set("agency", b.agency ? agencies[b.agency->str()] : std::string("Not given"));
            std::string words(booking_status_label(b.status));
            if (b.status == BookingStatus::waiting) words += " (" + std::to_string(b.position) + ")";
            if (b.attendance) words += ": " + std::string(attendance_label(*b.attendance));
            row.set("status", words);
            if (b.status == BookingStatus::booked && b.attendance == Attendance::attended) {
                row.set("certificate_href", session_href(t.id) + "/bookings/" + b.id.str() + "/certificate.pdf");
            }
            if (upcoming && b.status != BookingStatus::cancelled) {
                row.set("cancel_url", session_href(t.id) + "/bookings/" + b.id.str() + "/cancel");
                row.set("csrf_token", ctx.csrf_token);
            }
            bookings.push_back(row);
        }
        data.set("bookings", bookings);
        data.set("has_bookings", flag(!found.items.empty()));
        data.set("pagination_html", pagination(session_href(t.id), request, found.next));
    }
    if (t.on <= london_today(s)) {
        // From the session's day: its evaluation, and the business unit's button for the requests due.
        data.set("evaluation_html", evaluation_results_html("session-evaluation", session_evaluation_results(s, ctx.who(), t.id)));
        if (manage) {
            data.set("requests_url", session_href(t.id) + "/evaluation-requests");
            data.set("answers_href", session_href(t.id) + "/answers");
            data.set("follow_up_words", "Delegates who attended are asked straight after the session, and again from " +
                                            date_in_words(follow_up_due(t.on)) + " about what changed in practice.");
        }
    }
    if (ctx.query("saved") == "booked") data.set("saved", "Place booked");
    else if (ctx.query("saved") == "waiting") data.set("saved", "The session is full: the booking is on the waiting list");
    else if (ctx.query("saved") == "cancelled") data.set("saved", "Booking cancelled");
    else if (ctx.query("saved") == "quota") data.set("saved", "Places for one agency saved");
    else if (ctx.query("saved") == "group") {
        data.set("saved", count_of(std::atoi(ctx.query("booked").c_str()), "place", "places") + " booked, " +
                              count_of(std::atoi(ctx.query("waiting").c_str()), "person", "people") + " on the waiting list");
    }
    else if (ctx.query("saved") == "requests") {
        data.set("saved", "Evaluation requests queued: " + ctx.query("after") + " after the session, " + ctx.query("follow_up") +
                              " follow-ups");
    }
    else if (ctx.has_query("saved")) data.set("saved", "Session saved");
    page(ctx, "training/session", data, PageOptions{t.course_title + ": " + date_in_words(t.on), "training", errors, status});
}

void book(Services& s, Ctx& ctx) {
    const TrainingSessionId id{ctx.path_id()};
    const BookingInput in{ctx.form("name"), ctx.form("email"), ctx.form("agency_id")};
    try {
        const Booking b = book_place(s, ctx.who(), id, in);
        redirect(ctx, session_href(id) + "?saved=" + std::string(booking_status_key(b.status)));
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid && f.code() != FailureCode::conflict) throw;
        session_page(s, ctx, in, f.fields(), f.code() == FailureCode::invalid ? 422 : 409);
    }
}

// Several people at once (issue 16 item 2): one per line, name and email, all of one agency.
void group_page(Services& s, Ctx& ctx, const std::string& people, const std::string& agency, const FieldErrors& errors, int status) {
    const TrainingSession t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
    Data data;
    data.set("session", t.course_title + ", " + date_in_words(t.on));
    data.set("places", count_of(t.open_places(), "place is", "places are") + " free" +
                           (t.waiting > 0 ? " and " + count_of(t.waiting, "person is", "people are") + " waiting." : "."));
    data.set("action", session_href(t.id) + "/bookings/group");
    data.set("back", session_href(t.id));
    data.set("people_html", textarea(Field{"people", "Who is coming", people, error_for(errors, "people"),
                                           "One person on each line: their name, a comma, then their email address. "
                                           "For example, Sam Jones, sam.jones@example.org. At most " +
                                               std::to_string(kMaxGroupBooking) + " people."},
                                     8));
    data.set("agency_html", select(Field{"agency_id", "The agency they work for", agency, error_for(errors, "agency_id")},
                                   agency_options(s, ctx), "Not given"));
    page(ctx, "training/group_booking", data,
         PageOptions{"Book several people", "training", errors, status, session_href(t.id), "Back to the session"});
}

void book_several(Services& s, Ctx& ctx) {
    const TrainingSessionId id{ctx.path_id()};
    const std::string people = ctx.form("people"), agency = ctx.form("agency_id");
    try {
        const GroupBooking g = book_group(s, ctx.who(), id, people, agency);
        redirect(ctx, session_href(id) + "?saved=group&booked=" + std::to_string(g.booked) + "&waiting=" + std::to_string(g.waiting));
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        group_page(s, ctx, people, agency, f.fields(), 422);
    }
}

SessionInput input_from(const Ctx& ctx) {
    return SessionInput{ctx.form("course_id"), ctx.form("on"),          ctx.form("starts_at"), ctx.form("ends_at"),
                        ctx.form("venue"),     ctx.form("online_link"), ctx.form("capacity"),  ctx.form("trainer")};
}

SessionInput input_of(const TrainingSession& t) {
    return SessionInput{t.course.str(), t.on.iso(), t.starts_at, t.ends_at, t.venue, t.online_link, std::to_string(t.capacity), t.trainer};
}

void form_page(Services& s, Ctx& ctx, const SessionInput& in, std::optional<TrainingSession> existing, const FieldErrors& errors,
               int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::vector<Option> courses;
    const auto found = list_courses(s, ctx.who(), "", PageRequest{PageRequest::max_limit, ""});
    for (const auto& c : found.items) courses.push_back({c.id.str(), c.title});
    Data fields{Data::type::list};
    const auto add = [&](std::string html) { fields.push_back(Data(std::move(html))); };
    add(select(Field{"course_id", "Course", in.course_id, e("course_id")}, courses, "Select the course"));
    add(date_input(Field{"on", "Date", in.on, e("on"), "For example, 8 12 2026"}));
    add(text_input(Field{"starts_at", "Starts at", in.starts_at, e("starts_at"), "24-hour clock, for example 09:30", "off", "text",
                         "govuk-input--width-5", false}));
    add(text_input(Field{"ends_at", "Ends at", in.ends_at, e("ends_at"), "For example, 12:30", "off", "text", "govuk-input--width-5", false}));
    add(text_input(Field{"venue", "Venue", in.venue, e("venue"), "Leave empty for a session held online"}));
    add(text_input(Field{"online_link", "Online link (optional)", in.online_link, e("online_link"), "Starting https://", "off", "url", "", false}));
    add(text_input(Field{"capacity", "Places", in.capacity, e("capacity"), "", "off", "text", "govuk-input--width-4", false}));
    add(text_input(Field{"trainer", "Trainer", in.trainer, e("trainer"), "From the training pool, or the commissioned trainer"}));
    const std::string title = existing ? "Change the session" : "Add a session";
    Data data;
    data.set("title", title);
    data.set("action_url", existing ? session_href(existing->id) : std::string(kSessions));
    data.set("version", existing ? std::to_string(existing->version) : "0");
    data.set("fields", fields);
    data.set("back_href", existing ? session_href(existing->id) : std::string("/training"));
    page(ctx, "training/form", data, PageOptions{title, "training", errors, status});
}

void register_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const TrainingSession t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
    const PageRequest request = page_request(ctx);
    const auto found = list_bookings(s, ctx.who(), t.id, "booked", request);
    std::vector<Option> options;
    for (const auto a : all_attendances()) options.push_back({std::string(attendance_key(a)), std::string(attendance_label(a))});
    Data lines{Data::type::list};
    for (const auto& b : found.items) {
        const std::string field = "attendance-" + b.id.str();
        const std::string value = ctx.req.method == "POST" ? ctx.form(field) : (b.attendance ? std::string(attendance_key(*b.attendance)) : "");
        Data line;
        line.set("id", b.id.str());
        line.set("html", radios(Field{field, b.name + (b.email.empty() ? "" : " (" + b.email + ")"), value, error_for(errors, field)}, options, true));
        lines.push_back(line);
    }
    Data data;
    data.set("caption", t.course_title);
    data.set("title", "Register: " + date_in_words(t.on));
    data.set("action_url", session_href(t.id) + "/register");
    data.set("lines", lines);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("pagination_html", pagination(session_href(t.id) + "/register", request, found.next));
    data.set("back_href", session_href(t.id));
    data.set("saved", flag(ctx.has_query("saved")));
    page(ctx, "training/register", data, PageOptions{"Register: " + date_in_words(t.on), "training", errors, status});
}

void save_register(Services& s, Ctx& ctx) {
    const TrainingSessionId id{ctx.path_id()};
    std::vector<AttendanceMark> marks;
    for (const auto& b : ctx.form_all("booking_id")) marks.push_back({b, ctx.form("attendance-" + b)});
    try {
        take_register(s, ctx.who(), id, marks);
        redirect(ctx, session_href(id) + "/register?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        register_page(s, ctx, f.fields(), 422);
    }
}

std::string percent_text(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : "None recorded"; }

Data figure_rows(const std::vector<TrainingFigureLine>& lines, const TrainingFigureLine* total) {
    Data rows{Data::type::list};
    const auto add = [&](const TrainingFigureLine& l) {
        Data row;
        row.set("first", l.name);
        row.set("cells", list_of({Data(grouped(l.delegates)), Data(grouped(l.no_shows)), Data(grouped(l.cancelled_late)),
                                  Data(percent_text(l.attendance_percent)), Data(percent_text(l.no_show_percent))}));
        rows.push_back(row);
    };
    for (const auto& l : lines) add(l);
    if (total) add(*total);
    return rows;
}

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = year_asked(s, ctx.query("year"), errors);
    const TrainingFigures f = training_year_figures(s, ctx.who(), year);
    const auto headings = [](const char* first) {
        return list_of({Data(std::string(first)), Data("Delegates"), Data("Did not attend"), Data("Cancelled late"), Data("Attendance rate"),
                        Data("No-show rate")});
    };
    Data tables{Data::type::list};
    Data by_course;
    by_course.set("caption", "Delegates by course");
    by_course.set("headings", headings("Course"));
    by_course.set("rows", figure_rows(f.by_course, &f.total));
    tables.push_back(by_course);
    Data by_agency;
    by_agency.set("caption", "Delegates by agency");
    by_agency.set("headings", headings("Agency"));
    by_agency.set("rows", figure_rows(f.by_agency, nullptr));
    tables.push_back(by_agency);
    const TrainingYearDetail detail = training_year_detail(s, ctx.who(), year);
    Data by_sector;
    by_sector.set("caption", "Delegates by sector");
    by_sector.set("headings", headings("Sector"));
    by_sector.set("rows", figure_rows(detail.breakdown.by_sector, nullptr));
    tables.push_back(by_sector);
    Data by_quarter;
    by_quarter.set("caption", "Delegates by quarter");
    by_quarter.set("headings", headings("Quarter"));
    by_quarter.set("rows", figure_rows(detail.breakdown.by_quarter, &f.total));
    tables.push_back(by_quarter);
    // The training pool's sufficiency (seed 004): who delivers each course, and how often.
    const auto counted = [](const std::string& first, std::vector<int> numbers) {
        Data row;
        row.set("first", first);
        Data cells{Data::type::list};
        for (const int n : numbers) cells.push_back(Data(grouped(n)));
        row.set("cells", cells);
        return row;
    };
    Data pool_courses{Data::type::list}, pool_trainers{Data::type::list};
    for (const auto& c : detail.pool.courses) pool_courses.push_back(counted(c.course, {c.trainers, c.delivered, c.planned}));
    for (const auto& t : detail.pool.trainers) pool_trainers.push_back(counted(t.name, {t.courses, t.delivered, t.planned}));
    Data by_pool_course;
    by_pool_course.set("caption", "Training pool: trainers for each course");
    by_pool_course.set("headings", list_of({Data("Course"), Data("Trainers"), Data("Sessions held"), Data("Sessions to come")}));
    by_pool_course.set("rows", pool_courses);
    tables.push_back(by_pool_course);
    Data by_trainer;
    by_trainer.set("caption", "Training pool: sessions each trainer gave");
    by_trainer.set("headings", list_of({Data("Trainer"), Data("Courses"), Data("Sessions held"), Data("Sessions to come")}));
    by_trainer.set("rows", pool_trainers);
    tables.push_back(by_trainer);
    // Online modules beside the sessions (seed 001 Appendix A: applied and completed, by agency).
    const ModuleFigures modules = list_modules(s, ctx.who(), year).figures;
    add_module_figure_tables(modules, tables);
    const std::string title = "Training figures: " + year.label();
    Data data;
    data.set("title", title);
    data.set("intro", grouped(f.total.delegates) + " delegates attended " + grouped(f.sessions) +
                          " sessions. A delegate is a person who came; rates are of those whose attendance is recorded. " +
                          module_figures_sentence(modules));
    data.set("year_html", year_field(year, errors));
    data.set("tables", tables);
    if (!detail.pool.thin.empty()) {
        std::string thin;
        for (const auto& c : detail.pool.thin) thin += (thin.empty() ? "" : ", ") + c;
        data.set("thin", "Courses with one trainer or none named, which stop when that trainer is away: " + thin + ".");
    }
    page(ctx, "training/figures", data, PageOptions{title, "training", errors, errors.empty() ? 200 : 422});
}

}  // namespace

void add_session_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/training", Permission::view_training, Surface::page, [&s](Ctx& ctx) { sessions_page(s, ctx); }, "/training"});
    routes.push_back({"GET", "/training/figures", Permission::view_training, Surface::page, [&s](Ctx& ctx) { figures_page(s, ctx); },
                      "/training/figures"});
    routes.push_back({"GET", "/training/sessions/new", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          SessionInput in;
                          in.course_id = ctx.query("course_id");
                          form_page(s, ctx, in, std::nullopt, {}, 200);
                      },
                      "/training/sessions/new"});
    routes.push_back({"POST", kSessions, Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const SessionInput in = input_from(ctx);
                          try {
                              redirect(ctx, session_href(add_session(s, ctx.who(), in).id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(s, ctx, in, std::nullopt, f.fields(), 422);
                          }
                      },
                      kSessions});
    routes.push_back({"GET", R"(/training/sessions/(\d+))", Permission::view_training, Surface::page,
                      [&s](Ctx& ctx) { session_page(s, ctx); }, "/training/sessions/1"});
    routes.push_back({"GET", R"(/training/sessions/(\d+)/edit)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
                          form_page(s, ctx, input_of(t), t, {}, 200);
                      },
                      "/training/sessions/1/edit"});
    routes.push_back({"POST", R"(/training/sessions/(\d+))", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const auto t = read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()});
                          const SessionInput in = input_from(ctx);
                          try {
                              update_session(s, ctx.who(), t.id, form_int(ctx, "version"), in);
                              redirect(ctx, session_href(t.id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(s, ctx, in, t, f.fields(), 422);
                          }
                      },
                      "/training/sessions/1"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/bookings)", Permission::book_training, Surface::page,
                      [&s](Ctx& ctx) { book(s, ctx); }, "/training/sessions/1/bookings"});
    routes.push_back({"GET", R"(/training/sessions/(\d+)/bookings/group)", Permission::book_training, Surface::page,
                      [&s](Ctx& ctx) { group_page(s, ctx, "", "", {}, 200); }, "/training/sessions/1/bookings/group"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/bookings/group)", Permission::book_training, Surface::page,
                      [&s](Ctx& ctx) { book_several(s, ctx); }, "/training/sessions/1/bookings/group"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/bookings/(\d+)/cancel)", Permission::book_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const TrainingSessionId id{ctx.path_id()};
                          cancel_booking(s, ctx.who(), id, BookingId{ctx.path_id(2)});
                          redirect(ctx, session_href(id) + "?saved=cancelled");
                      },
                      "/training/sessions/1/bookings/1/cancel"});
    routes.push_back({"GET", R"(/training/sessions/(\d+)/register)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) { register_page(s, ctx); }, "/training/sessions/1/register"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/register)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) { save_register(s, ctx); }, "/training/sessions/1/register"});
}

}  // namespace assure::web::training_web
