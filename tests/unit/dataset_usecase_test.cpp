// Importing the dataset's files and reading the scorecard, on a real SQLite store: all or
// nothing unless the valid rows are accepted, a second import replacing the first (audited,
// no child twice), the child's id never stored, and the figures read back from the records.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/dataset.hpp"
#include "app/dataset_cin_rules.hpp"
#include "app/ports/dataset_cin.hpp"
#include "fakes/fakes.hpp"

namespace assure {
namespace {

using testing::World;

const std::string kHeader =
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    "LA0001,1,15/06/2008,WBRI,A123,,\n"
    "LA0002,2,03/02/2010,WBRI,,,\n";

const std::string kEpisodesHeading = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

ImportReport import(World& w, Role role, const std::string& kind, const std::string& period, const std::string& csv, bool accept = false) {
    return import_dataset_file(w.services, w.as(role), ImportRequest{kind, period, kind + ".csv", csv, accept});
}

const ScorecardLine& line(const Scorecard& card, const std::string& code) {
    const auto it = std::find_if(card.lines.begin(), card.lines.end(), [&](const auto& l) { return l.definition.code == code; });
    if (it == card.lines.end()) throw std::runtime_error("no line " + code);
    return *it;
}

TEST(DatasetImportUseCase, AHeaderIsSavedWithTheChildsIdReplacedAndTheDayOfBirthDropped) {
    World w;
    const auto r = import(w, Role::business_unit, "ssda903-header", "2016-17", kHeader);
    EXPECT_TRUE(r.saved);
    EXPECT_EQ(r.rows_read, 2);
    EXPECT_EQ(r.rows_saved, 2);
    EXPECT_TRUE(r.changes.first);
    const auto kids = w.read([&](Transaction& tx) { return tx.dataset().children(w.partnership, 2016); });
    ASSERT_EQ(kids.size(), 2u);
    for (const auto& k : kids) {
        EXPECT_EQ(k.child.find("LA000"), std::string::npos) << "the local authority's id is stored";
        EXPECT_FALSE(k.child.empty());
    }
    EXPECT_EQ(w.last_audit().action, "dataset.import");
    EXPECT_EQ(w.last_audit().after_json.find("LA000"), std::string::npos);
}

TEST(DatasetImportUseCase, TheSameChildGetsTheSameDigestInEveryFileButNotInAnotherPartnership) {
    World w;
    import(w, Role::business_unit, "ssda903-header", "2016-17", kHeader);
    const auto r = import(w, Role::business_unit, "ssda903-episodes", "2016-17", kEpisodesHeading + "LA0001,01/05/2016,S,C2,N1,U1,PR1,,,,,,\n");
    EXPECT_TRUE(r.saved) << (r.refused.empty() ? "" : r.refused[0].reason);
    const auto kids = w.read([&](Transaction& tx) { return tx.dataset().children(w.partnership, 2016); });
    const auto eps = w.read([&](Transaction& tx) { return tx.dataset().episodes(w.partnership, 2016); });
    ASSERT_EQ(eps.size(), 1u);
    EXPECT_TRUE(std::any_of(kids.begin(), kids.end(), [&](const auto& k) { return k.child == eps[0].child; }));
    const std::string here = w.sealer.keyed_digest("dataset-child:" + w.partnership.str(), "LA0001");
    const std::string there = w.sealer.keyed_digest("dataset-child:" + std::to_string(w.partnership.value + 1), "LA0001");
    EXPECT_EQ(eps[0].child, here);
    EXPECT_NE(here, there);
}

TEST(DatasetImportUseCase, ARefusedRowSavesNothingUnlessTheValidRowsAreAccepted) {
    World w;
    import(w, Role::business_unit, "ssda903-header", "2016-17", kHeader);
    const std::size_t audits = w.audit_count();
    const std::string csv = kEpisodesHeading +
                            "LA0001,01/05/2016,S,C2,N1,U1,PR1,,,,,,\n"
                            "LA0002,30/02/2017,S,C2,N1,U1,PR1,,,,,,\n"          // no such date
                            "LA0002,01/06/2016,S,C2,N1,U1,PR1,01/05/2016,E11,,,,\n"  // ends before it starts
                            "LA0099,01/06/2016,S,C2,N1,U1,PR1,,,,,,\n";        // no header row
    const auto refused = import(w, Role::business_unit, "ssda903-episodes", "2016-17", csv);
    EXPECT_FALSE(refused.saved);
    EXPECT_EQ(refused.rows_read, 4);
    EXPECT_EQ(refused.rows_valid, 1);
    EXPECT_EQ(refused.rows_saved, 0);
    ASSERT_EQ(refused.refused.size(), 3u);
    EXPECT_EQ(refused.refused[0].line, 3);
    EXPECT_EQ(refused.refused[1].line, 4);
    EXPECT_EQ(refused.refused[2].line, 5);
    EXPECT_EQ(refused.refused[2].column, "CHILD");
    EXPECT_NE(refused.refused[2].reason.find("header"), std::string::npos);
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.dataset().episodes(w.partnership, 2016); }).empty());
    EXPECT_EQ(w.audit_count(), audits);

    const auto accepted = import(w, Role::business_unit, "ssda903-episodes", "2016-17", csv, true);
    EXPECT_TRUE(accepted.saved);
    EXPECT_EQ(accepted.rows_saved, 1);
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.dataset().episodes(w.partnership, 2016); }).size(), 1u);
}

