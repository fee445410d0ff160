// The risk register's and escalations' rules, with no store: scores and bands under default
// and changed thresholds, the heat map's grid, what a risk and an escalation must keep (each
// refusal naming its field), stage deadlines in working days, and how counts become figures.
#include <gtest/gtest.h>

#include "core/registers_risks.hpp"

using namespace assure;

namespace {

const Date kToday{2017, 6, 1};

Date d(const char* iso) { return *Date::parse(iso); }

std::vector<std::string> fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

Risk risk() {
    Risk r;
    r.title = "Partner contributions not agreed for next year";
    r.cause = "Budgets of the three partners are set late";
    r.effect = "The business unit cannot plan reviews and training";
    r.owner = PersonId{3};
    r.likelihood_before = 4;
    r.impact_before = 4;
    r.likelihood_after = 2;
    r.impact_after = 4;
    r.raised_on = d("2017-04-10");
    r.review_on = d("2017-07-10");
    return r;
}

Escalation escalation() {
    Escalation e;
    e.reference = "ESC-2016-07";
    e.raised_by = AgencyId{1};
    e.raised_by_role = "Health visitor";
    e.agencies = {AgencyId{2}};
    e.concern = "Threshold for a child protection strategy discussion";
    e.stage_on[0] = d("2017-01-09");  // a Monday
    return e;
}

}  // namespace

TEST(RiskScores, AreLikelihoodTimesImpactAndBandedByTheDefaultThresholds) {
    const RegisterRules rules;
    const Risk r = risk();
    EXPECT_EQ(score_before(r), 16);
    EXPECT_EQ(score_after(r), 8);
    EXPECT_EQ(band_of(4, rules), RiskBand::low);
    EXPECT_EQ(band_of(5, rules), RiskBand::medium);
    EXPECT_EQ(band_of(9, rules), RiskBand::medium);
    EXPECT_EQ(band_of(10, rules), RiskBand::high);
    EXPECT_EQ(band_of(15, rules), RiskBand::high);
    EXPECT_EQ(band_of(16, rules), RiskBand::very_high);
    EXPECT_EQ(band_scores(RiskBand::high, rules), (std::pair<int, int>{10, 15}));
    EXPECT_EQ(band_scores(RiskBand::very_high, rules), (std::pair<int, int>{16, 25}));
}

TEST(RiskScores, FollowThePartnershipsThresholds) {
    RegisterRules rules;
    rules.risk_medium_from = 4;
    rules.risk_high_from = 8;
    rules.risk_very_high_from = 20;
    EXPECT_EQ(band_of(4, rules), RiskBand::medium);
    EXPECT_EQ(band_of(16, rules), RiskBand::high);
    EXPECT_EQ(band_scores(RiskBand::low, rules), (std::pair<int, int>{1, 3}));
    EXPECT_TRUE(validate_register_rules(rules).empty());
    rules.risk_high_from = 20;
    EXPECT_EQ(fields(validate_register_rules(rules)), std::vector<std::string>{"risk_medium_from"}) << "high must start below very high";
}

TEST(RiskRules, ALikelihoodOutsideOneToFiveIsRefusedNamingTheField) {
    Risk r = risk();
    r.likelihood_before = 6;
    EXPECT_EQ(fields(validate_risk(r, kToday)), std::vector<std::string>{"likelihood_before"});
    r.likelihood_before = 4;
    r.impact_after = 0;
    EXPECT_EQ(fields(validate_risk(r, kToday)), std::vector<std::string>{"impact_after"});
    EXPECT_TRUE(validate_risk(risk(), kToday).empty());
}

TEST(RiskRules, ControlsCannotRaiseTheScoreAndDatesKeepTheirOrder) {
    Risk r = risk();
    r.likelihood_after = 5;
    r.impact_after = 5;
    EXPECT_EQ(fields(validate_risk(r, kToday)), std::vector<std::string>{"likelihood_after"});
    r = risk();
    r.review_on = d("2017-04-01");
    r.status = RiskStatus::closed;
    EXPECT_EQ(fields(validate_risk(r, kToday)), (std::vector<std::string>{"review_on", "closed_on"}));
    r = risk();
    r.closed_on = d("2017-05-01");
    EXPECT_EQ(fields(validate_risk(r, kToday)), std::vector<std::string>{"closed_on"}) << "an open risk has no closing date";
    r = risk();
    r.escalated_on = d("2017-06-02");
    r.owner = PersonId{};
    r.title = "";
    EXPECT_EQ(fields(validate_risk(r, kToday)), (std::vector<std::string>{"title", "owner", "escalated_on"}));
    r = risk();
    r.actions = {ImprovementId{4}, ImprovementId{4}};
    EXPECT_EQ(fields(validate_risk(r, kToday)), std::vector<std::string>{"actions"});
}

TEST(RiskRules, AReviewIsOverdueOnlyAfterItsDayAndOnlyWhileOpen) {
    Risk r = risk();
    EXPECT_FALSE(review_overdue(r, d("2017-07-10")));
    EXPECT_TRUE(review_overdue(r, d("2017-07-11")));
    r.status = RiskStatus::closed;
    EXPECT_FALSE(review_overdue(r, d("2017-07-11")));
}

TEST(RiskHeatMap, IsFiveRowsFromImpactFiveDownWithEveryCellCountedAndBanded) {
    const auto rows = heat_map({{{2, 4}, 3}, {{5, 5}, 1}}, RegisterRules{});
    ASSERT_EQ(rows.size(), 5u);
    for (const auto& row : rows) EXPECT_EQ(row.size(), 5u);
    EXPECT_EQ(rows[0][0].impact, 5);
    EXPECT_EQ(rows[0][4].risks, 1);
    EXPECT_EQ(rows[0][4].band, RiskBand::very_high);
    EXPECT_EQ(rows[1][1].likelihood, 2);
    EXPECT_EQ(rows[1][1].impact, 4);
    EXPECT_EQ(rows[1][1].risks, 3);
    EXPECT_EQ(rows[1][1].band, RiskBand::medium);
    EXPECT_EQ(rows[4][0].score, 1);
    EXPECT_EQ(rows[4][0].risks, 0);
}

