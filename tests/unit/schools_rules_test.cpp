// The schools register's rules (issue 20 item 3): a setting's phase from Get Information about
// Schools' words, the duty its type puts it under, the sheet read all or none with each wrong
// row and a URN twice named, who a round invites, and a round's results by phase.
#include <gtest/gtest.h>

#include "core/schools.hpp"

using namespace assure;

TEST(SchoolRules, APhaseIsReadFromTheDownloadsWordsAndTheType) {
    EXPECT_EQ(phase_from("Primary", "Community school", "104478"), SchoolPhase::primary);
    EXPECT_EQ(phase_from("Middle deemed secondary", "Academy converter", "104478"), SchoolPhase::secondary);
    EXPECT_EQ(phase_from("Not applicable", "Community special school", "104478"), SchoolPhase::special);
    EXPECT_EQ(phase_from("Not applicable", "Pupil referral unit", "104478"), SchoolPhase::alternative_provision);
    EXPECT_EQ(phase_from("16 plus", "Further education", "130498"), SchoolPhase::college);
    EXPECT_EQ(phase_from("Nursery", "Local authority nursery school", "104400"), SchoolPhase::nursery);
    EXPECT_EQ(phase_from("", "Day nursery", "EY500101"), SchoolPhase::early_years) << "an Ofsted early years URN";
    EXPECT_EQ(phase_from("special", "", "104478"), SchoolPhase::special) << "the template's own key";
    EXPECT_EQ(phase_from("Nursery school", "", "104478"), SchoolPhase::nursery) << "the page's label";
    EXPECT_FALSE(phase_from("Upper", "Community school", "104478"));
}

TEST(SchoolRules, TheDutyFollowsTheLawTheSettingIsUnder) {
    EXPECT_EQ(duty_of(SchoolPhase::primary, "Community school"), SchoolDuty::section_175);
    EXPECT_EQ(duty_of(SchoolPhase::primary, "Voluntary aided school"), SchoolDuty::section_175);
    EXPECT_EQ(duty_of(SchoolPhase::college, "Further education"), SchoolDuty::section_175) << "colleges are under section 175";
    EXPECT_EQ(duty_of(SchoolPhase::alternative_provision, "Pupil referral unit"), SchoolDuty::section_175);
    EXPECT_EQ(duty_of(SchoolPhase::secondary, "Academy sponsor led"), SchoolDuty::section_157) << "academies are independent schools in law";
    EXPECT_EQ(duty_of(SchoolPhase::primary, "Free schools"), SchoolDuty::section_157);
    EXPECT_EQ(duty_of(SchoolPhase::secondary, "Other independent school"), SchoolDuty::section_157);
    EXPECT_EQ(duty_of(SchoolPhase::special, "Non-maintained special school"), SchoolDuty::section_157);
    EXPECT_EQ(duty_of(SchoolPhase::early_years, "Day nursery"), SchoolDuty::early_years);
}

TEST(SchoolRules, AUrnIsSixDigitsOrAnEarlyYearsOne) {
    EXPECT_TRUE(is_urn("104478"));
    EXPECT_TRUE(is_urn("EY500101"));
    EXPECT_FALSE(is_urn("10447"));
    EXPECT_FALSE(is_urn("1044789"));
    EXPECT_FALSE(is_urn("EY5001"));
    EXPECT_FALSE(is_urn("AB500101"));
    FieldErrors errors;
    const auto ey = check_school({"ey500101", "Little Acorns", "Early years", "Day nursery", "", ""}, errors);
    ASSERT_TRUE(ey) << errors.front().message;
    EXPECT_EQ(ey->urn, "EY500101") << "written as Ofsted writes it";
}

