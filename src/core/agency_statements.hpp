#pragma once
// Agencies' assurance statements for the yearly report (issue 18 item 3; seed 001's Appendix B,
// "Partners' contribution to safeguarding children"): each agency writes what it did for the
// partnership's children that year, submits it, and the business unit accepts it into the report
// or returns it with a comment. Closed once the report is approved, as its sections are.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/report.hpp"

namespace assure {

inline constexpr std::size_t kMaxStatementLength = 12000;  // two printed pages
inline constexpr std::size_t kMaxStatementComment = 2000;

enum class StatementState { not_started, draft, submitted, returned, accepted };

struct AgencyStatement {
    PartnershipId partnership;
    FinancialYear year;
    AgencyId agency;
    std::string text;  // Markdown
    StatementState state = StatementState::not_started;
    int version = 0;   // 0: never saved
    std::string updated_by;
    Instant updated_at = 0;
    std::string submitted_by;
    Instant submitted_at = 0;
    std::string decided_by;  // who accepted or returned it last
    Instant decided_at = 0;
};

enum class StatementNoteKind { comment, submitted, returned, accepted };

// The statement's history as the agency and the business unit see it: comments, and each
// submission, return (with its reason) and acceptance.
struct StatementNote {
    std::int64_t id = 0;
    StatementNoteKind kind = StatementNoteKind::comment;
    std::string text;
    std::string by;
    Instant at = 0;
};

// The text to save, trimmed. Refused (field "text") when too long, once submitted or accepted
// (the business unit returns it to be changed), or once the report is approved.
std::string checked_statement_text(std::string_view typed, const AgencyStatement& current, ReportState report);
// Why the statement may not be submitted: nothing written, already submitted or accepted, or the
// report approved. Empty when it may.
FieldErrors submit_refusals(const AgencyStatement& s, ReportState report);
// Returning needs a submitted statement and a reason (field "comment"); accepting a submitted one.
FieldErrors return_refusals(const AgencyStatement& s, std::string_view comment, ReportState report);
FieldErrors accept_refusals(const AgencyStatement& s, ReportState report);
// A comment: said, and not too long (field "comment").
std::string checked_comment(std::string_view typed);

std::string_view statement_state_key(StatementState s);
std::string_view statement_state_label(StatementState s);  // "Waiting for the business unit"
std::string_view statement_note_key(StatementNoteKind k);
std::optional<StatementNoteKind> parse_statement_note(std::string_view key);
std::optional<StatementState> parse_statement_state(std::string_view key);

}  // namespace assure
