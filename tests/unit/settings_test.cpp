// The rules of a partnership's settings: each setting's range, shares typed as percentages,
// yes/no answers, the lists' checks, and that every problem names its field.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/settings.hpp"

using namespace assure;

namespace {

PartnershipSettings defaults() {
    PartnershipSettings s;
    s.partnership = Partnership{PartnershipId{1}, "knowsley", "Knowsley SCP", "Knowsley"};
    return s;
}

bool names(const FieldErrors& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; });
}

}  // namespace

TEST(Settings, TheShippedDefaultsPassEveryCheck) { EXPECT_TRUE(validate_partnership_rules(PartnershipRules{}).empty()); }

TEST(Settings, NumbersChangeAndSharesAreTypedAsPercentages) {
    auto s = defaults();
    SettingsChange c;
    c.values = {{"rapid_review_working_days", "12"}, {"expected_attendance", "80"}, {"max_thematic_audits_per_year", " 4 "}};
    EXPECT_TRUE(apply_settings(c, s).empty());
    EXPECT_EQ(s.rules.reviews.rapid_review_working_days, 12);
    EXPECT_DOUBLE_EQ(s.rules.governance.expected_rate, 0.8);
    EXPECT_EQ(s.rules.learning.max_thematic_audits_per_year, 4);
    const auto& n = number_settings();
    const auto attendance = std::find_if(n.begin(), n.end(), [](const NumberSetting& x) { return x.key == "expected_attendance"; });
    ASSERT_NE(attendance, n.end());
    EXPECT_EQ(attendance->get(s.rules), 80);
}

TEST(Settings, ANumberOutOfRangeOrNotWholeIsRefusedNamingItsRange) {
    auto s = defaults();
    SettingsChange c;
    c.values = {{"expected_attendance", "101"}, {"stale_days", "six"}, {"final_report_working_days_before_publication", "0"}};
    const auto errors = apply_settings(c, s);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_TRUE(names(errors, "expected_attendance"));
    EXPECT_TRUE(names(errors, "stale_days"));
    EXPECT_NE(errors[0].message.find("from 1 to 100"), std::string::npos) << errors[0].message;
    EXPECT_EQ(s.rules.reviews.final_report_working_days_before_publication, 0) << "0 is allowed: publish on the day";
}

TEST(Settings, FlagsAreYesOrNo) {
    auto s = defaults();
    SettingsChange c;
    c.values = {{"evidence_to_complete", "no"}, {"deputy_counts_as_attended", "maybe"}};
    const auto errors = apply_settings(c, s);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "deputy_counts_as_attended");
    EXPECT_FALSE(s.rules.learning.evidence_to_complete);
}

TEST(Settings, RequiringASecondFactorIsAYesOrNoOfItsOwnSection) {
    auto s = defaults();
    EXPECT_FALSE(s.rules.sign_in.two_factor_required) << "not required unless a partnership says so";
    SettingsChange c;
    c.values = {{"two_factor_required", "yes"}};
    EXPECT_TRUE(apply_settings(c, s).empty());
    EXPECT_TRUE(s.rules.sign_in.two_factor_required);
    c.values = {{"two_factor_required", "always"}};
    const auto errors = apply_settings(c, s);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "two_factor_required");
    EXPECT_TRUE(s.rules.sign_in.two_factor_required) << "unchanged by a refused answer";
    const auto flag = std::find_if(flag_settings().begin(), flag_settings().end(),
                                   [](const FlagSetting& f) { return f.key == "two_factor_required"; });
    ASSERT_NE(flag, flag_settings().end());
    EXPECT_EQ(flag->section, SettingsSection::sign_in);
    EXPECT_EQ(parse_section("sign-in"), SettingsSection::sign_in);
    EXPECT_EQ(section_label(SettingsSection::sign_in), "Signing in");
}

TEST(Settings, AnUnknownKeyOrAnchorIsRefused) {
    auto s = defaults();
    SettingsChange c;
    c.values = {{"max_audits", "4"}, {"rapid_review_anchor", "whenever"}};
    const auto errors = apply_settings(c, s);
    EXPECT_TRUE(names(errors, "max_audits"));
    EXPECT_TRUE(names(errors, "rapid_review_anchor"));
}

