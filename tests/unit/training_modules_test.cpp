// Online modules (issue 16 item 1): a module needs a title and an https link if any; the
// provider's report is read by its headings with either date style, every wrong row named and
// nothing read; the year's figures count applications by module and agency and practitioners
// once; and the use cases keep modules and enrolments, all or none, audited, for the business
// unit only.
#include <gtest/gtest.h>

#include "app/training_modules.hpp"
#include "core/training_modules.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

EnrolmentSheetContext context() {
    EnrolmentSheetContext c;
    c.modules = {{"hate crime", ModuleId{1}}, {"safer recruitment", ModuleId{2}}};
    c.agencies = {{"knowsley council", {AgencyId{10}, "Knowsley Council"}}, {"rxa", {AgencyId{11}, "Mersey Care NHS Foundation Trust"}}};
    return c;
}

ModuleEnrolment enrolment(std::int64_t module, const char* email, const char* agency, const char* applied, const char* started = nullptr,
                          const char* completed = nullptr) {
    ModuleEnrolment e;
    e.module = ModuleId{module};
    e.email = email;
    e.agency_name = agency;
    e.applied_on = d(applied);
    if (started) e.started_on = d(started);
    if (completed) e.completed_on = d(completed);
    return e;
}

OnlineModule module(std::int64_t id, const char* title, bool active = true) {
    OnlineModule m;
    m.id = ModuleId{id};
    m.title = title;
    m.active = active;
    return m;
}

}  // namespace

TEST(ModuleRules, AModuleNeedsATitleAndAnyLinkIsHttps) {
    FieldErrors e;
    EXPECT_FALSE(check_module({"  ", "Virtual College", "http://elearning.example", true}, e));
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].field, "title");
    EXPECT_EQ(e[1].field, "link");
    FieldErrors none;
    const auto m = check_module({" Hate Crime ", "", "", false}, none);
    ASSERT_TRUE(m);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(m->title, "Hate Crime");
    EXPECT_FALSE(m->active);
}

TEST(EnrolmentSheet, ReadsTheProvidersHeadingsBothDateStylesAndMatchesAgencies) {
    FieldErrors e;
    const auto rows = read_enrolment_sheet(
        "Learner Name,Email Address,Course Name,Employer,Date Applied,Date Started,Completion Date,Score\n"
        "Sam Carter,Sam.Carter@Example.org,Hate Crime,Knowsley Council,05/04/2016,06/04/2016,20/04/2016,88\n"
        "Jo Bloggs,jo@example.org,safer recruitment,RXA,2016-05-01,,\n"
        "Ali Khan,ali@example.org,Hate Crime,Locum agency,2016-06-01,,2016-06-09\n",
        context(), "file", e);
    ASSERT_TRUE(e.empty()) << e[0].message;
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].email, "sam.carter@example.org") << "a practitioner is their email, in any case";
    EXPECT_EQ(rows[0].module, ModuleId{1});
    EXPECT_EQ(rows[0].agency, AgencyId{10});
    EXPECT_EQ(rows[0].applied_on, d("2016-04-05"));
    EXPECT_EQ(rows[0].completed_on, d("2016-04-20"));
    EXPECT_EQ(stage_of(rows[0]), ModuleStage::completed);
    EXPECT_EQ(rows[1].module, ModuleId{2}) << "a title in any case";
    EXPECT_EQ(rows[1].agency, AgencyId{11}) << "an agency by its organisation code";
    EXPECT_EQ(rows[1].agency_name, "Mersey Care NHS Foundation Trust");
    EXPECT_EQ(stage_of(rows[1]), ModuleStage::applied);
    EXPECT_FALSE(rows[2].agency.valid());
    EXPECT_EQ(rows[2].agency_name, "Locum agency") << "an organisation that is no agency is kept as given";
    EXPECT_EQ(rows[2].started_on, d("2016-06-01")) << "completed, so started, on the day applied at the latest";
}

TEST(EnrolmentSheet, EveryWrongRowIsNamedAndNothingIsRead) {
    FieldErrors e;
    const auto rows = read_enrolment_sheet(
        "Module,Name,Email,Organisation,Applied,Started,Completed\n"
        "Hate Crime,Sam Carter,sam@example.org,,2016-04-05,,\n"
        "Prevent,Jo Bloggs,jo@example.org,,2016-04-05,,\n"
        "Hate Crime,Ali Khan,not-an-email,,2016-04-05,,\n"
        "Hate Crime,Lee Hunt,lee@example.org,,2016-04-05,2016-04-09,2016-04-07\n"
        "Hate Crime,Sam Carter,SAM@example.org,,2016-04-06,,\n"
        "Safer Recruitment,Kim Lowe,kim@example.org,,31/02/2016,,\n",
        context(), "file", e);
    EXPECT_TRUE(rows.empty());
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, "file");
    const std::string& m = e[0].message;
    EXPECT_EQ(m.find("Row 2"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 3: \"Prevent\" is not one of the partnership's online modules"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 4: \"not-an-email\" is not an email address"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 5: the date completed is before the date started"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 6: sam@example.org is on row 2 for the same module"), std::string::npos) << m;
    EXPECT_NE(m.find("Row 7: the date applied \"31/02/2016\" is not a real date"), std::string::npos) << m;
}