TEST(DatasetImportUseCase, AFileOfTheWrongKindIsRefusedWhateverIsAccepted) {
    World w;
    const auto r = import(w, Role::business_unit, "ssda903-header", "2016-17", "year,children\n2016,32486\n", true);
    EXPECT_FALSE(r.saved);
    EXPECT_TRUE(r.file_refused);
    EXPECT_NE(r.refused.at(0).reason.find("CHILD"), std::string::npos);
}

TEST(DatasetImportUseCase, ASecondImportOfThePeriodReplacesTheFirstAndSaysWhatChanged) {
    World w;
    const auto first = import(w, Role::business_unit, "ssda903-header", "2016-17", kHeader);
    const auto second = import(w, Role::business_unit, "ssda903-header", "2016-17",
                               "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                               "LA0001,1,15/06/2008,WBRI,A123,,\n"
                               "LA0003,1,01/01/2011,WBRI,,,\n");
    EXPECT_TRUE(second.saved);
    EXPECT_FALSE(second.changes.first);
    EXPECT_EQ(second.changes.unchanged, 1);
    EXPECT_EQ(second.changes.added, 1);
    EXPECT_EQ(second.changes.removed, 1);
    EXPECT_EQ(*second.replaces, *first.id);
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.dataset().children(w.partnership, 2016); }).size(), 2u);  // not 4
    const auto audit = w.last_audit();
    EXPECT_EQ(audit.action, "dataset.import.replace");
    EXPECT_NE(audit.before_json.find(first.id->str()), std::string::npos);
    // Another year is another period: nothing of 2016-17 is replaced.
    import(w, Role::business_unit, "ssda903-header", "2015-16", kHeader);
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.dataset().children(w.partnership, 2016); }).size(), 2u);
}

TEST(DatasetImportUseCase, OnlyTheBusinessUnitImports) {
    World w;
    for (const Role role : {Role::administrator, Role::partner_lead, Role::agency_lead, Role::read_only}) {
        try {
            import(w, role, "population", "", "year,children\n2016,32486\n");
            ADD_FAILURE() << "imported as " << role_key(role);
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::forbidden);
        }
    }
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.dataset().population(w.partnership); }).empty());
}

TEST(DatasetImportUseCase, AnUnknownKindOrAQuarterForAnExtractIsAFieldError) {
    World w;
    try {
        import(w, Role::business_unit, "ssda903-reviews", "2016-17", "x");
        ADD_FAILURE();
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "kind");
    }
    try {
        import(w, Role::business_unit, "ssda903-header", "2016-17-Q1", kHeader);
        ADD_FAILURE();
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "period");
    }
}

TEST(DatasetScorecardUseCase, FiguresComeFromTheRecordsTheReturnsAndThePopulation) {
    World w;
    import(w, Role::business_unit, "population", "", "year,children\n2016,20000\n");
    import(w, Role::business_unit, "ssda903-header", "2016-17", kHeader);
    import(w, Role::business_unit, "ssda903-episodes", "2016-17",
           kEpisodesHeading + "LA0001,01/05/2016,S,C2,N1,U1,PR1,,,,,,\nLA0002,01/05/2016,S,C2,N1,U1,PR1,01/08/2016,E11,,,,\n");
    import(w, Role::business_unit, "missing", "2016-17",
           "CHILD,DOB,MISSING,MIS_START,MIS_END\nLA0001,,M,01/06/2016,02/06/2016\nX9,,M,01/07/2016,\nX9,,M,01/10/2016,\n");
    import(w, Role::business_unit, "indicator-values", "", "code,period,value,numerator,denominator\ncp_plans,2016-17-Q4,22,,\n");
    const auto card = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), true);
    EXPECT_EQ(card.period.key(), "2016-17");
    EXPECT_EQ(*line(card, "cla").value.value, 1);
    EXPECT_DOUBLE_EQ(*line(card, "cla_rate").value.value, 0.5);
    EXPECT_EQ(*line(card, "missing_children").value.value, 2);
    EXPECT_EQ(*line(card, "missing_cla_children").value.value, 1);
    EXPECT_DOUBLE_EQ(*line(card, "cp_rate").value.value, 11.0);  // 22 of 20,000
    EXPECT_EQ(line(card, "cla").trend.size(), 5u);
    EXPECT_EQ(line(card, "cla_rate").rag, Rag::green);  // 0.5 against a target of 95 or lower
    const auto q2 = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q2"), false);
    EXPECT_EQ(*line(q2, "cla").value.value, 1);
    EXPECT_EQ(*line(q2, "cla").previous, 2);
    EXPECT_EQ(line(q2, "cla").travel, Travel::down);
}

