// Training no-shows followed up with their agency (issue 16 item 3): the year's places not used
// by agency with the charge, who they were (business unit only), the button that tells each
// agency's leads once, the charges form, and the same through the API.
#include "web/training_no_shows.hpp"

#include <algorithm>
#include <cstdlib>

#include "app/training_no_shows.hpp"
#include "core/date_words.hpp"
#include "core/registers.hpp"
#include "core/text.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

using J = nlohmann::json;

std::string charges_words(const TrainingCharges& c) {
    if (c.no_show_pence == 0 && c.late_cancellation_pence == 0) return "The partnership charges nothing for places not used.";
    const auto charge = [](std::int64_t pence) { return pence > 0 ? pounds(pence) : std::string("nothing"); };
    return "The partnership charges an agency " + charge(c.no_show_pence) + " for a place not used without notice and " +
           charge(c.late_cancellation_pence) + " for a place cancelled late.";
}

std::string pounds_field(std::int64_t pence) {
    if (pence == 0) return "";
    const std::string p = std::to_string(pence % 100);
    return std::to_string(pence / 100) + "." + (p.size() < 2 ? "0" + p : p);
}

void no_shows_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = year_asked(s, ctx.query("year"), errors);
    const NoShowReport r = read_no_shows(s, ctx.who(), year);
    Data rows{Data::type::list}, agencies{Data::type::list};
    int untold = 0;
    for (const auto& a : r.agencies) {
        // Only places an agency lead can be told of: without a lead, the officer tells them.
        const bool has_lead = a.agency.valid() && std::find(r.without_lead.begin(), r.without_lead.end(), a.agency) == r.without_lead.end();
        untold += has_lead ? a.untold : 0;
        Data row;
        row.set("name", a.name);
        row.set("no_shows", grouped(a.no_shows));
        row.set("late", grouped(a.late));
        row.set("charge", a.charge_pence > 0 ? pounds(a.charge_pence) : std::string("None"));
        row.set("untold", a.agency.valid() ? grouped(a.untold) : std::string("Cannot be told"));
        rows.push_back(row);
        if (a.items.empty()) continue;
        Data items{Data::type::list};
        for (const auto& n : a.items) {
            Data item;
            item.set("name", n.name);
            item.set("course", n.course);
            item.set("on", date_in_words(n.on));
            item.set("mark", n.mark == Attendance::cancelled_late ? "cancelled late" : "did not come");
            item.set("told", optional_text(n.told_at ? date_in_words(london_date(*n.told_at)) : ""));
            items.push_back(item);
        }
        Data one;
        one.set("name", a.name);
        one.set("count", count_of(static_cast<long long>(a.items.size()), "place", "places"));
        one.set("items", items);
        agencies.push_back(one);
    }
    std::string without;
    for (const auto& id : r.without_lead) {
        for (const auto& a : r.agencies) {
            if (a.agency == id) without += (without.empty() ? "" : ", ") + a.name;
        }
    }
    Data data;
    data.set("title", "Training places not used: " + year.label());
    data.set("intro", "Places booked on the year’s sessions that the register marks as not used: the person did not come, or cancelled too late "
                      "for the place to go to someone waiting. Each agency’s leads are told once of their staff, with the charge.");
    data.set("charges", charges_words(r.charges));
    data.set("may_manage", flag(r.may_manage));
    data.set("year", year.key());
    data.set("year_html", year_field(year, errors));
    data.set("has_rows", flag(!r.agencies.empty()));
    data.set("rows", rows);
    data.set("may_tell", flag(r.may_manage && untold > 0));
    data.set("without_lead", optional_text(without.empty() ? "" : "No lead with an account to tell at " + without + ": tell them yourself."));
    const bool named = std::any_of(r.agencies.begin(), r.agencies.end(), [](const AgencyNoShows& a) { return !a.items.empty(); });
    if (r.may_manage && named) {
        Data people;
        people.set("agencies", agencies);
        data.set("people", people);
    }
    if (ctx.query("saved") == "told") {
        data.set("saved", "Told " + count_of(std::atoi(ctx.query("agencies").c_str()), "agency", "agencies") + " of " +
                              count_of(std::atoi(ctx.query("bookings").c_str()), "place", "places") + " not used.");
    } else if (ctx.query("saved") == "charges") {
        data.set("saved", "Charges saved.");
    }
    page(ctx, "training/no_shows", data, PageOptions{"Training places not used", "training", errors, errors.empty() ? 200 : 422, "/training", "Back to training"});
}

