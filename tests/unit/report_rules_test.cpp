// The yearly report's rules in core, on fixed days (no clock is read): which years a report can
// be written for, that a sign-off is refused while any section is empty (each named) or by an
// organisation that is not a statutory partner or has signed, approval once every statutory
// partner has signed, and that an approved report's sections and an unapproved report's
// dispatches are refused.
#include <gtest/gtest.h>

#include "core/report.hpp"

using namespace assure;

namespace {

const Date kToday{2017, 9, 20};  // the September the seed's report was approved

std::vector<SectionText> written_except(std::optional<ReportSection> missing) {
    std::vector<SectionText> out;
    for (const auto s : all_report_sections()) {
        if (missing && s == *missing) continue;
        out.push_back({s, "Text of " + std::string(report_section_key(s)), 1, 0, "Deborah Hughes"});
    }
    return out;
}

std::vector<std::string> fields_of(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

}  // namespace

TEST(ReportRules, AYearIsAprilToMarchAndMustHaveBegun) {
    const FinancialYear y = report_year("2016-17", kToday);
    EXPECT_EQ(y.first_day(), (Date{2016, 4, 1}));
    EXPECT_EQ(y.last_day(), (Date{2017, 3, 31}));
    EXPECT_EQ(report_year("2017-18", kToday).start, 2017) << "the year under way can be drafted";
    try {
        report_year("2018-19", kToday);
        FAIL() << "a year still to come";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "year");
        EXPECT_NE(f.fields()[0].message.find("1 April 2018"), std::string::npos) << f.fields()[0].message;
    }
    EXPECT_THROW(report_year("2016-18", kToday), Failure);
    EXPECT_THROW(report_year("2016", kToday), Failure);
    EXPECT_EQ(report_year("2016/17", kToday).start, 2016);
}

TEST(ReportRules, TheYearsOfferedEndWithThisOne) {
    const auto years = report_years(Date{2017, 3, 31}, 3);
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[0].key(), "2016-17") << "31 March is still the year that began in April 2016";
    EXPECT_EQ(years[2].key(), "2014-15");
    EXPECT_EQ(report_years(Date{2017, 4, 1}, 1)[0].key(), "2017-18");
}

TEST(ReportRules, EverySectionInOrderWithBlanksWhereNothingIsWritten) {
    const auto all = all_sections({{ReportSection::conclusion, "Done", 2, 0, "A"}});
    ASSERT_EQ(all.size(), all_report_sections().size());
    EXPECT_EQ(all.front().section, ReportSection::foreword);
    EXPECT_EQ(all.front().version, 0);
    EXPECT_EQ(all.back().text, "Done");
}

TEST(ReportRules, SignOffIsRefusedWhileASectionIsEmptyNamingEachOne) {
    auto sections = written_except(ReportSection::scrutiny);
    sections.push_back({ReportSection::scrutiny, "   ", 1, 0, "A"});  // only spaces is empty
    auto refusals = sign_off_refusals(sections, AgencyId{3}, true, {});
    EXPECT_EQ(fields_of(refusals), std::vector<std::string>{"scrutiny"});
    EXPECT_NE(refusals[0].message.find("Independent scrutiny"), std::string::npos);
    EXPECT_EQ(sign_off_refusals({}, AgencyId{3}, true, {}).size(), all_report_sections().size());
    EXPECT_TRUE(sign_off_refusals(written_except(std::nullopt), AgencyId{3}, true, {}).empty());
}

TEST(ReportRules, OnlyAStatutoryPartnerSignsAndOnlyOnce) {
    const auto sections = written_except(std::nullopt);
    EXPECT_EQ(fields_of(sign_off_refusals(sections, AgencyId{3}, false, {})), std::vector<std::string>{"agency"});
    EXPECT_EQ(fields_of(sign_off_refusals(sections, AgencyId{}, true, {})), std::vector<std::string>{"agency"});
    const std::vector<SignOff> signed_by_police{{AgencyId{3}, "Police", "Chief Superintendent", 100}};
    const auto twice = sign_off_refusals(sections, AgencyId{3}, true, signed_by_police);
    ASSERT_EQ(twice.size(), 1u);
    EXPECT_NE(twice[0].message.find("already signed"), std::string::npos);
    EXPECT_TRUE(sign_off_refusals(sections, AgencyId{4}, true, signed_by_police).empty());
}

TEST(ReportRules, ApprovedOnceEveryStatutoryPartnerHasSigned) {
    const std::vector<AgencyId> partners{AgencyId{1}, AgencyId{2}, AgencyId{3}};
    std::vector<SignOff> signs{{AgencyId{2}, "Police", "A", 1}, {AgencyId{1}, "Council", "B", 2}};
    EXPECT_EQ(report_state(partners, signs), ReportState::draft);
    EXPECT_EQ(awaiting_sign_off(partners, signs), std::vector<AgencyId>{AgencyId{3}});
    signs.push_back({AgencyId{3}, "ICB", "C", 3});
    EXPECT_EQ(report_state(partners, signs), ReportState::approved);
    EXPECT_TRUE(awaiting_sign_off(partners, signs).empty());
    EXPECT_EQ(report_state({}, {}), ReportState::draft) << "no statutory partner in the directory: nobody can approve it";
}

TEST(ReportRules, AnApprovedReportIsClosedAndADispatchWaitsForApproval) {
    EXPECT_EQ(checked_section_text("  Words  ", ReportState::draft), "Words");
    EXPECT_THROW(checked_section_text("Words", ReportState::approved), Failure);
    EXPECT_THROW(checked_section_text(std::string(kMaxSectionLength + 1, 'a'), ReportState::draft), Failure);
    Dispatch d;
    d.recipient = ReportRecipient::practice_review_panel;
    d.sent_on = kToday;
    EXPECT_NO_THROW(check_dispatch(d, ReportState::approved, kToday));
    EXPECT_THROW(check_dispatch(d, ReportState::draft, kToday), Failure);
    d.sent_on = Date{2017, 9, 21};
    EXPECT_THROW(check_dispatch(d, ReportState::approved, kToday), Failure) << "tomorrow";
}

TEST(ReportRules, KeysReadBackAndUnknownOnesAreRefused) {
    for (const auto s : all_report_sections()) EXPECT_EQ(parse_report_section(report_section_key(s)), s);
    for (const auto r : all_report_recipients()) EXPECT_EQ(parse_report_recipient(report_recipient_key(r)), r);
    EXPECT_FALSE(parse_report_section("appendix"));
    EXPECT_EQ(report_recipient_label(ReportRecipient::what_works_centre), "What Works Centre for Children's Social Care");
}
