// Agencies' assurance statements (issue 18 item 3): what may be written, submitted, returned and
// accepted, and that an approved report closes them all.
#include <gtest/gtest.h>

#include "core/agency_statements.hpp"

using namespace assure;

namespace {

AgencyStatement in(StatementState state, const char* text = "We trained 300 staff.") {
    AgencyStatement s;
    s.state = state;
    s.text = text;
    return s;
}

std::string first_message(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.fields().empty() ? std::string("no field") : e.fields().front().field + ": " + e.fields().front().message;
    }
    return "";
}

}  // namespace

TEST(AgencyStatements, WrittenWhileNotStartedDraftOrReturned) {
    for (const auto state : {StatementState::not_started, StatementState::draft, StatementState::returned}) {
        EXPECT_EQ(checked_statement_text("  Our year.  ", in(state), ReportState::draft), "Our year.");
    }
    EXPECT_EQ(first_message([] { (void)checked_statement_text(" ", in(StatementState::draft), ReportState::draft); }),
              "text: Write the statement: what the agency did for the area's children this year");
    EXPECT_EQ(first_message([] { (void)checked_statement_text("x", in(StatementState::submitted), ReportState::draft); }),
              "text: The statement is with the business unit: it can be changed again if they return it");
    EXPECT_EQ(first_message([] { (void)checked_statement_text("x", in(StatementState::accepted), ReportState::draft); }),
              "text: The statement has been accepted into the report and can no longer change");
    EXPECT_EQ(first_message([] { (void)checked_statement_text(std::string(kMaxStatementLength + 1, 'a'), in(StatementState::draft), ReportState::draft); }),
              "text: The statement must be 12000 characters or fewer");
    EXPECT_EQ(first_message([] { (void)checked_statement_text("x", in(StatementState::draft), ReportState::approved); }),
              "text: The report has been approved by every statutory partner, so its statements can no longer change");
}

TEST(AgencyStatements, SubmittedOnceWithTextThenReturnedWithAReasonOrAccepted) {
    EXPECT_TRUE(submit_refusals(in(StatementState::draft), ReportState::draft).empty());
    EXPECT_TRUE(submit_refusals(in(StatementState::returned), ReportState::draft).empty());
    EXPECT_EQ(submit_refusals(in(StatementState::not_started, ""), ReportState::draft).front().message, "Write the statement before you submit it");
    EXPECT_EQ(submit_refusals(in(StatementState::submitted), ReportState::draft).front().message, "The statement has been submitted already");
    EXPECT_EQ(submit_refusals(in(StatementState::accepted), ReportState::draft).size(), 1U);
    EXPECT_EQ(submit_refusals(in(StatementState::draft), ReportState::approved).size(), 1U);

    EXPECT_TRUE(return_refusals(in(StatementState::submitted), "Add your training figures", ReportState::draft).empty());
    const auto no_reason = return_refusals(in(StatementState::submitted), "  ", ReportState::draft);
    ASSERT_EQ(no_reason.size(), 1U);
    EXPECT_EQ(no_reason[0].field, "comment");
    EXPECT_EQ(return_refusals(in(StatementState::draft), "Why", ReportState::draft).front().message, "Only a submitted statement can be returned");
    EXPECT_TRUE(accept_refusals(in(StatementState::submitted), ReportState::draft).empty());
    EXPECT_EQ(accept_refusals(in(StatementState::returned), ReportState::draft).front().message,
              "Only a submitted statement can be accepted into the report");
    EXPECT_EQ(accept_refusals(in(StatementState::submitted), ReportState::approved).size(), 1U);
}

TEST(AgencyStatements, CommentsAndKeys) {
    EXPECT_EQ(checked_comment("  Thanks  "), "Thanks");
    EXPECT_EQ(first_message([] { (void)checked_comment(""); }), "comment: Enter a comment");
    EXPECT_EQ(first_message([] { (void)checked_comment(std::string(kMaxStatementComment + 1, 'a')); }),
              "comment: The comment must be 2000 characters or fewer");
    for (const auto s : {StatementState::not_started, StatementState::draft, StatementState::submitted, StatementState::returned, StatementState::accepted}) {
        EXPECT_EQ(parse_statement_state(statement_state_key(s)), s);
        EXPECT_FALSE(statement_state_label(s).empty());
    }
    for (const auto k : {StatementNoteKind::comment, StatementNoteKind::submitted, StatementNoteKind::returned, StatementNoteKind::accepted}) {
        EXPECT_EQ(parse_statement_note(statement_note_key(k)), k);
    }
    EXPECT_FALSE(parse_statement_state("published"));
}
