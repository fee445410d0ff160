// Training's JSON API: /api/v1/courses and /api/v1/sessions (lists paged by limit and cursor,
// sessions with capacity, booked and waiting), bookings (POST answers booked or waiting;
// DELETE cancels and promotes the first waiting), the register at /attendance, and the year's
// figures. Errors are problem+json with a field per mistake (the dispatcher maps Failure).
#include "app/training_group.hpp"
#include "app/training_modules.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/training_modules.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

template <class T, class ToJson>
void list_json(Ctx& ctx, const Page<T>& page, ToJson to_json) {
    J items = J::array();
    for (const auto& item : page.items) items.push_back(to_json(item));
    json(ctx, 200, list_body(items, page.next));
}

CourseInput course_input(Body& b) {
    CourseInput in;
    in.title = b.text("title");
    in.level = b.text("level");
    in.outcomes = b.text("outcomes");
    in.audience = b.text("audience");
    in.duration_minutes = b.value_text("duration_minutes");
    if (b.j.contains("priorities") && !b.j["priorities"].is_null()) {
        if (!b.j["priorities"].is_array()) b.errors.push_back({"priorities", "priorities must be a list of the partnership's priorities"});
        else {
            for (const auto& p : b.j["priorities"]) {
                if (p.is_string()) in.priorities.push_back(p.get<std::string>());
                else b.errors.push_back({"priorities", "priorities must be a list of the partnership's priorities"});
            }
        }
    }
    return in;
}

SessionInput session_input(Body& b) {
    SessionInput in;
    in.course_id = b.value_text("course_id");
    in.on = b.text("on");
    in.starts_at = b.text("starts_at");
    in.ends_at = b.text("ends_at");
    in.venue = b.text("venue");
    in.online_link = b.text("online_link");
    in.capacity = b.value_text("capacity");
    in.trainer = b.text("trainer");
    return in;
}

J attendance_json(Services& s, const Ctx& ctx, TrainingSessionId id) {
    J items = J::array();
    PageRequest page{PageRequest::max_limit, ""};
    for (;;) {
        const auto found = list_bookings(s, ctx.who(), id, "booked", page);
        for (const auto& b : found.items) {
            items.push_back(J{{"booking_id", b.id.value},
                              {"name", b.name},
                              {"email", b.email},
                              {"attendance", b.attendance ? J(attendance_key(*b.attendance)) : J(nullptr)}});
        }
        if (!found.next) break;
        page.after = *found.next;
    }
    return J{{"session_id", id.value}, {"items", items}};
}

void put_attendance(Services& s, Ctx& ctx) {
    const TrainingSessionId id{ctx.path_id()};
    with_body(ctx, [&](Body& b) {
        std::vector<AttendanceMark> marks;
        if (!b.j.contains("items") || !b.j["items"].is_array()) {
            b.errors.push_back({"items", "Send items: a list of {booking_id, attendance}"});
        } else {
            for (const auto& item : b.j["items"]) {
                if (!item.is_object() || !item.contains("booking_id") || !item["booking_id"].is_number_integer()) {
                    b.errors.push_back({"items", "Each item needs booking_id, an integer"});
                    continue;
                }
                std::string attendance;
                if (item.contains("attendance") && item["attendance"].is_string()) attendance = item["attendance"].get<std::string>();
                else if (item.contains("attendance") && !item["attendance"].is_null()) {
                    b.errors.push_back({"items", "attendance must be attended, no_show, cancelled_late or null"});
                }
                marks.push_back({std::to_string(item["booking_id"].get<std::int64_t>()), attendance});
            }
        }
        b.check();
        take_register(s, ctx.who(), id, marks);
        json(ctx, 200, attendance_json(s, ctx, id));
    });
}

}  // namespace

