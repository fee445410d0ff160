#include "core/report.hpp"

#include <algorithm>
#include <array>

#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

struct SectionName {
    ReportSection section;
    std::string_view key, label, hint;
};
constexpr std::array<SectionName, 7> kSections{{
    {ReportSection::foreword, "foreword", "Foreword", "The chair's or the partners' introduction to the year, signed by them"},
    {ReportSection::introduction, "introduction", "Introduction",
     "Why the report is published, the year's national and local context, and whom it was circulated to"},
    {ReportSection::what_changed, "what_changed", "What changed because of reviews and audits",
     "The difference the learning made to practice, beside the figures of reviews and audits below"},
    {ReportSection::voice_of_children, "voice_of_children", "The voice of children and young people",
     "How the partnership heard children this year and what it changed as a result"},
    {ReportSection::scrutiny, "scrutiny", "Independent scrutiny",
     "The independent scrutineer's view of how effective the arrangements were"},
    {ReportSection::next_priorities, "next_priorities", "Priorities for next year", "What the partnership will do next year, and why"},
    {ReportSection::conclusion, "conclusion", "Conclusion", "The partners' judgement on the year"},
}};

struct RecipientName {
    ReportRecipient recipient;
    std::string_view key, label;
};
constexpr std::array<RecipientName, 7> kRecipients{{
    {ReportRecipient::practice_review_panel, "practice_review_panel", "Child Safeguarding Practice Review Panel"},
    {ReportRecipient::what_works_centre, "what_works_centre", "What Works Centre for Children's Social Care"},
    {ReportRecipient::secretary_of_state, "secretary_of_state", "Secretary of State for Education"},
    {ReportRecipient::department_for_education, "department_for_education", "Department for Education"},
    {ReportRecipient::ofsted, "ofsted", "Ofsted"},
    {ReportRecipient::health_and_wellbeing_board, "health_and_wellbeing_board", "Health and Wellbeing Board"},
    {ReportRecipient::community_safety_partnership, "community_safety_partnership", "Community Safety Partnership"},
}};

const SectionName& name_of(ReportSection s) {
    return *std::find_if(kSections.begin(), kSections.end(), [&](const SectionName& n) { return n.section == s; });
}
const RecipientName& name_of(ReportRecipient r) {
    return *std::find_if(kRecipients.begin(), kRecipients.end(), [&](const RecipientName& n) { return n.recipient == r; });
}

bool has_signed(const std::vector<SignOff>& signed_already, AgencyId agency) {
    return std::any_of(signed_already.begin(), signed_already.end(), [&](const SignOff& s) { return s.agency == agency; });
}

}  // namespace

FinancialYear report_year(std::string_view text, Date today) {
    const auto year = FinancialYear::parse(trim(text));
    if (!year) throw Failure::invalid({{"year", "Enter the year of the report like 2016-17"}});
    if (year->first_day() > today) {
        throw Failure::invalid({{"year", "The " + year->key() + " report cannot be written before the year begins on " +
                                             date_in_words(year->first_day())}});
    }
    return *year;
}

std::vector<FinancialYear> report_years(Date today, int count) {
    std::vector<FinancialYear> out;
    const FinancialYear now = FinancialYear::of(today);
    for (int i = 0; i < count; ++i) out.push_back(FinancialYear{now.start - i});
    return out;
}

std::vector<SectionText> all_sections(const std::vector<SectionText>& stored) {
    std::vector<SectionText> out;
    for (const auto s : all_report_sections()) {
        const auto it = std::find_if(stored.begin(), stored.end(), [&](const SectionText& t) { return t.section == s; });
        if (it != stored.end()) {
            out.push_back(*it);
        } else {
            SectionText blank;
            blank.section = s;
            out.push_back(blank);
        }
    }
    return out;
}

FieldErrors sign_off_refusals(const std::vector<SectionText>& sections, AgencyId agency, bool statutory_partner,
                              const std::vector<SignOff>& signed_already) {
    FieldErrors errors;
    for (const auto& s : all_sections(sections)) {
        if (trim(s.text).empty()) {
            errors.push_back({std::string(report_section_key(s.section)),
                              "Write the section '" + std::string(report_section_label(s.section)) + "' before the report is signed off"});
        }
    }
    if (!agency.valid() || !statutory_partner) {
        errors.push_back({"agency", "Only a statutory partner's lead can sign off the report, for their own organisation"});
    } else if (has_signed(signed_already, agency)) {
        errors.push_back({"agency", "Your organisation has already signed off this report"});
    }
    return errors;
}

ReportState report_state(const std::vector<AgencyId>& statutory_partners, const std::vector<SignOff>& signed_already) {
    if (statutory_partners.empty()) return ReportState::draft;
    return awaiting_sign_off(statutory_partners, signed_already).empty() ? ReportState::approved : ReportState::draft;
}

std::vector<AgencyId> awaiting_sign_off(const std::vector<AgencyId>& statutory_partners, const std::vector<SignOff>& signed_already) {
    std::vector<AgencyId> out;
    for (const auto a : statutory_partners) {
        if (!has_signed(signed_already, a)) out.push_back(a);
    }
    return out;
}

std::string checked_section_text(std::string_view typed, ReportState state) {
    if (state == ReportState::approved) {
        throw Failure::invalid({{"text", "The report has been approved by every statutory partner, so its sections can no longer change"}});
    }
    std::string text = trim(typed);
    if (text.size() > kMaxSectionLength) {
        throw Failure::invalid({{"text", "The section must be " + std::to_string(kMaxSectionLength) + " characters or fewer"}});
    }
    return text;
}

void check_dispatch(const Dispatch& d, ReportState state, Date today) {
    FieldErrors errors;
    if (state != ReportState::approved) errors.push_back({"recipient", "The report can be sent once every statutory partner has signed it off"});
    if (d.sent_on > today) errors.push_back({"sent_on", "The date the report was sent must be today or in the past"});
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
}

std::string_view report_section_key(ReportSection s) { return name_of(s).key; }
std::string_view report_section_label(ReportSection s) { return name_of(s).label; }
std::string_view report_section_hint(ReportSection s) { return name_of(s).hint; }
std::optional<ReportSection> parse_report_section(std::string_view key) {
    for (const auto& n : kSections) {
        if (n.key == key) return n.section;
    }
    return std::nullopt;
}
std::vector<ReportSection> all_report_sections() {
    std::vector<ReportSection> out;
    for (const auto& n : kSections) out.push_back(n.section);
    return out;
}
std::string_view report_recipient_key(ReportRecipient r) { return name_of(r).key; }
std::string_view report_recipient_label(ReportRecipient r) { return name_of(r).label; }
std::optional<ReportRecipient> parse_report_recipient(std::string_view key) {
    for (const auto& n : kRecipients) {
        if (n.key == key) return n.recipient;
    }
    return std::nullopt;
}
std::vector<ReportRecipient> all_report_recipients() {
    std::vector<ReportRecipient> out;
    for (const auto& n : kRecipients) out.push_back(n.recipient);
    return out;
}
std::string_view report_state_key(ReportState s) { return s == ReportState::approved ? "approved" : "draft"; }
std::string_view report_state_label(ReportState s) { return s == ReportState::approved ? "Approved" : "Draft"; }

}  // namespace assure
