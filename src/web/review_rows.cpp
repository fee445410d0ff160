#include "web/review_rows.hpp"

#include <cmath>

#include "core/date_words.hpp"
#include "core/review_regimes.hpp"
#include "core/text.hpp"

namespace assure::web {

std::string pseudonyms(const Case& c) {
    std::string out;
    for (const auto& child : c.children) out += (out.empty() ? "" : ", ") + child.pseudonym;
    return out;
}

Data case_row(const CaseView& v, Date today) {
    Data row;
    row.set("id", v.record.id.str());
    row.set("reference", v.record.reference);
    row.set("children", pseudonyms(v.record));
    row.set("stage", std::string(stage_words(regime_of(v.record), v.state.stage)));
    row.set("has_next", flag(v.next.has_value()));
    row.set("next_label", v.next ? v.next->label : std::string("None"));
    row.set("next_due", v.next ? date_in_words(*v.next->due) : std::string());
    row.set("overdue", flag(v.overdue));
    row.set("days_text", v.next_countdown ? count_of(v.next_countdown->working_days, "working day", "working days") : std::string());
    row.set("due_today", flag(v.next_countdown && !v.next_countdown->overdue && v.next_countdown->working_days == 0));
    const int slip = slippage_days(v.deadlines, v.state, today);
    if (slip > 0) row.set("slippage", count_of(slip, "day", "days"));
    return row;
}

std::string in_time_text(const ClockCounts& c) {
    const auto share = c.share_in_time();
    if (!share) return "None due yet";
    return std::to_string(c.in_time) + " of " + std::to_string(c.decided()) + " (" + std::to_string(std::lround(*share * 100)) + "%)";
}

std::string missed_text(const ClockCounts& c) {
    std::string out;
    if (c.late > 0) out = std::to_string(c.late) + " late";
    if (c.overdue > 0) out += (out.empty() ? "" : ", ") + std::to_string(c.overdue) + " overdue";
    return out;
}

}  // namespace assure::web
