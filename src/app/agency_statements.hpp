#pragma once
// Use cases: agencies' assurance statements for the yearly report (issue 18 item 3; seed 001's
// Appendix B). Everyone who reads the report reads them. An agency's statement is written and
// submitted by that agency's safeguarding lead or statutory partner lead (their account's person
// works for it) or by the business unit, which also returns it with a comment or accepts it into
// the report. Closed once the report is approved. Every change is audited in its transaction.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/agency_statements.hpp"
#include "core/partnership.hpp"

namespace assure {

struct StatementLine {
    Agency agency;
    AgencyStatement statement;  // state not_started, version 0, when the agency has saved none
    bool may_write = false;     // the person may write and submit it
};

struct StatementsOfYear {
    FinancialYear year;
    ReportState report = ReportState::draft;
    std::vector<StatementLine> lines;  // every active agency (and any other with a statement), by name
    bool may_decide = false;           // the person may return and accept statements
};

struct StatementView {
    FinancialYear year;
    ReportState report = ReportState::draft;
    StatementLine line;
    std::vector<StatementNote> notes;  // oldest first
    bool may_decide = false;
};

// `year` as the report takes it ("2016-17").
StatementsOfYear list_statements(Services& s, const Actor& actor, const std::string& year);
StatementView read_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency);

// Saves the text as a draft (a returned statement becomes a draft again).
AgencyStatement save_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version,
                               const std::string& text);
AgencyStatement submit_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version);
AgencyStatement return_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version,
                                 const std::string& comment);
AgencyStatement accept_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version);
// A comment on the statement, by anyone who may write it or decide on it.
StatementNote comment_on_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, const std::string& comment);

// The statements accepted into the year's report, by agency name, read in the caller's
// transaction (the report composes them with its other records).
struct AcceptedStatement {
    std::string agency;
    AgencyStatement statement;
};
std::vector<AcceptedStatement> accepted_statements(Transaction& tx, PartnershipId partnership, FinancialYear year);

}  // namespace assure
