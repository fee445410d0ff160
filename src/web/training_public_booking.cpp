// The public booking form: the session, the person's name, email and agency, and the answer —
// a place, or a place on the waiting list — with the confirmation sent to the email given.
#include "web/public_booking.hpp"

#include "app/training_public.hpp"
#include "web/html.hpp"
#include "web/public_site.hpp"
#include "web/sign_in.hpp"
#include "web/training_views.hpp"

namespace assure::web {
namespace {

using training_web::places_words;
using training_web::when_words;
using training_web::where_words;

std::string book_path(const Ctx& ctx, const std::string& slug, TrainingSessionId id) {
    return public_web::site_base(ctx, slug) + "/training/sessions/" + id.str() + "/book";
}

// A public page that is a form: never kept by a cache (it carries the CSRF token), and answered
// with the status the form's outcome calls for.
void public_form_page(Ctx& ctx, const Partnership& p, const std::string& template_name, Data data, const std::string& title,
                      const FieldErrors& errors, int status) {
    const std::string base = public_web::site_base(ctx, p.slug);
    data.set("partnership", p.name);
    data.set("base", base);
    data.set("csrf_token", ctx.csrf_token);
    data.set("error_summary_html", error_summary(errors));
    Data layout;
    layout.set("title", (errors.empty() ? "" : "Error: ") + title);
    layout.set("partnership", p.name);
    layout.set("base", base);
    Data nav{Data::type::list};
    Data training;
    training.set("label", "Training");
    training.set("href", base + "/training");
    training.set("current", flag(true));
    nav.push_back(training);
    layout.set("nav", nav);
    layout.set("content", render(template_name, data));
    ctx.res.status = status;
    ctx.res.set_header("Cache-Control", "no-store");
    ctx.res.set_content(render("public/layout", layout), "text/html; charset=utf-8");
}

void form_page(Services& s, Ctx& ctx, const BookingInput& in, const FieldErrors& errors, int status) {
    if (!ctx.actor) use_login_csrf(ctx);
    const std::string slug = ctx.req.matches[1];
    const TrainingSessionId id{ctx.path_id(2)};
    const PublicBookingForm form = public_booking_form(s, slug, id);
    std::vector<Option> agencies;
    for (const auto& [agency, name] : form.agencies) agencies.push_back({agency.str(), name});
    agencies.push_back({"none", "None of these"});
    Data data;
    data.set("action", book_path(ctx, slug, id));
    data.set("course", form.session.course_title);
    data.set("when", when_words(form.session));
    data.set("where", where_words(form.session));
    data.set("places", places_words(form.session));
    data.set("name_html", text_input(Field{"name", "Full name", in.name, error_for(errors, "name"), {}, "name", "text", {}, false}));
    data.set("email_html", text_input(Field{"email", "Email address", in.email, error_for(errors, "email"),
                                            "We send the confirmation here, and the evaluation after the session", "email", "email", {}, false}));
    data.set("agency_html", select(Field{"agency_id", "Your agency", in.agency_id, error_for(errors, "agency_id")}, agencies, "Select your agency"));
    public_form_page(ctx, form.partnership, "training/public_book", data, "Book a place: " + form.session.course_title, errors, status);
}

}  // namespace

void add_public_booking_routes(std::vector<Route>& routes, Services& s, SignInThrottle& throttle, bool trust_proxy) {
    const std::string book = std::string("/p/") + kSlugPattern + R"(/training/sessions/(\d+)/book)";
    routes.push_back({"GET", book, Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { form_page(s, ctx, {}, {}, 200); }, "/p/test/training/sessions/1/book", false});
    routes.push_back({"POST", book, Permission::public_access, Surface::page,
                      [&s, &throttle, trust_proxy](Ctx& ctx) {
                          const BookingInput in{ctx.form("name"), ctx.form("email"), ctx.form("agency_id")};
                          const std::string address = client_address(ctx, trust_proxy);
                          const Instant now = s.clock.now();
                          if (throttle.check(address, now) != SignInVerdict::allowed) {
                              form_page(s, ctx, in,
                                        {{"name", "There have been too many bookings from your network. Try again in " +
                                                      minutes_in_words(throttle.retry_after(address, now)) +
                                                      ", or ask your agency's training coordinator to book for you."}},
                                        429);
                              return;
                          }
                          const std::string slug = ctx.req.matches[1];
                          try {
                              const Booking b = book_place_publicly(s, slug, TrainingSessionId{ctx.path_id(2)}, in);
                              throttle.failed(address, now);  // counted: every booking made from the address
                              redirect(ctx, public_web::site_base(ctx, slug) + "/training/booked?status=" +
                                                std::string(booking_status_key(b.status)));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid && f.code() != FailureCode::conflict) throw;
                              form_page(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/p/test/training/sessions/1/book"});
    routes.push_back({"GET", std::string("/p/") + kSlugPattern + "/training/booked", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string slug = ctx.req.matches[1];
                          const PublicCalendar c = public_calendar(s, slug, PageRequest{1, ""});  // for the partnership
                          Data data;
                          data.set("waiting", flag(ctx.query("status") == "waiting"));
                          data.set("calendar_href", public_web::site_base(ctx, slug) + "/training");
                          PublicSite site;
                          site.partnership = c.partnership;
                          public_web::public_page(ctx, site, "training/public_booked", data, "Booking made", "training");
                      },
                      "/p/test/training/booked"});
}

}  // namespace assure::web
