// The registers' use cases on the real store (a SQLite file per test) with a frozen clock: who
// may record and read, that bad input saves nothing, that every change is audited in its own
// shape, that every read of a restricted record is logged, and the figures a year gives.
#include <gtest/gtest.h>

#include "app/registers.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

LadoInput referral(const std::string& reference, const std::string& referred_on) {
    LadoInput in;
    in.adult_reference = reference;
    in.referred_on = referred_on;
    in.source = "employer";
    in.sector = "education";
    in.role = "Teacher";
    in.limbs = {"harmed", "offence"};
    return in;
}

std::vector<FieldError> refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        if (e.code() == FailureCode::invalid) return e.fields();
        ADD_FAILURE() << "refused, but not as invalid input: " << e.what();
        return {};
    }
    ADD_FAILURE() << "accepted";
    return {};
}

FailureCode failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "no failure";
    return FailureCode::unavailable;
}

std::vector<AccessEntry> reads(World& w) {
    w.store.access_log().flush();
    AccessQuery q;
    q.partnership = w.partnership;
    q.page.limit = PageRequest::max_limit;
    return w.read([&](Transaction& tx) { return tx.access_entries().query(q).items; });
}

}  // namespace

TEST(RegisterUseCases, AReferralIsRecordedWithAnAuditRowOfItsOwnShape) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto r = record_lado_referral(w.services, bu, referral("LADO-1", "2026-10-01"));
    EXPECT_TRUE(r.id.valid());
    const AuditEntry a = w.last_audit();
    EXPECT_EQ(a.action, "lado_referral.create");
    EXPECT_EQ(a.entity_type, "lado_referral");
    EXPECT_EQ(a.entity_id, r.id.str());
    EXPECT_EQ(a.before_json, "");
    EXPECT_NE(a.after_json.find("\"harm_test\":[\"harmed\",\"offence\"]"), std::string::npos) << a.after_json;
}

TEST(RegisterUseCases, AnOutcomeBeforeTheReferralIsRefusedAndNothingIsSaved) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto rows = w.audit_count();
    LadoInput in = referral("LADO-2", "2026-10-01");
    in.initial_considered_on = "2026-10-02";
    in.initial_outcome = "strategy_meeting";
    in.outcome = "substantiated";
    in.outcome_on = "2026-09-30";
    const auto errors = refusal([&] { record_lado_referral(w.services, bu, in); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "outcome_on");
    in.outcome = "proven";
    in.outcome_on = "2026-10-20";
    const auto unknown = refusal([&] { record_lado_referral(w.services, bu, in); });
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].field, "outcome");
    EXPECT_EQ(w.audit_count(), rows);
    EXPECT_TRUE(list_lado_referrals(w.services, bu, {}, {}).items.empty());
}

TEST(RegisterUseCases, AChangeAtAStaleVersionIsAConflictAndTheChangeIsAudited) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto r = record_lado_referral(w.services, bu, referral("LADO-3", "2026-10-01"));
    LadoInput in = referral("LADO-3", "2026-10-01");
    in.initial_considered_on = "2026-10-03";
    in.initial_outcome = "no_further_action";
    const auto changed = update_lado_referral(w.services, bu, r.id, r.version, in);
    EXPECT_EQ(changed.version, 2);
    EXPECT_EQ(standing_of(changed), LadoStanding::no_further_action);
    const AuditEntry a = w.last_audit();
    EXPECT_EQ(a.action, "lado_referral.update");
    EXPECT_NE(a.before_json.find("\"initial_outcome\":null"), std::string::npos) << a.before_json;
    EXPECT_NE(a.after_json.find("\"initial_outcome\":\"no_further_action\""), std::string::npos) << a.after_json;
    EXPECT_EQ(failure_of([&] { update_lado_referral(w.services, bu, r.id, r.version, in); }), FailureCode::conflict);
}

TEST(RegisterUseCases, OnlyTheBusinessUnitAndPartnerLeadsReadLadoAndEveryReadIsLogged) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto r = record_lado_referral(w.services, bu, referral("LADO-4", "2026-10-01"));
    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::read_only, Role::administrator}) {
        EXPECT_EQ(failure_of([&] { read_lado_referral(w.services, w.as(role), r.id); }), FailureCode::forbidden) << role_key(role);
    }
    EXPECT_EQ(failure_of([&] { record_lado_referral(w.services, w.as(Role::partner_lead), referral("X", "2026-10-01")); }),
              FailureCode::forbidden);
    const Actor lead = w.as(Role::partner_lead);
    read_lado_referral(w.services, lead, r.id);
    list_lado_referrals(w.services, lead, {}, {});
    lado_year_figures(w.services, lead, FinancialYear{2026});  // figures show no record: not logged
    const auto log = reads(w);
    ASSERT_EQ(log.size(), 2u);
    for (const auto& e : log) {
        EXPECT_EQ(e.actor, lead.user);
        EXPECT_EQ(e.record_type, "lado_referral");
        EXPECT_EQ(e.record_ids, std::vector<std::string>{r.id.str()});
    }
}

