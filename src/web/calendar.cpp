// The working-day calendar over the API: the statutory clocks count in these days.
#include <charconv>

#include "core/calendar.hpp"
#include "web/areas.hpp"
#include "web/problem.hpp"

namespace assure::web {
namespace {

std::optional<int> integer(const std::string& text, int min, int max) {
    int value = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || r.ec != std::errc{} || r.ptr != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

void add_calendar_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/calendar/add-working-days", Permission::signed_in, Surface::api,
                      [&s](Ctx& ctx) {
                          FieldErrors errors;
                          const auto from = Date::parse(ctx.query("from"));
                          if (!from) errors.push_back({"from", "Give from as a real date, YYYY-MM-DD"});
                          const auto days = integer(ctx.query("days"), 0, 3660);
                          if (!days) errors.push_back({"days", "Give days as a whole number from 0 to 3660"});
                          if (!errors.empty()) throw Failure::invalid(errors);
                          const WorkingCalendar& calendar = s.calendar;
                          json(ctx, 200, {{"from", from->iso()}, {"days", *days},
                                          {"date", calendar.add_working_days(*from, *days).iso()}});
                      },
                      "/api/v1/calendar/add-working-days?from=2026-11-20&days=5"});
    routes.push_back({"GET", "/api/v1/calendar/bank-holidays", Permission::signed_in, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto year = integer(ctx.query("year"), 1900, 2200);
                          if (!year) throw Failure::invalid({{"year", "Give year as a number from 1900 to 2200"}});
                          auto items = nlohmann::json::array();
                          for (const auto& h : s.calendar.bank_holidays(*year)) {
                              items.push_back({{"date", h.date.iso()}, {"name", h.name}});
                          }
                          json(ctx, 200, {{"year", *year}, {"items", items}});
                      },
                      "/api/v1/calendar/bank-holidays?year=2026"});
}

}  // namespace assure::web
