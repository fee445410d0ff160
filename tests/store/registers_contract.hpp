#pragma once
// The store contract for the registers: entries round-trip whole, lists are keyset pages in
// date order with every filter, each year's figures are counted in SQL as core defines them,
// writes at a stale version change nothing, partnerships stay apart, and a stored value this
// version does not know is an error naming its column. Every backend instantiates it.
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class RegistersContract : public StoreContract<Factory> {
protected:
    static Date d(const char* iso) { return *Date::parse(iso); }

    LadoReferral referral(const std::string& ref, const char* referred_on, PartnershipId p = {}) {
        LadoReferral r;
        r.partnership = p.valid() ? p : this->partnership;
        r.adult_reference = ref;
        r.referred_on = d(referred_on);
        r.role = "Teacher";
        r.limbs = {HarmLimb::harmed};
        r.created_at = 1'500'000'000;
        return r;
    }
    LadoReferral insert(LadoReferral r) {
        this->store->write([&](Transaction& tx) { r.id = tx.registers().insert_lado(r); });
        return r;
    }
    ChildDeath death(const std::string& ref, const char* died_on) {
        ChildDeath x;
        x.partnership = this->partnership;
        x.reference = ref;
        x.died_on = d(died_on);
        x.sex = Sex::male;
        x.age_band = AgeBand::under_28_days;
        this->store->write([&](Transaction& tx) { x.id = tx.registers().insert_child_death(x); });
        return x;
    }
    void money(int year, FinanceKind kind, Basis basis, const std::string& who, std::optional<Heading> heading, std::int64_t pence) {
        FinanceEntry e;
        e.partnership = this->partnership;
        e.year = FinancialYear{year};
        e.kind = kind;
        e.basis = basis;
        e.contributor = who;
        e.heading = heading;
        e.amount_pence = pence;
        e.on = e.year.first_day();
        this->store->write([&](Transaction& tx) { tx.registers().insert_finance(e); });
    }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, RegisterRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.registers()); });
        return out;
    }
};

TYPED_TEST_SUITE_P(RegistersContract);

TYPED_TEST_P(RegistersContract, AReferralRoundTripsWhole) {
    auto r = this->referral("LADO-1", "2016-05-03");
    r.source = LadoSource::parent_or_carer;
    r.sector = LadoSector::foster_care;
    r.limbs = {HarmLimb::offence, HarmLimb::unsuitability};
    r.initial_considered_on = this->d("2016-05-04");
    r.initial_outcome = InitialOutcome::strategy_meeting;
    r.strategy_meeting_on = this->d("2016-05-06");
    r.outcome = LadoOutcome::false_allegation;
    r.outcome_on = this->d("2016-07-01");
    r.training_needs = true;
    r.dbs_referred_on = this->d("2016-07-02");
    r.regulator_referred_on = this->d("2016-07-03");
    r.notes = "Spoke to the head teacher";
    r = this->insert(r);
    const auto back = this->read([&](RegisterRepo& repo) { return repo.find_lado(this->partnership, r.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->adult_reference, "LADO-1");
    EXPECT_EQ(back->referred_on, r.referred_on);
    EXPECT_EQ(back->source, LadoSource::parent_or_carer);
    EXPECT_EQ(back->sector, LadoSector::foster_care);
    EXPECT_EQ(back->role, "Teacher");
    EXPECT_EQ(back->limbs, r.limbs);
    EXPECT_EQ(back->initial_considered_on, r.initial_considered_on);
    EXPECT_EQ(back->initial_outcome, InitialOutcome::strategy_meeting);
    EXPECT_EQ(back->strategy_meeting_on, r.strategy_meeting_on);
    EXPECT_EQ(back->outcome, LadoOutcome::false_allegation);
    EXPECT_EQ(back->outcome_on, r.outcome_on);
    EXPECT_TRUE(back->training_needs);
    EXPECT_EQ(back->dbs_referred_on, r.dbs_referred_on);
    EXPECT_EQ(back->regulator_referred_on, r.regulator_referred_on);
    EXPECT_EQ(back->notes, r.notes);
    EXPECT_EQ(back->created_at, r.created_at);
    EXPECT_EQ(back->version, 1);
}

TYPED_TEST_P(RegistersContract, ReferralsPageNewestFirstAndEveryFilterIsAnsweredInSql) {
    for (int i = 1; i <= 5; ++i) this->insert(this->referral("R" + std::to_string(i), i <= 3 ? "2016-06-01" : "2017-05-01"));
    auto nfa = this->referral("Coach", "2016-09-01");
    nfa.sector = LadoSector::sport_and_leisure;
    nfa.role = "Swimming coach 100%";
    nfa.initial_considered_on = this->d("2016-09-02");
    nfa.initial_outcome = InitialOutcome::no_further_action;
    nfa = this->insert(nfa);
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules()); });
    this->insert(this->referral("Elsewhere", "2016-06-01", other));
    LadoQuery q;
    q.partnership = this->partnership;
    q.page.limit = 4;
    const auto first = this->read([&](RegisterRepo& r) { return r.lado(q); });
    ASSERT_EQ(first.items.size(), 4u);
    EXPECT_EQ(first.items[0].referred_on, this->d("2017-05-01"));
    EXPECT_GT(first.items[0].id, first.items[1].id) << "same day: newest id first";
    ASSERT_TRUE(first.next);
    q.page.after = *first.next;
    const auto second = this->read([&](RegisterRepo& r) { return r.lado(q); });
    ASSERT_EQ(second.items.size(), 2u) << "the other partnership's referral is not listed";
    EXPECT_FALSE(second.next);
    EXPECT_EQ(second.items[1].adult_reference, "R1");
    LadoQuery f;
    f.partnership = this->partnership;
    f.year = FinancialYear{2016};
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.size(), 4u);
    f.sector = LadoSector::sport_and_leisure;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.size(), 1u);
    f.sector.reset();
    f.standing = LadoStanding::no_further_action;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.at(0).id, nfa.id);
    f.standing.reset();
    f.outcome = LadoOutcome::malicious;
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.empty());
    f.outcome.reset();
    f.text = "100%";
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.size(), 1u) << "% matches only itself";
    f.text = "1_0";
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.lado(f); }).items.empty()) << "_ matches only itself";
}