void add_training_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/courses", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) { list_json(ctx, list_courses(s, ctx.who(), ctx.query("text"), page_request(ctx)), course_json); },
                      "/api/v1/courses"});
    routes.push_back({"POST", "/api/v1/courses", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const CourseInput in = course_input(b);
                              b.check();
                              json(ctx, 201, course_json(add_course(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/courses"});
    routes.push_back({"GET", R"(/api/v1/courses/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, course_json(read_course(s, ctx.who(), CourseId{ctx.path_id()}))); },
                      "/api/v1/courses/1"});
    routes.push_back({"GET", "/api/v1/sessions", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const SessionFilter filter{ctx.query("course_id"), ctx.query("upcoming") == "true"};
                          list_json(ctx, list_sessions(s, ctx.who(), filter, page_request(ctx)), session_json);
                      },
                      "/api/v1/sessions"});
    routes.push_back({"POST", "/api/v1/sessions", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const SessionInput in = session_input(b);
                              b.check();
                              json(ctx, 201, session_json(add_session(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/sessions"});
    routes.push_back({"GET", R"(/api/v1/sessions/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, session_json(read_session(s, ctx.who(), TrainingSessionId{ctx.path_id()}))); },
                      "/api/v1/sessions/1"});
    routes.push_back({"PUT", R"(/api/v1/sessions/(\d+))", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const SessionInput in = session_input(b);
                              const int version = b.integer("version", "Send the version you read, a whole number");
                              b.check();
                              json(ctx, 200, session_json(update_session(s, ctx.who(), TrainingSessionId{ctx.path_id()}, version, in)));
                          });
                      },
                      "/api/v1/sessions/1"});
    routes.push_back({"GET", R"(/api/v1/sessions/(\d+)/bookings)", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          list_json(ctx, list_bookings(s, ctx.who(), TrainingSessionId{ctx.path_id()}, ctx.query("status"), page_request(ctx)),
                                    booking_json);
                      },
                      "/api/v1/sessions/1/bookings"});
    routes.push_back({"POST", R"(/api/v1/sessions/(\d+)/bookings)", Permission::book_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const BookingInput in{b.text("name"), b.text("email"), b.value_text("agency_id")};
                              b.check();
                              json(ctx, 201, booking_json(book_place(s, ctx.who(), TrainingSessionId{ctx.path_id()}, in)));
                          });
                      },
                      "/api/v1/sessions/1/bookings"});
    // An agency's training coordinator books several staff at once: all or none, places in the
    // order given and the rest on the waiting list (issue 16 item 2).
    routes.push_back({"POST", R"(/api/v1/sessions/(\d+)/bookings/group)", Permission::book_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              std::vector<std::pair<std::string, std::string>> people;
                              const bool listed = b.j.contains("people") && b.j["people"].is_array();
                              if (listed) {
                                  for (const auto& p : b.j["people"]) {
                                      if (!p.is_object() || !p.value("name", J()).is_string() || !p.value("email", J()).is_string()) {
                                          b.errors.push_back({"people", "Each person must be an object with a name and an email, both strings"});
                                          break;
                                      }
                                      people.emplace_back(p["name"].get<std::string>(), p["email"].get<std::string>());
                                  }
                              } else {
                                  b.errors.push_back({"people", "people must be a list of {\"name\", \"email\"}"});
                              }
                              const std::string agency = b.value_text("agency_id");
                              b.check();
                              const GroupBooking done = book_group(s, ctx.who(), TrainingSessionId{ctx.path_id()}, people, agency);
                              J items = J::array();
                              for (const auto& one : done.bookings) items.push_back(booking_json(one));
                              json(ctx, 201, {{"booked", done.booked}, {"waiting", done.waiting}, {"items", items}});
                          });
                      },
                      "/api/v1/sessions/1/bookings/group"});
    routes.push_back({"DELETE", R"(/api/v1/sessions/(\d+)/bookings/(\d+))", Permission::book_training, Surface::api,
                      [&s](Ctx& ctx) {
                          json(ctx, 200, booking_json(cancel_booking(s, ctx.who(), TrainingSessionId{ctx.path_id()}, BookingId{ctx.path_id(2)})));
                      },
                      "/api/v1/sessions/1/bookings/1"});
    routes.push_back({"GET", R"(/api/v1/sessions/(\d+)/attendance)", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, attendance_json(s, ctx, TrainingSessionId{ctx.path_id()})); },
                      "/api/v1/sessions/1/attendance"});
    routes.push_back({"PUT", R"(/api/v1/sessions/(\d+)/attendance)", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) { put_attendance(s, ctx); }, "/api/v1/sessions/1/attendance"});
    routes.push_back({"GET", "/api/v1/training/figures", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const FinancialYear year = year_or_refuse(s, ctx.query("year"));
                          J out = figures_json(training_year_figures(s, ctx.who(), year), training_year_detail(s, ctx.who(), year));
                          out["online_modules"] = module_figures_json(list_modules(s, ctx.who(), year).figures);
                          json(ctx, 200, out);
                      },
                      "/api/v1/training/figures"});
}

}  // namespace assure::web::training_web