TEST(DatasetScorecardUseCase, TheCatalogueIsAdoptedWithTheFirstImportAndAudited) {
    World w;
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.dataset().catalogue(w.partnership); }).empty());
    import(w, Role::business_unit, "population", "", "year,children\n2016,20000\n");
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.dataset().catalogue(w.partnership); }).size(), default_indicator_catalogue().size());
    const auto actions = w.audit_actions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), "dataset.catalogue.adopt"), actions.end());
}

// A census of two children for 2016/17: one on a neglect plan at the year's end after a
// referral in May, one whose emotional abuse plan ended in the autumn.
std::string census(const std::string& second_plan_end = "2016-11-30", const std::string& reference = "2017-03-31") {
    return "<Message><Header><CollectionDetails><ReferenceDate>" + reference + "</ReferenceDate></CollectionDetails></Header><Children>\n"
           "<Child><ChildIdentifiers><LAchildID>LA0001</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2016-05-03</CINreferralDate>"
           "<ChildProtectionPlans><CPPstartDate>2016-06-01</CPPstartDate><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse></ChildProtectionPlans>"
           "</CINdetails></Child>\n"
           "<Child><ChildIdentifiers><LAchildID>LA0002</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2016-04-20</CINreferralDate>"
           "<ChildProtectionPlans><CPPstartDate>2016-05-01</CPPstartDate><CPPendDate>" + second_plan_end + "</CPPendDate>"
           "<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse></ChildProtectionPlans></CINdetails></Child>\n"
           "</Children></Message>\n";
}

TEST(DatasetImportUseCase, TheCinCensusIsSavedChildByChildUnderTheDigestAndItsFiguresOutrankTheReturn) {
    World w;
    import(w, Role::business_unit, "indicator-values", "", "code,period,value,numerator,denominator\ncp_plans,2016-17-Q4,22,,\nreferrals,2016-17,900,,\n");
    const auto returned = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), false);
    EXPECT_EQ(*line(returned, "cp_plans").value.value, 22);
    EXPECT_EQ(line(returned, "cp_plans").value.origin, IndicatorValue::Origin::returns);
    const auto r = import(w, Role::business_unit, "cin-census", "2016-17", census());
    ASSERT_TRUE(r.saved);
    EXPECT_EQ(r.rows_read, 2);
    EXPECT_EQ(r.rows_saved, 2);
    EXPECT_TRUE(r.changes.first);
    EXPECT_EQ(w.last_audit().action, "dataset.import");
    EXPECT_EQ(w.last_audit().after_json.find("LA000"), std::string::npos);
    const auto plans = w.read([&](Transaction& tx) { return dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().census(w.partnership, 2016).plans; });
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].child.find("LA000"), std::string::npos);

    const auto card = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), false);
    EXPECT_EQ(*line(card, "cp_plans").value.value, 1) << "the census's one plan at the year's end, not the return's 22";
    EXPECT_EQ(line(card, "cp_plans").value.origin, IndicatorValue::Origin::records);
    EXPECT_EQ(line(card, "cla").value.origin, IndicatorValue::Origin::none) << "no figure, so from nowhere";
    EXPECT_EQ(*line(card, "referrals").value.value, 2);
    EXPECT_EQ(*line(card, "cp_category_neg").value.value, 100.0);
    EXPECT_EQ(*line(card, "cp_ended").value.value, 1);
    EXPECT_TRUE(std::find(card.periods.begin(), card.periods.end(), DatasetPeriod{2016, 0}) != card.periods.end());

    // Imported again with the second child's plan still open: one child changed.
    const auto again = import(w, Role::business_unit, "cin-census", "2016-17", census("2017-04-30"));
    ASSERT_TRUE(again.saved);
    EXPECT_EQ(again.changes.added, 1);
    EXPECT_EQ(again.changes.removed, 1);
    EXPECT_EQ(again.changes.unchanged, 1);
    EXPECT_EQ(w.last_audit().action, "dataset.import.replace");
    const auto after = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), false);
    EXPECT_EQ(*line(after, "cp_plans").value.value, 2);
}