TYPED_TEST_P(RegistersContract, LadoCountsFollowCoresDefinitions) {
    auto nfa = this->referral("A", "2016-05-01");
    nfa.initial_considered_on = this->d("2016-05-02");
    nfa.initial_outcome = InitialOutcome::no_further_action;
    this->insert(nfa);
    auto carried = this->referral("B", "2016-03-01");
    carried.sector = LadoSector::residential_care;
    carried.initial_considered_on = this->d("2016-03-02");
    carried.initial_outcome = InitialOutcome::strategy_meeting;
    carried.outcome = LadoOutcome::unfounded;
    carried.outcome_on = this->d("2016-08-01");
    carried.training_needs = true;
    carried.dbs_referred_on = this->d("2016-08-01");
    this->insert(carried);
    this->insert(this->referral("C", "2017-03-31"));  // continuing at the year's end
    this->insert(this->referral("D", "2017-04-01"));  // the next year
    const auto c = this->read([&](RegisterRepo& r) { return r.count_lado(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(c.referrals, 2);
    EXPECT_EQ(c.no_further_action, 1);
    EXPECT_EQ(c.unfounded, 1);
    EXPECT_EQ(c.training_needs, 1);
    EXPECT_EQ(c.continuing, 1);
    EXPECT_EQ(c.resolved, 2);
    EXPECT_EQ(c.within_one_month, 1);
    EXPECT_EQ(c.within_twelve_months, 1);
    EXPECT_EQ(c.dbs_referrals, 1);
    const auto before = this->read([&](RegisterRepo& r) { return r.count_lado(this->partnership, FinancialYear{2015}); });
    EXPECT_EQ(before.referrals, 1);
    EXPECT_EQ(before.continuing, 1) << "B was open on 31 March 2016";
    const auto sectors = this->read([&](RegisterRepo& r) { return r.count_lado_by_sector(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(sectors, (std::map<LadoSector, int>{{LadoSector::education, 2}}));
}

TYPED_TEST_P(RegistersContract, AStaleReferralWritesNothing) {
    auto r = this->insert(this->referral("A", "2016-05-01"));
    r.role = "Head teacher";
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.registers().update_lado(r); });
    r.role = "Deputy";
    this->store->write([&](Transaction& tx) { second = tx.registers().update_lado(r); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    const auto back = this->read([&](RegisterRepo& repo) { return repo.find_lado(this->partnership, r.id); });
    EXPECT_EQ(back->role, "Head teacher");
    EXPECT_EQ(back->version, 2);
}

TYPED_TEST_P(RegistersContract, AnUnknownStoredSectorIsAnErrorNamingTheColumn) {
    const auto r = this->insert(this->referral("A", "2016-05-01"));
    TypeParam::exec("UPDATE lado_referrals SET sector = 'circus' WHERE id = " + r.id.str());
    try {
        this->read([&](RegisterRepo& repo) { return repo.find_lado(this->partnership, r.id); });
        ADD_FAILURE() << "an unknown sector was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("lado_referrals.sector"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(RegistersContract, ChildDeathsCountBySexAgeAndCategory) {
    auto a = this->death("CD-1", "2016-04-19");
    a.status = ReviewStatus::complete;
    a.category = DeathCategory::perinatal_neonatal;
    a.modifiable = true;
    a.reviewed_on = this->d("2016-10-01");
    bool written = false;
    this->store->write([&](Transaction& tx) { written = tx.registers().update_child_death(a); });
    EXPECT_TRUE(written);
    auto b = this->death("CD-2", "2017-03-31");
    b.sex = Sex::female;
    this->death("CD-3", "2017-04-01");
    const auto c = this->read([&](RegisterRepo& r) { return r.count_child_deaths(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(c.deaths, 2);
    EXPECT_EQ(c.male, 2) << "CD-2 was inserted as male";
    EXPECT_EQ(c.under_enquiry, 1);
    EXPECT_EQ(c.reviewed, 1);
    EXPECT_EQ(c.modifiable, 1);
    EXPECT_EQ(c.by_age.at(AgeBand::under_28_days), 2);
    EXPECT_EQ(c.by_category, (std::map<DeathCategory, int>{{DeathCategory::perinatal_neonatal, 1}}));
    const auto back = this->read([&](RegisterRepo& r) { return r.find_child_death(this->partnership, a.id); });
    EXPECT_EQ(back->category, DeathCategory::perinatal_neonatal);
    EXPECT_EQ(back->modifiable, true);
    EXPECT_EQ(back->version, 2);
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.child_death_reference_taken(this->partnership, "CD-2", a.id); }));
    EXPECT_FALSE(this->read([&](RegisterRepo& r) { return r.child_death_reference_taken(this->partnership, "CD-1", a.id); }));
    ChildDeathQuery q;
    q.partnership = this->partnership;
    q.status = ReviewStatus::complete;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.child_deaths(q); }).items.size(), 1u);
    q.status.reset();
    q.year = FinancialYear{2017};
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.child_deaths(q); }).items.at(0).reference, "CD-3");
}

TYPED_TEST_P(RegistersContract, TheDatabaseRefusesACategoryWithoutACompleteReview) {
    ChildDeath x;
    x.partnership = this->partnership;
    x.reference = "CD-9";
    x.died_on = this->d("2016-05-01");
    x.category = DeathCategory::infection;
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().insert_child_death(x); }));
}