TEST(SchoolRules, ALeadNeedsANameAndAnEmailTogether) {
    FieldErrors errors;
    EXPECT_FALSE(check_school({"104478", "Halewood Primary", "Primary", "", "Jo Shaw", ""}, errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "lead_email");
    errors.clear();
    EXPECT_FALSE(check_school({"104478", "Halewood Primary", "Primary", "", "Jo Shaw", "not an email"}, errors));
    EXPECT_EQ(errors.at(0).field, "lead_email");
    errors.clear();
    const auto ok = check_school({" 104478 ", " Halewood Primary ", "Primary", "", "Jo Shaw", "Jo.Shaw@Halewood.sch.uk"}, errors);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->urn, "104478");
    EXPECT_EQ(ok->name, "Halewood Primary");
    EXPECT_EQ(ok->lead_email, "jo.shaw@halewood.sch.uk");
}

TEST(SchoolRules, ADownloadIsReadByItsOwnHeadingsAndOtherColumnsIgnored) {
    const std::string csv =
        "URN,LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name)\r\n"
        "104478,Knowsley,Halewood Primary,Community school,Open,Primary\r\n"
        "137000,Knowsley,\"All Saints, Kirkby\",Academy converter,Open,Secondary\r\n"
        "\r\n";
    FieldErrors errors;
    const auto rows = read_school_sheet(csv, "file", errors);
    ASSERT_TRUE(errors.empty()) << errors.front().message;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].name, "All Saints, Kirkby");
    EXPECT_EQ(rows[1].phase, SchoolPhase::secondary);
    EXPECT_EQ(rows[1].duty, SchoolDuty::section_157);
    EXPECT_TRUE(rows[0].lead_email.empty());
    EXPECT_TRUE(rows[0].active) << "no status column: open";
    FieldErrors none;
    EXPECT_FALSE(check_school({"104478", "Halewood Primary", "Primary", "", "", "", "Closed"}, none)->active);
    EXPECT_TRUE(check_school({"104478", "Halewood Primary", "Primary", "", "", "", "Open, but proposed to close"}, none)->active);
}

TEST(SchoolRules, AWrongSheetIsRefusedWholeWithEachRowNamed) {
    const std::string csv =
        "URN,Name,Phase,Type,Designated safeguarding lead,Lead's email\n"
        "104478,Halewood Primary,Primary,Community school,Jo Shaw,jo@halewood.sch.uk\n"
        "1044,Short URN Primary,Primary,,,\n"
        "104478,Halewood Again,Primary,,,\n"
        "104479,,Upper,,,\n";
    FieldErrors errors;
    const auto rows = read_school_sheet(csv, "file", errors);
    EXPECT_TRUE(rows.empty()) << "all or none";
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "file");
    const std::string& m = errors[0].message;
    EXPECT_NE(m.find("Row 3: enter a URN of 6 digits"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 4: the URN 104478 is on row 2 too"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 5: enter the setting's name"), std::string::npos) << m;
    EXPECT_NE(m.find("the phase \"Upper\""), std::string::npos) << m;
}

TEST(SchoolRules, ASheetWithoutTheNeededHeadingsOrRowsIsRefused) {
    FieldErrors errors;
    EXPECT_TRUE(read_school_sheet("Name,Phase\nHalewood,Primary\n", "file", errors).empty());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].message.find("URN and Name"), std::string::npos);
    errors.clear();
    EXPECT_TRUE(read_school_sheet("URN,Name\n", "file", errors).empty());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].message.find("no settings"), std::string::npos);
}

TEST(SchoolRules, EachDutyHasItsOwnQuestions) {
    LearningRules rules;
    rules.section_175 = {{"A", "Own standard", "The partnership's own"}};
    EXPECT_EQ(standards_for(SchoolDuty::section_175, rules).at(0).code, "A") << "section 175's are the partnership's";
    EXPECT_EQ(standards_for(SchoolDuty::section_157, rules).at(0).title, "Proprietor's leadership");
    EXPECT_EQ(standards_for(SchoolDuty::early_years, rules).at(0).title, "Lead practitioner");
}