TEST(EnrolmentSheet, WithoutTheNeededHeadingsOrRowsItSaysWhatIsMissing) {
    FieldErrors e;
    EXPECT_TRUE(read_enrolment_sheet("Name,Email\nSam,sam@example.org\n", context(), "file", e).empty());
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].message.find("Module, Name, Email and Applied"), std::string::npos);
    FieldErrors empty;
    EXPECT_TRUE(read_enrolment_sheet("Module,Name,Email,Applied\n", context(), "file", empty).empty());
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_NE(empty[0].message.find("no enrolments"), std::string::npos);
}

TEST(ModuleFiguresRules, PractitionersCountOnceAndApplicationsByModuleAndAgency) {
    const std::vector<OnlineModule> modules{module(2, "Safer Recruitment"), module(1, "hate crime"), module(3, "Prevent"), module(4, "Withdrawn", false)};
    const std::vector<ModuleEnrolment> in{
        enrolment(1, "sam@example.org", "Knowsley Council", "2016-04-05", "2016-04-06", "2016-04-20"),
        enrolment(2, "sam@example.org", "Knowsley Council", "2016-09-01", "2016-09-02"),
        enrolment(2, "jo@example.org", "Mersey Care", "2017-03-31", "2017-04-02", "2017-04-10"),
        enrolment(1, "ali@example.org", "", "2016-12-01"),
        enrolment(1, "old@example.org", "Knowsley Council", "2016-03-31", "2016-03-31", "2016-04-01"),  // the year before
    };
    const ModuleFigures f = module_figures(FinancialYear{2016}, modules, in);
    EXPECT_EQ(f.practitioners_applied, 3) << "Sam applied twice and counts once";
    EXPECT_EQ(f.practitioners_completed, 2) << "Jo completed after the year ended: the application was in it";
    EXPECT_EQ(f.total.applied, 4);
    EXPECT_EQ(f.total.started, 3);
    EXPECT_EQ(f.total.completed, 2);
    EXPECT_EQ(f.total.completion_percent, 50);
    ASSERT_EQ(f.by_module.size(), 3u) << "by title; a withdrawn module nobody applied for is left out";
    EXPECT_EQ(f.by_module[0].name, "hate crime");
    EXPECT_EQ(f.by_module[0].module, ModuleId{1});
    EXPECT_EQ(f.by_module[0].applied, 2);
    EXPECT_EQ(f.by_module[1].name, "Prevent");
    EXPECT_EQ(f.by_module[1].applied, 0);
    EXPECT_FALSE(f.by_module[1].completion_percent) << "no rate of nothing";
    EXPECT_EQ(f.by_module[2].completion_percent, 50);
    ASSERT_EQ(f.by_agency.size(), 3u);
    EXPECT_EQ(f.by_agency[0].name, "Knowsley Council");
    EXPECT_EQ(f.by_agency[0].applied, 2);
    EXPECT_EQ(f.by_agency[1].name, "Mersey Care");
    EXPECT_EQ(f.by_agency[2].name, kNoOrganisationGiven) << "last";
}

class OnlineModules : public ::testing::Test {
protected:
    World w;
    Actor bu = w.as(Role::business_unit);
    std::string report(const std::string& rows) { return "Module,Name,Email,Organisation,Applied,Started,Completed\n" + rows; }
    int audit_rows(const char* action) {
        int n = 0;
        w.store.read([&](Transaction& tx) {
            AuditFilter f;
            f.partnership = w.partnership;
            f.action_prefix = action;
            n = tx.audit().count(f);
        });
        return n;
    }
};

