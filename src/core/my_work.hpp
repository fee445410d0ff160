#pragma once
// "My work" (issue 19 item 2): everything the signed-in person owes, in one list. Pure rules:
// the kinds of thing owed, what each is called, and the order (overdue first, then by due
// date; what has no due date last).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace assure {

enum class OwedKind {
    meeting_action,      // an action from a meeting, owned by the person
    improvement_action,  // an action of the improvement action plan the person leads
    audit_return,        // their agency's Section 11 or Section 175 return, not yet submitted
    dataset_return,      // their agency's dataset return, not yet sent
    booking,             // a training place booked (or on the waiting list) still to come
    report_sign_off,     // the yearly report, awaiting their organisation's sign-off
    role_approval,       // a role that sees children's identities, waiting for a partner lead
    escalated_action,    // an overdue meeting action escalated to them, still open
    agency_statement,    // their agency's statement for the yearly report, returned or still a draft;
                         // for the business unit, one submitted and waiting for them
    needs_return,        // their agency's return to an open training needs analysis, not yet submitted
};

std::string_view owed_kind_key(OwedKind kind);    // "meeting_action"
std::optional<OwedKind> parse_owed_kind(std::string_view key);
std::string_view owed_kind_label(OwedKind kind);  // "Meeting action"

struct OwedItem {
    OwedKind kind = OwedKind::meeting_action;
    std::int64_t id = 0;          // the record's id (a booking: the session's; a statement: see statement_owed_id)
    std::string title;            // what is owed, e.g. the action's text, the course's title
    std::optional<Date> due;      // none: no date set (a sign-off)
    std::string detail = {};      // e.g. "Section 11 audit 2026", "Q2 2026/27"
};

// An agency statement is named by its year and agency: one id for the list, read back for its link.
constexpr std::int64_t statement_owed_id(int year_start, std::int64_t agency) { return static_cast<std::int64_t>(year_start) * 1'000'000'000 + agency; }
constexpr int statement_owed_year(std::int64_t id) { return static_cast<int>(id / 1'000'000'000); }
constexpr std::int64_t statement_owed_agency(std::int64_t id) { return id % 1'000'000'000; }

// Past its due date on `today` (the due day itself is not overdue).
bool owed_overdue(const OwedItem& item, Date today);

// The list's order: by due date (so what is overdue comes first), what has none last, then by
// kind and id so that the order is total.
bool owed_before(const OwedItem& a, const OwedItem& b);

}  // namespace assure
