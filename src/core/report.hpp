#pragma once
// The yearly report (issue 18 item 3; docs/decisions/0023-yearly-report.md): the partnership's
// report on a financial year, composed from its records. Figures are never typed here: each is
// computed by the use case of the area it belongs to. What people write are the narrative
// sections; the statutory partners sign the words off, and the report is approved once every
// statutory partner has signed. Seed 001 gives the structure, seed 003 the sign-off and where
// the approved report is sent.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/registers.hpp"

namespace assure {

// The sections people write, in the order the report shows them (seed 001's contents).
enum class ReportSection { foreword, introduction, what_changed, voice_of_children, scrutiny, next_priorities, conclusion };

// Where the approved report is sent: the bodies Working Together names (the national Panel and
// the What Works Centre within seven days of publication; seed 003 adds the Secretary of State,
// the DfE and Ofsted), and the local boards seed 001 circulated it to.
enum class ReportRecipient {
    practice_review_panel, what_works_centre, secretary_of_state, department_for_education, ofsted, health_and_wellbeing_board,
    community_safety_partnership
};

enum class ReportState { draft, approved };

// The longest section kept: a page or two of the printed report.
constexpr std::size_t kMaxSectionLength = 20000;

struct SectionText {
    ReportSection section = ReportSection::foreword;
    std::string text;            // Markdown
    int version = 0;             // 0: never written
    Instant updated_at = 0;
    std::string updated_by;      // the person's name, as the history shows it
};

struct SignOff {
    AgencyId agency;
    std::string agency_name;     // frozen when signed, as the report printed it
    std::string signed_by;       // the person's name
    Instant signed_at = 0;
};

struct Dispatch {
    ReportRecipient recipient = ReportRecipient::practice_review_panel;
    Date sent_on;
    std::string recorded_by;
    Instant recorded_at = 0;
};

// The years a report can be asked for: "2016-17" naming a year that has begun by `today`.
// A field error on "year" otherwise (unknown shape, or a year still to come).
FinancialYear report_year(std::string_view text, Date today);
// The years the list of reports offers: this year and the nine before it, newest first.
std::vector<FinancialYear> report_years(Date today, int count = 10);

// Every section in order, with what is stored for it (version 0 and no text where nothing is).
std::vector<SectionText> all_sections(const std::vector<SectionText>& stored);

// Refusals of a sign-off: every section still empty (field: the section's key), then the
// agency's standing (not a statutory partner, or it has signed already).
FieldErrors sign_off_refusals(const std::vector<SectionText>& sections, AgencyId agency, bool statutory_partner,
                              const std::vector<SignOff>& signed_already);
// Approved once every statutory partner has signed (and there is at least one).
ReportState report_state(const std::vector<AgencyId>& statutory_partners, const std::vector<SignOff>& signed_already);
// The statutory partners still to sign.
std::vector<AgencyId> awaiting_sign_off(const std::vector<AgencyId>& statutory_partners, const std::vector<SignOff>& signed_already);

// A section's text checked as typed: trimmed, within kMaxSectionLength. An approved report is
// closed to changes (field "text").
std::string checked_section_text(std::string_view typed, ReportState state);
// A dispatch checked: sent on a day that has come, and only once the report is approved.
void check_dispatch(const Dispatch& d, ReportState state, Date today);

std::string_view report_section_key(ReportSection s);
std::string_view report_section_label(ReportSection s);
std::string_view report_section_hint(ReportSection s);
std::optional<ReportSection> parse_report_section(std::string_view key);
std::vector<ReportSection> all_report_sections();
std::string_view report_recipient_key(ReportRecipient r);
std::string_view report_recipient_label(ReportRecipient r);
std::optional<ReportRecipient> parse_report_recipient(std::string_view key);
std::vector<ReportRecipient> all_report_recipients();
std::string_view report_state_key(ReportState s);
std::string_view report_state_label(ReportState s);

}  // namespace assure