TEST(RegisterUseCases, LadoFiguresCountByReferralResolutionAndYearEnd) {
    World w;
    w.clock.at = 1'496'318'400;  // 2017-06-01, after the year
    const Actor bu = w.as(Role::business_unit);
    LadoInput nfa = referral("A", "2016-05-01");
    nfa.initial_considered_on = "2016-05-02";
    nfa.initial_outcome = "no_further_action";
    record_lado_referral(w.services, bu, nfa);
    LadoInput carried = referral("B", "2016-03-01");  // referred the year before, resolved in this one
    carried.initial_considered_on = "2016-03-02";
    carried.initial_outcome = "strategy_meeting";
    carried.outcome = "substantiated";
    carried.outcome_on = "2016-07-15";
    carried.training_needs = true;
    record_lado_referral(w.services, bu, carried);
    LadoInput open = referral("C", "2017-03-01");  // resolved after the year's end
    open.initial_considered_on = "2017-03-02";
    open.initial_outcome = "strategy_meeting";
    open.outcome = "false";
    open.outcome_on = "2017-04-10";
    record_lado_referral(w.services, bu, open);
    const auto f = lado_year_figures(w.services, bu, FinancialYear{2016});
    EXPECT_EQ(f.counts.referrals, 2);
    EXPECT_EQ(f.counts.no_further_action, 1);
    EXPECT_EQ(f.no_further_action_percent, 50);
    EXPECT_EQ(f.counts.substantiated, 1);
    EXPECT_EQ(f.counts.false_allegations, 0);
    EXPECT_EQ(f.counts.training_needs, 1);
    EXPECT_EQ(f.counts.continuing, 1);
    EXPECT_EQ(f.counts.resolved, 2);
    EXPECT_EQ(f.within_one_month.count, 1);
    EXPECT_EQ(f.within_one_month.percent, 50);
    EXPECT_EQ(f.within_one_month.target_percent, 80) << "the shipped default";
    EXPECT_EQ(f.within_twelve_months.count, 2);
}

TEST(RegisterUseCases, ChildDeathReferencesAreUniqueAndACategoryWaitsForTheReview) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    ChildDeathInput in{"CD-1", "2026-09-01", "male", "under_28_days", "no", "under_enquiry", "", "", ""};
    record_child_death(w.services, bu, in);
    auto again = refusal([&] { record_child_death(w.services, bu, in); });
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].field, "reference");
    in.reference = "CD-2";
    in.category = "drowning";
    auto unknown = refusal([&] { record_child_death(w.services, bu, in); });
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].field, "category");
    in.category = "infection";
    auto early = refusal([&] { record_child_death(w.services, bu, in); });
    ASSERT_EQ(early.size(), 1u);
    EXPECT_EQ(early[0].field, "category");
    EXPECT_EQ(child_death_year_figures(w.services, bu, FinancialYear{2026}).counts.deaths, 1);
    EXPECT_EQ(w.last_audit().action, "child_death.create");
}

TEST(RegisterUseCases, SpendingBelowZeroWithoutAReasonIsRefusedAndMoneyIsReadByScrutiny) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    record_finance_entry(w.services, bu, {"2026-27", "contribution", "actual", "Council", "", "1000", "2026-06-30", "", ""});
    FinanceInput spend{"2026-27", "expenditure", "actual", "", "training", "1000.01", "2026-07-01", "", ""};
    const auto errors = refusal([&] { record_finance_entry(w.services, bu, spend); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "reason");
    EXPECT_NE(errors[0].message.find("-£0.01"), std::string::npos) << errors[0].message;
    spend.reason = "Agreed by the partners";
    record_finance_entry(w.services, bu, spend);
    const auto f = finance_year_figures(w.services, w.as(Role::scrutineer), FinancialYear{2026});
    EXPECT_EQ(f.carried_forward, -1);
    EXPECT_EQ(f.contributions, 100'000);
    EXPECT_EQ(w.last_audit().action, "finance_entry.create");
    EXPECT_EQ(failure_of([&] { finance_year_figures(w.services, w.as(Role::member), FinancialYear{2026}); }), FailureCode::forbidden);
    const auto opening = refusal([&] {
        record_finance_entry(w.services, bu, {"2027-28", "opening_balance", "actual", "", "", "5", "2027-04-01", "", ""});
    });
    ASSERT_FALSE(opening.empty());
    EXPECT_EQ(opening[0].field, "on") << "a date after today";
}

TEST(RegisterUseCases, SpendingInAnEarlierYearIsCheckedAgainstEveryLaterYearsBalance) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    record_finance_entry(w.services, bu, {"2025-26", "contribution", "actual", "Council", "", "1000", "2025-06-30", "", ""});
    record_finance_entry(w.services, bu, {"2026-27", "expenditure", "actual", "", "staffing", "900", "2026-06-30", "", ""});
    // 2025-26 would still end at £800, but 2026-27 would end at -£100.
    const auto errors = refusal([&] {
        record_finance_entry(w.services, bu, {"2025-26", "expenditure", "actual", "", "training", "200", "2026-03-01", "", ""});
    });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "reason");
    EXPECT_NE(errors[0].message.find("-£100"), std::string::npos) << errors[0].message;
    record_finance_entry(w.services, bu, {"2025-26", "expenditure", "actual", "", "training", "100", "2026-03-01", "", ""});
    EXPECT_EQ(finance_year_figures(w.services, bu, FinancialYear{2026}).carried_forward, 0);
}