TEST(DatasetScorecardUseCase, ACensusYearsRatioWithNothingToCountShowsNoFigureNotTheReturns) {
    World w;
    // The return says 1 of 4 plans ended in the first quarter lasted two years; the census has no
    // plan ending then (its one ended plan ends in November).
    import(w, Role::business_unit, "indicator-values", "", "code,period,value,numerator,denominator\ncp_two_years_plus,2016-17-Q1,,1,4\n");
    EXPECT_EQ(*line(read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q1"), false), "cp_two_years_plus").value.value, 25.0);
    ASSERT_TRUE(import(w, Role::business_unit, "cin-census", "2016-17", census()).saved);
    const auto q1 = line(read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q1"), false), "cp_two_years_plus");
    EXPECT_FALSE(q1.value.value);
    EXPECT_EQ(q1.value.denominator, 0);
    const auto q3 = line(read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q3"), false), "cp_two_years_plus");
    EXPECT_EQ(q3.value.value, 0.0);  // the plan ended in November after seven months
    EXPECT_EQ(q3.value.origin, IndicatorValue::Origin::records);
}

TEST(DatasetImportUseCase, ACensusWithARefusedChildOrOfAnotherYearSavesNothing) {
    World w;
    const std::size_t audits = w.audit_count();
    const auto bad = import(w, Role::business_unit, "cin-census", "2016-17", census("2016-02-30"));
    EXPECT_FALSE(bad.saved);
    ASSERT_EQ(bad.refused.size(), 1u);
    EXPECT_EQ(bad.refused[0].line, 3);
    EXPECT_NE(bad.refused[0].reason.find("CPPendDate \"2016-02-30\""), std::string::npos) << bad.refused[0].reason;
    const auto other_year = import(w, Role::business_unit, "cin-census", "2016-17", census("2016-11-30", "2018-03-31"));
    EXPECT_FALSE(other_year.saved);
    EXPECT_TRUE(other_year.file_refused);
    EXPECT_EQ(w.audit_count(), audits);
    EXPECT_TRUE(w.read([&](Transaction& tx) { return dynamic_cast<DatasetCinTransaction&>(tx).dataset_cin().census(w.partnership, 2016).empty(); }));
    // The valid child is kept when the valid rows are accepted.
    const auto accepted = import(w, Role::business_unit, "cin-census", "2016-17", census("2016-02-30"), true);
    EXPECT_TRUE(accepted.saved);
    EXPECT_EQ(accepted.rows_saved, 1);
}

TEST(DatasetImportUseCase, AServerThatCannotReadXmlSaysSoForTheCensus) {
    World w;
    w.services.xml = nullptr;
    try {
        import(w, Role::business_unit, "cin-census", "2016-17", census());
        FAIL() << "imported without an XML reader";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
    }
}


TEST(DatasetImportUseCase, APartnershipsCensusRulesCountItsFiguresAndAreCheckedAndAudited) {
    World w;
    ASSERT_TRUE(import(w, Role::business_unit, "cin-census", "2016-17", census()).saved);
    const CinRulesView first = read_cin_rules(w.services, w.as(Role::read_only));
    EXPECT_TRUE(first.defaults);
    EXPECT_EQ(first.rules, CinRules{});
    EXPECT_FALSE(first.may_change);
    auto long_plans = [&] {
        return line(read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), false), "cp_two_years_plus").value;
    };
    EXPECT_EQ(long_plans().numerator, 0) << "the emotional abuse plan lasted seven months, not 24";
    EXPECT_EQ(long_plans().denominator, 1);

    // Wrong numbers are each named, and nothing is saved.
    try {
        set_cin_rules(w.services, w.as(Role::business_unit),
                      {{"assessment_working_days", "0"}, {"conference_working_days", "ten"}, {"re_referral_months", "13"}});
        ADD_FAILURE() << "refused";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 4u);
        EXPECT_EQ(f.fields()[0].field, "assessment_working_days");
        EXPECT_EQ(f.fields()[0].message, "Enter working days from a referral to its assessment's authorisation as a whole number from 1 to 200");
        EXPECT_EQ(f.fields()[3].field, "long_plan_months");
    }
    EXPECT_TRUE(read_cin_rules(w.services, w.as(Role::read_only)).defaults);
    EXPECT_THROW(set_cin_rules(w.services, w.as(Role::member), {}), Failure);

    const std::map<std::string, std::string> six_months{
        {"assessment_working_days", "45"}, {"conference_working_days", "15"}, {"re_referral_months", "12"}, {"long_plan_months", " 6 "}};
    EXPECT_EQ(set_cin_rules(w.services, w.as(Role::business_unit), six_months).long_plan_months, 6);
    EXPECT_EQ(w.last_audit().action, "dataset.cin_rules");
    EXPECT_NE(w.last_audit().before_json.find("\"long_plan_months\":24"), std::string::npos);
    EXPECT_NE(w.last_audit().after_json.find("\"long_plan_months\":6"), std::string::npos);
    EXPECT_EQ(long_plans().numerator, 1) << "seven months is now a long plan";
    const CinRulesView now = read_cin_rules(w.services, w.as(Role::business_unit));
    EXPECT_FALSE(now.defaults);
    EXPECT_TRUE(now.may_change);
    const auto last = w.last_audit().id;
    set_cin_rules(w.services, w.as(Role::business_unit), six_months);
    EXPECT_EQ(w.last_audit().id, last) << "the same rules again change nothing";
}

}  // namespace
}  // namespace assure