namespace {

School school(std::int64_t agency, SchoolPhase phase, SchoolDuty duty, bool active = true) {
    School s;
    s.agency = AgencyId{agency};
    s.phase = phase;
    s.duty = duty;
    s.active = active;
    return s;
}

}  // namespace

TEST(SchoolRules, ARoundInvitesTheActiveSettingsOfItsDutyAndPhasesNotYetInvited) {
    const std::vector<School> reg{school(1, SchoolPhase::primary, SchoolDuty::section_175), school(2, SchoolPhase::secondary, SchoolDuty::section_175),
                                  school(3, SchoolPhase::primary, SchoolDuty::section_157), school(4, SchoolPhase::primary, SchoolDuty::section_175, false),
                                  school(5, SchoolPhase::special, SchoolDuty::section_175)};
    EXPECT_EQ(schools_to_invite(SchoolDuty::section_175, {}, reg, {}), (std::vector<AgencyId>{AgencyId{1}, AgencyId{2}, AgencyId{5}}));
    EXPECT_EQ(schools_to_invite(SchoolDuty::section_175, {SchoolPhase::primary, SchoolPhase::special}, reg, {}),
              (std::vector<AgencyId>{AgencyId{1}, AgencyId{5}}));
    EXPECT_EQ(schools_to_invite(SchoolDuty::section_175, {}, reg, {AgencyId{1}, AgencyId{2}}), (std::vector<AgencyId>{AgencyId{5}}));
    EXPECT_EQ(schools_to_invite(SchoolDuty::section_157, {}, reg, {}), (std::vector<AgencyId>{AgencyId{3}}));
}

TEST(SchoolRules, ARoundsResultsAreCountedByPhaseFromTheReturns) {
    AuditCycle c;
    c.id = AuditCycleId{9};
    c.scale = GradeScale::rag;
    c.standards = {{"1", "Leadership", ""}, {"5", "Safer recruitment", ""}};
    c.invited = {AgencyId{1}, AgencyId{2}, AgencyId{3}, AgencyId{7}};
    const std::vector<School> reg{school(1, SchoolPhase::primary, SchoolDuty::section_175), school(2, SchoolPhase::primary, SchoolDuty::section_175),
                                  school(3, SchoolPhase::secondary, SchoolDuty::section_175)};
    auto ret = [&](std::int64_t agency, ReturnStatus status, const char* g1, const char* g5) {
        AuditReturn r;
        r.cycle = c.id;
        r.agency = AgencyId{agency};
        r.status = status;
        r.answers = {{"1", g1}, {"5", g5}};
        return r;
    };
    std::vector<AuditReturn> returns{ret(1, ReturnStatus::submitted, "green", "amber"), ret(2, ReturnStatus::submitted, "green", "green"),
                                     ret(3, ReturnStatus::draft, "red", "red"), ret(7, ReturnStatus::submitted, "red", "red")};
    returns[1].answers[1].moderated_grade = "red";  // the business unit's grade counts
    const auto phases = results_by_phase(c, returns, reg);
    ASSERT_EQ(phases.size(), 2u) << "agency 7 is not a school, so no phase of its own";
    EXPECT_EQ(phases[0].phase, SchoolPhase::primary);
    EXPECT_EQ(phases[0].invited, 2);
    EXPECT_EQ(phases[0].submitted, 2);
    EXPECT_EQ(phases[0].with_gaps, 2);
    EXPECT_EQ(phases[0].standards.at(1).gaps, 2);
    EXPECT_EQ(phases[0].standards.at(0).gaps, 0);
    EXPECT_EQ(phases[0].completion(), 1.0);
    EXPECT_EQ(phases[1].phase, SchoolPhase::secondary);
    EXPECT_EQ(phases[1].invited, 1);
    EXPECT_EQ(phases[1].submitted, 0) << "a draft is not counted";
    EXPECT_EQ(phases[1].completion(), 0.0);
    EXPECT_FALSE(PhaseResult{}.completion()) << "none invited";
    EXPECT_EQ(phases[1].standards.at(0).graded, 0);
}
