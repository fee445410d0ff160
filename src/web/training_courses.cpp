// Training's course pages: the list (paged, searchable), a course with its sessions to come,
// and the business unit's forms to add and change one.
#include "core/learning.hpp"
#include "web/paging.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

constexpr const char* kCourses = "/training/courses";

std::string course_href(CourseId id) { return std::string(kCourses) + "/" + id.str(); }

std::string duration_words(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    std::string out;
    if (h > 0) out = std::to_string(h) + (h == 1 ? " hour" : " hours");
    if (m > 0) out += (out.empty() ? "" : " ") + std::to_string(m) + " minutes";
    return out;
}

std::string joined(const std::vector<std::string>& items, const std::string& none) {
    if (items.empty()) return none;
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

void courses_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const std::string text = ctx.query("text");
    const auto found = list_courses(s, ctx.who(), text, request);
    Data rows{Data::type::list};
    for (const auto& c : found.items) {
        Data row;
        row.set("first", c.title);
        row.set("href", course_href(c.id));
        row.set("cells", list_of({Data(std::string(course_level_label(c.level))), Data(duration_words(c.duration_minutes)),
                                  Data(joined(c.priorities, "None given"))}));
        rows.push_back(row);
    }
    Data filters{Data::type::list};
    Data f;
    f.set("html", text_input(Field{"text", "Title contains", text, ""}));
    filters.push_back(f);
    Data data;
    data.set("title", "Courses");
    data.set("intro", "The partnership's training offer: each course, its level, and the priorities it answers.");
    data.set("may_add", flag(ctx.who().can(Permission::manage_training)));
    data.set("add_href", std::string(kCourses) + "/new");
    data.set("add_label", "Add a course");
    data.set("list_href", kCourses);
    data.set("has_filters", flag(true));
    data.set("filters", filters);
    data.set("caption", "Courses");
    data.set("headings", list_of({Data("Title"), Data("Level"), Data("Length"), Data("Priorities")}));
    data.set("rows", rows);
    data.set("has_rows", flag(!found.items.empty()));
    data.set("empty", "There are no courses to show.");
    data.set("pagination_html",
             pagination(std::string(kCourses) + (text.empty() ? "" : "?text=" + url_encode(text)), request, found.next));
    page(ctx, "training/list", data, PageOptions{"Courses", "training"});
}

Data summary(const std::string& label, const std::string& value) {
    Data d;
    d.set("label", label);
    d.set("value", value);
    return d;
}

void course_page(Services& s, Ctx& ctx) {
    const Course c = read_course(s, ctx.who(), CourseId{ctx.path_id()});
    Data rows{Data::type::list};
    rows.push_back(summary("Level", std::string(course_level_label(c.level))));
    rows.push_back(summary("Learning outcomes", c.outcomes));
    rows.push_back(summary("Who it is for", c.audience));
    rows.push_back(summary("Length", duration_words(c.duration_minutes)));
    rows.push_back(summary("Priorities it answers", joined(c.priorities, "None given")));
    const auto sessions = list_sessions(s, ctx.who(), SessionFilter{c.id.str(), true}, PageRequest{20, ""});
    std::string html = "<h2 class=\"govuk-heading-m\">Sessions to come</h2>";
    if (sessions.items.empty()) html += "<p class=\"govuk-body\">No sessions of this course are planned.</p>";
    else {
        html += "<ul class=\"govuk-list\">";
        for (const auto& t : sessions.items) {
            html += "<li><a class=\"govuk-link\" href=\"/training/sessions/" + t.id.str() + "\">" + escape(when_words(t)) + "</a> (" +
                    escape(places_words(t)) + ")</li>";
        }
        html += "</ul>";
    }
    if (ctx.who().can(Permission::manage_training)) {
        html += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/training/sessions/new?course_id=" + c.id.str() +
                "\">Add a session of this course</a></p>";
    }
    html += evaluation_results_html("course-evaluation", course_evaluation_results(s, ctx.who(), c.id));
    if (ctx.who().can(Permission::manage_training)) {
        html += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"" + course_href(c.id) + "/answers\">Read the delegates' answers</a></p>";
    }
    html += "<h3 class=\"govuk-heading-s\">Impact evidence</h3>";
    const auto evidence = list_impact_evidence(s, ctx.who(), c.id);
    if (evidence.empty()) html += "<p class=\"govuk-body\">No impact evidence is linked to this course yet.</p>";
    else {
        html += "<ul class=\"govuk-list govuk-list--bullet\">";
        for (const auto& e : evidence) {
            html += "<li>" + escape(std::string(impact_source_label(e.source))) + ": <a class=\"govuk-link\" href=\"" + escape(e.link) +
                    "\">" + escape(e.link) + "</a>. " + escape(e.note) + "</li>";
        }
        html += "</ul>";
    }
    if (ctx.who().can(Permission::manage_training)) {
        html += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"" + course_href(c.id) + "/evidence/new\">Add impact evidence</a></p>";
    }
    Data data;
    data.set("caption", "Course");
    data.set("title", c.title);
    data.set("rows", rows);
    data.set("may_edit", flag(ctx.who().can(Permission::manage_training)));
    data.set("edit_href", course_href(c.id) + "/edit");
    data.set("sections_html", html);
    data.set("back_href", kCourses);
    data.set("back_label", "Back to courses");
    if (ctx.query("saved") == "evidence") data.set("saved", "Impact evidence added");
    else if (ctx.has_query("saved")) data.set("saved", "Course saved");
    page(ctx, "training/record", data, PageOptions{c.title, "training"});
}

