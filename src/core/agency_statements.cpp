#include "core/agency_statements.hpp"

#include "core/text.hpp"

namespace assure {
namespace {

bool closed_report(ReportState report, FieldErrors& errors, const char* field) {
    if (report != ReportState::approved) return false;
    errors.push_back({field, "The report has been approved by every statutory partner, so its statements can no longer change"});
    return true;
}

}  // namespace

std::string checked_statement_text(std::string_view typed, const AgencyStatement& current, ReportState report) {
    FieldErrors errors;
    std::string text = trim(typed);
    if (closed_report(report, errors, "text")) {
    } else if (current.state == StatementState::submitted) {
        errors.push_back({"text", "The statement is with the business unit: it can be changed again if they return it"});
    } else if (current.state == StatementState::accepted) {
        errors.push_back({"text", "The statement has been accepted into the report and can no longer change"});
    } else if (text.empty()) {
        errors.push_back({"text", "Write the statement: what the agency did for the area's children this year"});
    } else if (char_count(text) > kMaxStatementLength) {
        errors.push_back({"text", "The statement must be " + std::to_string(kMaxStatementLength) + " characters or fewer"});
    }
    if (!errors.empty()) throw Failure::invalid(errors);
    return text;
}

FieldErrors submit_refusals(const AgencyStatement& s, ReportState report) {
    FieldErrors errors;
    if (closed_report(report, errors, "text")) return errors;
    if (s.state == StatementState::submitted) {
        errors.push_back({"text", "The statement has been submitted already"});
    } else if (s.state == StatementState::accepted) {
        errors.push_back({"text", "The statement has been accepted into the report already"});
    } else if (trim(s.text).empty()) {
        errors.push_back({"text", "Write the statement before you submit it"});
    }
    return errors;
}

FieldErrors return_refusals(const AgencyStatement& s, std::string_view comment, ReportState report) {
    FieldErrors errors;
    if (closed_report(report, errors, "comment")) return errors;
    if (s.state != StatementState::submitted) {
        errors.push_back({"comment", "Only a submitted statement can be returned"});
        return errors;
    }
    if (trim(comment).empty()) errors.push_back({"comment", "Say what the agency should change before it submits the statement again"});
    if (char_count(trim(comment)) > kMaxStatementComment) {
        errors.push_back({"comment", "The comment must be " + std::to_string(kMaxStatementComment) + " characters or fewer"});
    }
    return errors;
}

FieldErrors accept_refusals(const AgencyStatement& s, ReportState report) {
    FieldErrors errors;
    if (closed_report(report, errors, "text")) return errors;
    if (s.state != StatementState::submitted) errors.push_back({"text", "Only a submitted statement can be accepted into the report"});
    return errors;
}

std::string checked_comment(std::string_view typed) {
    const std::string text = trim(typed);
    if (text.empty()) throw Failure::invalid({{"comment", "Enter a comment"}});
    if (char_count(text) > kMaxStatementComment) {
        throw Failure::invalid({{"comment", "The comment must be " + std::to_string(kMaxStatementComment) + " characters or fewer"}});
    }
    return text;
}

std::string_view statement_state_key(StatementState s) {
    switch (s) {
        case StatementState::not_started: return "not_started";
        case StatementState::draft: return "draft";
        case StatementState::submitted: return "submitted";
        case StatementState::returned: return "returned";
        case StatementState::accepted: return "accepted";
    }
    return "not_started";
}

std::string_view statement_state_label(StatementState s) {
    switch (s) {
        case StatementState::not_started: return "Not started";
        case StatementState::draft: return "Draft";
        case StatementState::submitted: return "Submitted";
        case StatementState::returned: return "Returned for changes";
        case StatementState::accepted: return "Accepted";
    }
    return "Not started";
}

std::optional<StatementState> parse_statement_state(std::string_view key) {
    for (const auto s : {StatementState::not_started, StatementState::draft, StatementState::submitted, StatementState::returned,
                         StatementState::accepted}) {
        if (statement_state_key(s) == key) return s;
    }
    return std::nullopt;
}

std::string_view statement_note_key(StatementNoteKind k) {
    switch (k) {
        case StatementNoteKind::comment: return "comment";
        case StatementNoteKind::submitted: return "submitted";
        case StatementNoteKind::returned: return "returned";
        case StatementNoteKind::accepted: return "accepted";
    }
    return "comment";
}

std::optional<StatementNoteKind> parse_statement_note(std::string_view key) {
    for (const auto k : {StatementNoteKind::comment, StatementNoteKind::submitted, StatementNoteKind::returned, StatementNoteKind::accepted}) {
        if (statement_note_key(k) == key) return k;
    }
    return std::nullopt;
}

}  // namespace assure