namespace assure {
namespace {

// Files large enough to be read in pieces on the machine's threads (from 1 MiB), and a year
// large enough for its two computations to run at once: what is refused, saved and counted is
// what the files say, line by line.
TEST(DatasetImportUseCase, LargeFilesAreReadInPiecesWithTheirLinesAndCountedWhole) {
    World w;
    // 60,000 missing episodes of 60,000 children, 15,000 a quarter; line 45,002 a date that is not.
    std::string missing = "CHILD,DOB,MISSING,MIS_START,MIS_END\n";
    const char* starts[] = {"10/05/2016", "10/08/2016", "10/11/2016", "10/02/2017"};
    for (int i = 0; i < 60000; ++i) missing += "LA" + std::to_string(100000 + i) + ",,M," + (i == 45000 ? "31/11/2016" : starts[i % 4]) + ",\n";
    ASSERT_GT(missing.size(), 1u << 20);
    const auto refused = import(w, Role::business_unit, "missing", "2016-17", missing);
    EXPECT_FALSE(refused.saved);
    ASSERT_EQ(refused.refused.size(), 1u);
    EXPECT_EQ(refused.refused[0].line, 45002);
    EXPECT_EQ(refused.refused[0].column, "MIS_START");
    const auto accepted = import(w, Role::business_unit, "missing", "2016-17", missing, true);
    ASSERT_TRUE(accepted.saved);
    EXPECT_EQ(accepted.rows_read, 60000);
    EXPECT_EQ(accepted.rows_saved, 59999);

    // A census of 8,000 children, each with a plan open at the year's end, every fourth emotional abuse.
    std::string xml = "<Message><Header><CollectionDetails><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header><Children>\n";
    for (int i = 0; i < 8000; ++i) {
        xml += "<Child>\n<ChildIdentifiers><LAchildID>LA" + std::to_string(200000 + i) +
               "</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2010-05-01</PersonBirthDate></ChildIdentifiers>\n"
               "<CINdetails><CINreferralDate>2016-05-03</CINreferralDate><ReferralNFA>false</ReferralNFA>\n"
               "<ChildProtectionPlans><CPPstartDate>2016-06-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>" +
               (i % 4 == 0 ? "EMO" : "NEG") + "</LatestCategoryOfAbuse></ChildProtectionPlans>\n</CINdetails>\n</Child>\n";
    }
    xml += "</Children></Message>\n";
    ASSERT_GT(xml.size(), 1u << 20);
    const auto census = import(w, Role::business_unit, "cin-census", "2016-17", xml);
    ASSERT_TRUE(census.saved) << (census.refused.empty() ? "" : census.refused.front().reason);
    EXPECT_EQ(census.rows_saved, 8000);

    const auto card = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17"), false);
    EXPECT_EQ(*line(card, "missing_children").value.value, 59999);
    EXPECT_EQ(*line(card, "missing_episodes").value.value, 59999);
    EXPECT_EQ(*line(card, "cp_plans").value.value, 8000);
    EXPECT_EQ(*line(card, "cp_category_emo").value.value, 25.0);
    const auto q1 = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q1"), false);
    EXPECT_EQ(*line(q1, "missing_children").value.value, 14999) << "the refused row was the first quarter's";
    const auto q3 = read_scorecard(w.services, w.as(Role::read_only), DatasetPeriod::parse("2016-17-Q3"), false);
    EXPECT_EQ(*line(q3, "missing_children").value.value, 15000);
}

}  // namespace
}  // namespace assure