TEST(Settings, TheProfileNeedsANameAndAnArea) {
    auto s = defaults();
    SettingsChange c;
    c.values = {{"name", "  "}, {"area", ""}, {"logo_text", std::string(61, 'x')}};
    const auto errors = apply_settings(c, s);
    EXPECT_TRUE(names(errors, "name"));
    EXPECT_TRUE(names(errors, "area"));
    EXPECT_TRUE(names(errors, "logo_text"));
}

TEST(Settings, PrioritiesAreOneToTwelveDistinctNames) {
    auto s = defaults();
    SettingsChange c;
    c.priorities = std::vector<std::string>{"Neglect", "neglect "};
    EXPECT_TRUE(names(apply_settings(c, s), "priorities")) << "the same name twice, whatever the case";
    c.priorities = std::vector<std::string>{};
    EXPECT_TRUE(names(apply_settings(c, s), "priorities"));
    c.priorities = std::vector<std::string>(13, "x");
    EXPECT_TRUE(names(apply_settings(c, s), "priorities"));
    auto ok = defaults();
    c.priorities = std::vector<std::string>{" Neglect ", "Online harm"};
    EXPECT_TRUE(apply_settings(c, ok).empty());
    EXPECT_EQ(ok.rules.learning.priorities, (std::vector<std::string>{"Neglect", "Online harm"}));
}

TEST(Settings, TheAnnualCycleNeedsRealMonthsAndLabels) {
    auto s = defaults();
    SettingsChange c;
    c.annual_cycle = std::vector<SettingsChange::Milestone>{{"9", "Annual report"}, {"13", "Never"}};
    EXPECT_TRUE(names(apply_settings(c, s), "annual_cycle"));
    auto ok = defaults();
    c.annual_cycle = std::vector<SettingsChange::Milestone>{{"9", "Annual report"}};
    EXPECT_TRUE(apply_settings(c, ok).empty());
    ASSERT_EQ(ok.rules.governance.annual_cycle.size(), 1u);
    EXPECT_EQ(ok.rules.governance.annual_cycle[0].month, 9);
    c.annual_cycle = std::vector<SettingsChange::Milestone>{};
    EXPECT_TRUE(apply_settings(c, ok).empty()) << "a partnership may keep no annual cycle";
}

TEST(Settings, StandardsNeedUniqueCodesOfLettersDigitsAndDots) {
    auto s = defaults();
    SettingsChange c;
    c.section_11 = std::vector<AuditStandard>{{"1", "Leadership", ""}, {"1", "Training", ""}};
    EXPECT_TRUE(names(apply_settings(c, s), "section_11"));
    c.section_11 = std::vector<AuditStandard>{{"1 a", "Leadership", ""}};
    EXPECT_TRUE(names(apply_settings(c, s), "section_11"));
    c.section_11 = std::vector<AuditStandard>{{"1", "", ""}};
    EXPECT_TRUE(names(apply_settings(c, s), "section_11"));
    SettingsChange none;
    none.section_175 = std::vector<AuditStandard>{};
    EXPECT_TRUE(names(apply_settings(none, s), "section_175"));
}

TEST(Settings, ANewPartnershipNeedsAShortNameOfLowerCaseLettersDigitsAndHyphens) {
    EXPECT_TRUE(validate_new_partnership({PartnershipId{}, "st-helens", "St Helens SCP", "St Helens"}).empty());
    EXPECT_TRUE(names(validate_new_partnership({PartnershipId{}, "St Helens", "St Helens SCP", "St Helens"}), "slug"));
    EXPECT_TRUE(names(validate_new_partnership({PartnershipId{}, "", "St Helens SCP", "St Helens"}), "slug"));
    EXPECT_TRUE(names(validate_new_partnership({PartnershipId{}, "sh", "St Helens SCP", ""}), "area"));
}