TEST_F(OnlineModules, TheBusinessUnitAddsModulesAndImportsTheSameReportAgainAsItGrows) {
    w.clock.at = 1'496'275'200;  // 1 June 2017
    const OnlineModule hate = add_module(w.services, bu, {"Hate Crime", "Virtual College", "https://elearning.example/knowsley", true});
    add_module(w.services, bu, {"Safer Recruitment", "Virtual College", "", true});
    EXPECT_EQ(audit_rows("training_module.create"), 2);
    const std::string first = report("Hate Crime,Sam Carter,sam@example.org,,2016-04-05,2016-04-06,\nSafer Recruitment,Jo Bloggs,jo@example.org,,2016-05-01,,\n");
    const EnrolmentImport one = import_enrolments(w.services, bu, first);
    EXPECT_EQ(one.added, 2);
    const EnrolmentImport again = import_enrolments(w.services, bu,
                                                    report("Hate Crime,Sam Carter,sam@example.org,,2016-04-05,2016-04-06,2016-04-30\n"
                                                           "Safer Recruitment,Jo Bloggs,jo@example.org,,2016-05-01,,\n"
                                                           "Hate Crime,Ali Khan,ali@example.org,,2016-06-01,,\n"));
    EXPECT_EQ(again.added, 1);
    EXPECT_EQ(again.updated, 1) << "Sam completed since";
    EXPECT_EQ(again.unchanged, 1);
    EXPECT_EQ(audit_rows("module_enrolment.import"), 2);

    const ModuleList list = list_modules(w.services, w.as(Role::member), FinancialYear{2016});
    EXPECT_EQ(list.figures.practitioners_applied, 3);
    EXPECT_EQ(list.figures.practitioners_completed, 1);
    EXPECT_FALSE(list.may_manage);
    const ModuleView v = read_module(w.services, bu, hate.id, FinancialYear{2016}, PageRequest{1, ""});
    ASSERT_EQ(v.enrolments.items.size(), 1u);
    EXPECT_EQ(v.enrolments.items[0].name, "Ali Khan") << "by name";
    ASSERT_TRUE(v.enrolments.next);
    const ModuleView next = read_module(w.services, bu, hate.id, FinancialYear{2016}, PageRequest{1, *v.enrolments.next});
    ASSERT_EQ(next.enrolments.items.size(), 1u);
    EXPECT_EQ(next.enrolments.items[0].name, "Sam Carter");
    EXPECT_EQ(v.figures.total.applied, 2) << "this module's only";
}

TEST_F(OnlineModules, ARefusedReportADuplicateTitleAndAStaleChangeSaveNothing) {
    const OnlineModule hate = add_module(w.services, bu, {"Hate Crime", "", "", true});
    EXPECT_EQ(refusal_of([&] { add_module(w.services, bu, {"Hate Crime", "", "", true}); }), FailureCode::invalid);
    EXPECT_EQ(refusal_of([&] {
                  import_enrolments(w.services, bu, report("Hate Crime,Sam Carter,sam@example.org,,2016-04-05,,\nPrevent,Jo,jo@example.org,,2016-04-05,,\n"));
              }),
              FailureCode::invalid);
    EXPECT_EQ(list_modules(w.services, bu, FinancialYear{2016}).figures.total.applied, 0) << "all or none";
    EXPECT_EQ(audit_rows("module_enrolment.import"), 0);
    const OnlineModule renamed = update_module(w.services, bu, hate.id, {"Hate Crime Awareness", "", "", false}, hate.version);
    EXPECT_EQ(renamed.title, "Hate Crime Awareness");
    EXPECT_FALSE(renamed.active);
    EXPECT_EQ(refusal_of([&] { update_module(w.services, bu, hate.id, {"Hate Crime", "", "", true}, hate.version); }), FailureCode::conflict);
    EXPECT_EQ(audit_rows("training_module.update"), 1);
}

TEST_F(OnlineModules, OnlyTheBusinessUnitChangesModulesAndAnotherPartnershipsAreNotFound) {
    const OnlineModule hate = add_module(w.services, bu, {"Hate Crime", "", "", true});
    const Actor member = w.as(Role::member);
    EXPECT_EQ(refusal_of([&] { add_module(w.services, member, {"Prevent", "", "", true}); }), FailureCode::forbidden);
    EXPECT_EQ(refusal_of([&] { import_enrolments(w.services, member, report("Hate Crime,Sam,sam@example.org,,2016-04-05,,\n")); }), FailureCode::forbidden);
    const PartnershipId other = w.add_partnership("sefton", "Sefton SCP");
    const Actor theirs = w.add_user(w.add_person({PersonId{}, other, "Jo Pritchard", "Business manager", AgencyId{}, "jo@sefton.example"}), Role::business_unit, other);
    EXPECT_EQ(refusal_of([&] { read_module(w.services, theirs, hate.id, FinancialYear{2016}, PageRequest{}); }), FailureCode::not_found);
    EXPECT_TRUE(list_modules(w.services, theirs, FinancialYear{2016}).modules.empty());
}