CourseInput input_from(const Ctx& ctx) {
    return CourseInput{ctx.form("title"), ctx.form("level"), ctx.form("outcomes"), ctx.form("audience"), ctx.form("duration_minutes"),
                       ctx.form_all("priorities")};
}

CourseInput input_of(const Course& c) {
    return CourseInput{c.title, std::string(course_level_key(c.level)), c.outcomes, c.audience, std::to_string(c.duration_minutes),
                       c.priorities};
}

void form_page(Services& s, Ctx& ctx, const CourseInput& in, std::optional<Course> existing, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::vector<Option> levels, priorities;
    for (const auto l : all_course_levels()) levels.push_back({std::string(course_level_key(l)), std::string(course_level_label(l))});
    for (const auto& p : partnership_rules(s, ctx).learning.priorities) priorities.push_back({p, p});
    Data fields{Data::type::list};
    const auto add = [&](std::string html) { fields.push_back(Data(std::move(html))); };
    add(text_input(Field{"title", "Title", in.title, e("title")}));
    add(radios(Field{"level", "Level", in.level, e("level")}, levels));
    add(textarea(Field{"outcomes", "Learning outcomes", in.outcomes, e("outcomes"), "One a line"}, 5));
    add(text_input(Field{"audience", "Who it is for", in.audience, e("audience"), "For example, practitioners in every agency who work with children"}));
    add(text_input(Field{"duration_minutes", "Length in minutes", in.duration_minutes, e("duration_minutes"), "For example, 180 for three hours",
                         "off", "text", "govuk-input--width-5", false}));
    add(checkboxes(Field{"priorities", "Priorities it answers (optional)", "", e("priorities")}, priorities, in.priorities));
    const std::string title = existing ? "Change " + existing->title : "Add a course";
    Data data;
    data.set("title", title);
    data.set("action_url", existing ? course_href(existing->id) : std::string(kCourses));
    data.set("version", existing ? std::to_string(existing->version) : "0");
    data.set("fields", fields);
    data.set("back_href", existing ? course_href(existing->id) : std::string(kCourses));
    page(ctx, "training/form", data, PageOptions{title, "training", errors, status});
}

}  // namespace

void add_course_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kCourses, Permission::view_training, Surface::page, [&s](Ctx& ctx) { courses_page(s, ctx); }, kCourses});
    routes.push_back({"GET", "/training/courses/new", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) { form_page(s, ctx, CourseInput{}, std::nullopt, {}, 200); }, "/training/courses/new"});
    routes.push_back({"POST", kCourses, Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const CourseInput in = input_from(ctx);
                          try {
                              redirect(ctx, course_href(add_course(s, ctx.who(), in).id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(s, ctx, in, std::nullopt, f.fields(), 422);
                          }
                      },
                      kCourses});
    routes.push_back({"GET", R"(/training/courses/(\d+))", Permission::view_training, Surface::page,
                      [&s](Ctx& ctx) { course_page(s, ctx); }, "/training/courses/1"});
    routes.push_back({"GET", R"(/training/courses/(\d+)/edit)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const Course c = read_course(s, ctx.who(), CourseId{ctx.path_id()});
                          form_page(s, ctx, input_of(c), c, {}, 200);
                      },
                      "/training/courses/1/edit"});
    routes.push_back({"POST", R"(/training/courses/(\d+))", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const Course c = read_course(s, ctx.who(), CourseId{ctx.path_id()});
                          const CourseInput in = input_from(ctx);
                          try {
                              update_course(s, ctx.who(), c.id, form_int(ctx, "version"), in);
                              redirect(ctx, course_href(c.id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              form_page(s, ctx, in, c, f.fields(), 422);
                          }
                      },
                      "/training/courses/1"});
}

}  // namespace assure::web::training_web