TEST(RiskFigures, BandTheOpenRisksScoresUnderTheRules) {
    RiskCounts c;
    c.open_at_year_end = 4;
    c.open_by_score_before = {{20, 2}, {12, 1}, {4, 1}};
    c.open_by_score_after = {{8, 3}, {2, 1}};
    const auto f = risk_figures(FinancialYear{2016}, c, RegisterRules{});
    ASSERT_EQ(f.by_band_before.size(), 4u);
    EXPECT_EQ(f.by_band_before[3], (std::pair<RiskBand, int>{RiskBand::very_high, 2}));
    EXPECT_EQ(f.by_band_before[2].second, 1);
    EXPECT_EQ(f.by_band_before[0].second, 1);
    EXPECT_EQ(f.by_band_after[1], (std::pair<RiskBand, int>{RiskBand::medium, 3}));
    EXPECT_EQ(f.by_band_after[0].second, 1);
}

TEST(EscalationRules, StagesAreReachedInOrderAndAClosedOneHasItsDate) {
    EXPECT_TRUE(validate_escalation(escalation(), kToday).empty());
    Escalation e = escalation();
    e.stage_on[2] = d("2017-02-01");
    EXPECT_EQ(fields(validate_escalation(e, kToday)), std::vector<std::string>{"stage3_on"}) << "stage 3 without stage 2";
    e = escalation();
    e.stage_on[1] = d("2017-01-05");
    EXPECT_EQ(fields(validate_escalation(e, kToday)), std::vector<std::string>{"stage2_on"}) << "before stage 1";
    e = escalation();
    e.outcome = EscalationOutcome::resolved;
    EXPECT_EQ(fields(validate_escalation(e, kToday)), std::vector<std::string>{"closed_on"});
    e.closed_on = d("2017-01-06");
    EXPECT_EQ(fields(validate_escalation(e, kToday)), std::vector<std::string>{"closed_on"}) << "closed before it was raised";
    e = escalation();
    e.agencies = {AgencyId{1}};
    e.reference = "";
    EXPECT_EQ(fields(validate_escalation(e, kToday)), (std::vector<std::string>{"reference", "agencies"}));
}

TEST(EscalationTimescales, EachStageHasItsWorkingDaysAndIsLateWhenItEndsAfterThem) {
    const WorkingCalendar calendar;
    RegisterRules rules;  // 5, 5, 10, 20 working days
    Escalation e = escalation();
    e.stage_on[1] = d("2017-01-16");  // stage 1 ran Monday 9 to Monday 16: its fifth working day
    e.stage_on[2] = d("2017-01-24");  // stage 2 from Monday 16: due Monday 23, so a day late
    derive_timescales(e, rules, calendar);
    EXPECT_EQ(e.stage_due[0], d("2017-01-16"));
    EXPECT_EQ(e.stage_late[0], false);
    EXPECT_EQ(e.stage_due[1], d("2017-01-23"));
    EXPECT_EQ(e.stage_late[1], true);
    EXPECT_EQ(e.stage_due[2], d("2017-02-07"));
    EXPECT_EQ(e.stage_late[2], std::nullopt) << "stage 3 is current";
    EXPECT_EQ(stage_of(e), 3);
    EXPECT_FALSE(escalation_overdue(e, d("2017-02-07")));
    EXPECT_TRUE(escalation_overdue(e, d("2017-02-08")));
    e.outcome = EscalationOutcome::resolved;
    e.closed_on = d("2017-02-03");
    derive_timescales(e, rules, calendar);
    EXPECT_EQ(e.stage_late[2], false);
    EXPECT_FALSE(escalation_overdue(e, d("2017-03-01")));
    rules.escalation_stage3_working_days = 2;
    derive_timescales(e, rules, calendar);
    EXPECT_EQ(e.stage_late[2], true) << "the partnership's own timescale";
}

TEST(EscalationFigures, StagesShareOnTimeOfThoseEndedAndAgenciesAreRankedByRaised) {
    EscalationCounts c;
    c.raised = 5;
    c.reached = {5, 3, 1, 0};
    c.resolved = {2, 2, 1, 0};
    c.ended = {5, 3, 1, 0};
    c.late = {1, 0, 1, 0};
    c.raised_by_agency = {{AgencyId{1}, 1}, {AgencyId{2}, 4}};
    c.involving_agency = {{AgencyId{1}, 4}, {AgencyId{3}, 2}};
    const auto f = escalation_figures(FinancialYear{2016}, c, {{AgencyId{1}, "Police"}, {AgencyId{2}, "Health"}, {AgencyId{3}, "Education"}});
    EXPECT_EQ(f.resolved, 5);
    ASSERT_EQ(f.stages.size(), 4u);
    EXPECT_EQ(f.stages[0].on_time_percent, 80);
    EXPECT_EQ(f.stages[2].on_time_percent, 0);
    EXPECT_EQ(f.stages[3].on_time_percent, std::nullopt);
    ASSERT_EQ(f.agencies.size(), 3u);
    EXPECT_EQ(f.agencies[0].name, "Health");
    EXPECT_EQ(f.agencies[1].name, "Police");
    EXPECT_EQ(f.agencies[1].involved, 4);
    EXPECT_EQ(f.agencies[2].name, "Education");
    EXPECT_EQ(f.agencies[2].raised, 0);
}
