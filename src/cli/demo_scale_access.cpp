// England scale: the access log — who opened which case, and the lists of cases they were shown,
// as the reviews pages log them (decision 0008): a list view holding the ids shown, and several
// views of each case over its life.
#include <algorithm>

#include "cli/demo_scale_parts.hpp"

namespace assure::cli::scale {

void write_access_log(Area& a) {
    std::vector<AccessEntry> batch;
    std::vector<Actor> readers;
    for (const auto& u : a.users) {
        if (u.role == Role::business_unit || u.role == Role::partner_lead || u.role == Role::administrator) {
            readers.push_back(Actor{u.id, a.partnership.id, u.role, u.display_name + " <" + u.email + ">"});
        }
    }
    auto entry = [&](Date on, AccessKind kind, std::vector<std::string> ids) {
        const Actor& who = a.rng.pick(readers);
        batch.push_back(AccessEntry{0, a.partnership.id, a.at_random(on), who.user, who.label, kind, "review_case", std::move(ids)});
        a.count("access_log");
    };
    // Each case is opened a few times, and the case list is viewed about weekly with the newest twenty.
    for (std::size_t i = 0; i < a.cases.size(); ++i) {
        for (int v = 0, n = a.rng.between(3, 8); v < n; ++v) {
            entry(Date::from_days(std::min(a.today.days() - 1, a.first_day.days() + static_cast<std::int64_t>(i) * 12 + v * 9)),
                  a.rng.chance(0.1) ? AccessKind::recommendations : AccessKind::record, {a.cases[i].str()});
        }
        if (i % 2 == 0) {
            std::vector<std::string> shown;
            for (std::size_t k = i + 1; k-- > 0 && shown.size() < 20;) shown.push_back(a.cases[k].str());
            entry(Date::from_days(std::min(a.today.days() - 1, a.first_day.days() + static_cast<std::int64_t>(i) * 12)), AccessKind::list, shown);
        }
    }
    if (!batch.empty()) a.tx.access_entries().append(batch);
}

}  // namespace assure::cli::scale