void charges_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const TrainingCharges c = read_no_shows(s, ctx.who(), FinancialYear::of(london_today(s))).charges;
    const bool posted = ctx.req.method == "POST";
    Data fields{Data::type::list};
    fields.push_back(Data(text_input(Field{"no_show", "Charge for a place not used without notice (optional)",
                                           posted ? ctx.form("no_show") : pounds_field(c.no_show_pence), error_for(errors, "no_show"),
                                           "In pounds, like 25 or 25.00. Leave it empty to charge nothing", "off", "text", "govuk-input--width-5", false})));
    fields.push_back(Data(text_input(Field{"late_cancellation", "Charge for a place cancelled late (optional)",
                                           posted ? ctx.form("late_cancellation") : pounds_field(c.late_cancellation_pence),
                                           error_for(errors, "late_cancellation"), "Cancelled after the notice the partnership asks for",
                                           "off", "text", "govuk-input--width-5", false})));
    Data data;
    data.set("title", "Charges for training places not used");
    data.set("hint", "Charged to the agency of the person booked, and told to its leads with their names. A charge already told stays as it was.");
    data.set("action_url", "/training/charges");
    data.set("version", std::to_string(c.version));
    data.set("fields", fields);
    data.set("back_href", "/training/no-shows");
    page(ctx, "training/form", data, PageOptions{"Charges for training places not used", "training", errors, status});
}

J report_json(const NoShowReport& r) {
    J agencies = J::array();
    for (const auto& a : r.agencies) {
        J items = J::array();
        for (const auto& n : a.items) {
            items.push_back({{"booking_id", n.booking.value},
                             {"name", n.name},
                             {"email", n.email},
                             {"course", n.course},
                             {"on", n.on.iso()},
                             {"attendance", std::string(attendance_key(n.mark))},
                             {"told_at", n.told_at ? J(iso_instant(*n.told_at)) : J()},
                             {"charge_pence", charge_of(n, r.charges)}});
        }
        J one{{"agency_id", a.agency.valid() ? J(a.agency.value) : J()}, {"name", a.name}, {"no_shows", a.no_shows}, {"cancelled_late", a.late},
              {"untold", a.untold}, {"charge_pence", a.charge_pence}, {"has_lead", a.agency.valid() && std::find(r.without_lead.begin(), r.without_lead.end(), a.agency) == r.without_lead.end()}};
        if (r.may_manage) one["items"] = items;
        agencies.push_back(one);
    }
    return J{{"year", r.year.key()},
             {"charges", {{"no_show_pence", r.charges.no_show_pence}, {"late_cancellation_pence", r.charges.late_cancellation_pence}, {"version", r.charges.version}}},
             {"agencies", agencies}};
}

}  // namespace

void add_no_show_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/training/no-shows", Permission::view_training, Surface::page, [&s](Ctx& ctx) { no_shows_page(s, ctx); },
                      "/training/no-shows"});
    routes.push_back({"POST", "/training/no-shows/tell", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const FinancialYear year = year_or_refuse(s, ctx.form("year"));
                          const NoShowsTold told = tell_agencies_of_no_shows(s, ctx.who(), year);
                          redirect(ctx, "/training/no-shows?year=" + year.key() + "&saved=told&agencies=" + std::to_string(told.agencies) +
                                            "&bookings=" + std::to_string(told.bookings));
                      },
                      "/training/no-shows/tell"});
    routes.push_back({"GET", "/training/charges", Permission::manage_training, Surface::page, [&s](Ctx& ctx) { charges_page(s, ctx); },
                      "/training/charges"});
    routes.push_back({"POST", "/training/charges", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              set_training_charges(s, ctx.who(), ctx.form("no_show"), ctx.form("late_cancellation"), form_int(ctx, "version"));
                              redirect(ctx, "/training/no-shows?saved=charges");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              charges_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/training/charges"});
    routes.push_back({"GET", "/api/v1/training/no-shows", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, report_json(read_no_shows(s, ctx.who(), year_or_refuse(s, ctx.query("year"))))); }, "/api/v1/training/no-shows"});
    routes.push_back({"POST", "/api/v1/training/no-shows/tell", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const NoShowsTold told = tell_agencies_of_no_shows(s, ctx.who(), year_or_refuse(s, ctx.query("year")));
                          json(ctx, 200, {{"agencies", told.agencies}, {"bookings", told.bookings}, {"messages", told.messages}});
                      },
                      "/api/v1/training/no-shows/tell"});
    routes.push_back({"PUT", "/api/v1/training/charges", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              // Pounds as text ("25.00") or a number, as the form takes them.
                              const auto money = [&](const char* name) {
                                  if (!b.j.contains(name) || b.j[name].is_null()) return std::string();
                                  if (b.j[name].is_number()) return b.j[name].dump();
                                  return b.text(name);
                              };
                              const std::string no_show = money("no_show"), late = money("late_cancellation");
                              const int version = b.integer("version", "Send the version you read, a whole number (0 before any charge was set)");
                              b.check();
                              const TrainingCharges c = set_training_charges(s, ctx.who(), no_show, late, version);
                              json(ctx, 200, {{"no_show_pence", c.no_show_pence}, {"late_cancellation_pence", c.late_cancellation_pence}, {"version", c.version}});
                          });
                      },
                      "/api/v1/training/charges"});
}

}  // namespace assure::web::training_web