TYPED_TEST_P(RegistersContract, MoneyIsSummedByYearWithEarlierYearsBroughtForward) {
    this->money(2015, FinanceKind::opening_balance, Basis::actual, "", std::nullopt, 11'200'000);
    this->money(2015, FinanceKind::contribution, Basis::actual, "Council", std::nullopt, 24'780'000);
    this->money(2015, FinanceKind::expenditure, Basis::actual, "", Heading::staffing, 28'180'000);
    this->money(2015, FinanceKind::in_kind, Basis::actual, "Police", std::nullopt, 300'000);
    this->money(2016, FinanceKind::contribution, Basis::actual, "Council", std::nullopt, 100);
    this->money(2016, FinanceKind::contribution, Basis::actual, "Council", std::nullopt, 200);
    this->money(2016, FinanceKind::contribution, Basis::actual, "CAFCASS", std::nullopt, 50);
    this->money(2016, FinanceKind::in_kind, Basis::actual, "Police", std::nullopt, 70);
    this->money(2016, FinanceKind::expenditure, Basis::actual, "", Heading::training, 30);
    this->money(2016, FinanceKind::expenditure, Basis::projected, "", Heading::training, 40);
    this->money(2016, FinanceKind::contribution, Basis::projected, "Council", std::nullopt, 60);
    this->money(2017, FinanceKind::contribution, Basis::actual, "Council", std::nullopt, 999);
    const auto s = this->read([&](RegisterRepo& r) { return r.sum_finance(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(s.brought_forward, 7'800'000) << "opening + contributions - spending of 2015-16; in kind is not cash";
    EXPECT_EQ(s.opening, 0);
    EXPECT_EQ(s.contributions, 350);
    EXPECT_EQ(s.in_kind, 70);
    EXPECT_EQ(s.expenditure, 30);
    EXPECT_EQ(s.projected_contributions, 60);
    EXPECT_EQ(s.projected_expenditure, 40);
    EXPECT_EQ(s.by_contributor, (std::vector<std::pair<std::string, std::int64_t>>{{"CAFCASS", 50}, {"Council", 300}}));
    EXPECT_EQ(s.in_kind_by_contributor.size(), 1u);
    EXPECT_EQ(s.by_heading, (std::map<Heading, std::int64_t>{{Heading::training, 30}}));
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.has_finance_before(this->partnership, FinancialYear{2016}); }));
    EXPECT_FALSE(this->read([&](RegisterRepo& r) { return r.has_finance_before(this->partnership, FinancialYear{2015}); }));
    FinanceQuery q;
    q.partnership = this->partnership;
    q.year = FinancialYear{2016};
    q.kind = FinanceKind::expenditure;
    q.basis = Basis::projected;
    const auto page = this->read([&](RegisterRepo& r) { return r.finance(q); });
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].amount_pence, 40);
    EXPECT_EQ(page.items[0].heading, Heading::training);
}

REGISTER_TYPED_TEST_SUITE_P(RegistersContract, AReferralRoundTripsWhole, ReferralsPageNewestFirstAndEveryFilterIsAnsweredInSql,
                            LadoCountsFollowCoresDefinitions, AStaleReferralWritesNothing, AnUnknownStoredSectorIsAnErrorNamingTheColumn,
                            ChildDeathsCountBySexAgeAndCategory, TheDatabaseRefusesACategoryWithoutACompleteReview,
                            MoneyIsSummedByYearWithEarlierYearsBroughtForward);

}  // namespace assure::testing
