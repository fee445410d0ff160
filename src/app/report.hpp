#pragma once
// Use cases of the yearly report (core/report.hpp; decision 0023). The report of a year is
// composed whenever it is shown: every figure comes from the use case of the area it belongs to
// (attendance, the golden thread, audits, the dataset's scorecard, training, the registers), or,
// for reviews, from one count answered in SQL. Nothing but the written sections, the sign-offs
// and the dispatches is stored. Every change is audited in its own transaction.
#include <optional>
#include <string>
#include <vector>

#include "app/agency_statements.hpp"
#include "app/context.hpp"
#include "app/dataset.hpp"
#include "app/governance.hpp"
#include "app/learning.hpp"
#include "app/registers.hpp"
#include "app/training_evaluations.hpp"
#include "core/report.hpp"
#include "core/training.hpp"
#include "core/training_modules.hpp"

namespace assure {

// The figures of a year, each from its area's use case.
struct ReportFigures {
    AttendanceReport attendance;               // every group's meetings held in the year, by agency
    std::vector<ThreadFigures> priorities;     // the golden thread of each priority, as of today
    ReviewYearCounts reviews;
    std::vector<AuditCycle> audit_cycles;      // Section 11 and 175 cycles opened in the year
    LearningCalendar learning;                 // the year's audits and dissemination
    std::optional<Scorecard> scorecard;        // none when the dataset has no figure for the year
    TrainingFigures training;
    ModuleFigures online_modules;              // applications in the year, from the provider's reports
    YearEvaluation evaluation;                 // the evaluation of the training held in the year
    LadoFigures lado;
    ChildDeathFigures deaths;
    FinanceFigures finance;
    RiskFigures risks;
    EscalationFigures escalations;
    ActivityFigures voice;                     // the voice of children register's activities held in the year
    ActivityFigures scrutiny;                  // the independent scrutiny register's
};

struct YearReport {
    FinancialYear year;
    std::string partnership_name;
    std::vector<SectionText> sections;         // every section, in order (version 0: not written)
    std::vector<Agency> statutory_partners;
    std::vector<SignOff> sign_offs;
    std::vector<AgencyId> awaiting;            // statutory partners still to sign
    ReportState state = ReportState::draft;
    std::vector<Dispatch> dispatches;
    std::vector<AcceptedStatement> statements;  // the agencies' statements accepted into it, by agency name
    ReportFigures figures;
};

// The year of each report offered, newest first, with what is written and signed.
struct ReportYearLine {
    FinancialYear year;
    int sections_written = 0;
    int sections = 0;
    int signed_off = 0;
    int statutory_partners = 0;
    ReportState state = ReportState::draft;
};

// `year` as typed ("2016-17"); a field error on "year" for another shape or a year to come.
YearReport compose_report(Services& s, const Actor& actor, const std::string& year);
// Only the report's own records (sections, sign-offs, dispatches), for the forms and the list.
YearReport report_records(Services& s, const Actor& actor, const std::string& year);
std::vector<ReportYearLine> list_reports(Services& s, const Actor& actor);

// Writes a section as a draft. A change withdraws the sign-offs given so far (the partners
// signed the words before it), audited with the change. Refused once the report is approved.
SectionText save_report_section(Services& s, const Actor& actor, const std::string& year, const std::string& section,
                                int expected_version, const std::string& text);
// The actor's statutory partner signs the report off. Refused, with every empty section named,
// until every section is written; once every statutory partner has signed, it is approved.
SignOff sign_off_report(Services& s, const Actor& actor, const std::string& year);
// Where the approved report was sent, and when.
Dispatch record_report_dispatch(Services& s, const Actor& actor, const std::string& year, const std::string& recipient,
                                const std::string& sent_on);

// The records as written to the audit trail: their own shape.
std::string report_section_audit_json(FinancialYear year, const SectionText& t);
std::string report_sign_off_audit_json(FinancialYear year, const SignOff& s, ReportState state);
std::string report_dispatch_audit_json(FinancialYear year, const Dispatch& d);

}  // namespace assure
