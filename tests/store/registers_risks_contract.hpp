#pragma once
// The store contract for the risk register and escalations: entries round-trip whole with their
// child rows (linked actions; agencies involved), lists are keyset pages newest first with every
// filter answered in SQL, the heat map and a year's figures are counted as core defines them,
// stale versions write nothing, the database refuses what the rules make impossible, and an
// unknown stored value is an error naming its column. Every backend instantiates it.
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class RegistersRisksContract : public StoreContract<Factory> {
protected:
    void SetUp() override {
        StoreContract<Factory>::SetUp();
        if (!this->store) return;
        police = this->agency("Police").id;
        health = this->agency("Health").id;
        school = this->agency("School").id;
        Person p;
        p.partnership = this->partnership;
        p.name = "Deborah Hughes";
        p.job_title = "Partnership manager";
        p.email = "dh@example.org";
        this->store->write([&](Transaction& tx) { owner = tx.people().insert(p); });
        ImprovementAction a;
        a.partnership = this->partnership;
        a.text = "Agree contributions by January";
        a.due = d("2017-01-31");
        a.agency = police;
        a.created_on = d("2016-06-01");
        this->store->write([&](Transaction& tx) { action = tx.learning().insert_improvement(a); });
    }
    static Date d(const char* iso) { return *Date::parse(iso); }

    Risk risk(const std::string& title, const char* raised, int l_before, int i_before, int l_after, int i_after) {
        Risk r;
        r.partnership = this->partnership;
        r.title = title;
        r.cause = "Cause";
        r.effect = "Effect";
        r.owner = owner;
        r.likelihood_before = l_before;
        r.impact_before = i_before;
        r.likelihood_after = l_after;
        r.impact_after = i_after;
        r.raised_on = d(raised);
        r.review_on = d(raised);
        r.created_at = 1'500'000'000;
        return r;
    }
    Risk insert(Risk r) {
        this->store->write([&](Transaction& tx) { r.id = tx.registers().insert_risk(r); });
        return r;
    }
    Escalation escalation(const std::string& ref, const char* raised) {
        Escalation e;
        e.partnership = this->partnership;
        e.reference = ref;
        e.raised_by = police;
        e.raised_by_role = "Detective constable";
        e.agencies = {health};
        e.concern = "Strategy discussion threshold";
        e.stage_on[0] = d(raised);
        e.stage_due[0] = d(raised);
        e.created_at = 1'500'000'000;
        return e;
    }
    Escalation insert(Escalation e) {
        this->store->write([&](Transaction& tx) { e.id = tx.registers().insert_escalation(e); });
        return e;
    }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, RegisterRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.registers()); });
        return out;
    }

    AgencyId police, health, school;
    PersonId owner;
    ImprovementId action;
};

TYPED_TEST_SUITE_P(RegistersRisksContract);

TYPED_TEST_P(RegistersRisksContract, ARiskRoundTripsWholeWithItsLinkedActions) {
    auto r = this->risk("Funding", "2016-05-03", 4, 5, 2, 5);
    r.description = "Contributions for 2017-18";
    r.controls = "Finance sub-group";
    r.actions = {this->action};
    r.escalated_on = this->d("2016-06-01");
    r = this->insert(r);
    const auto back = this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, r.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->title, "Funding");
    EXPECT_EQ(back->description, r.description);
    EXPECT_EQ(back->owner, this->owner);
    EXPECT_EQ(back->likelihood_before, 4);
    EXPECT_EQ(back->impact_before, 5);
    EXPECT_EQ(back->likelihood_after, 2);
    EXPECT_EQ(back->impact_after, 5);
    EXPECT_EQ(back->controls, "Finance sub-group");
    EXPECT_EQ(back->actions, std::vector<ImprovementId>{this->action});
    EXPECT_EQ(back->raised_on, r.raised_on);
    EXPECT_EQ(back->status, RiskStatus::open);
    EXPECT_EQ(back->closed_on, std::nullopt);
    EXPECT_EQ(back->escalated_on, r.escalated_on);
    EXPECT_EQ(back->version, 1);
    auto changed = *back;
    changed.actions.clear();
    changed.status = RiskStatus::closed;
    changed.closed_on = this->d("2016-09-01");
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.registers().update_risk(changed); });
    this->store->write([&](Transaction& tx) { second = tx.registers().update_risk(changed); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second) << "version 1 is stale now";
    const auto after = this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, r.id); });
    EXPECT_TRUE(after->actions.empty());
    EXPECT_EQ(after->status, RiskStatus::closed);
    EXPECT_EQ(after->version, 2);
}

TYPED_TEST_P(RegistersRisksContract, RisksPageNewestFirstAndEveryFilterIsAnsweredInSql) {
    for (int i = 1; i <= 5; ++i) this->insert(this->risk("R" + std::to_string(i), i <= 3 ? "2016-06-01" : "2017-05-01", 2, 2, 1, 2));
    auto high = this->risk("Scrutiny 100% capacity", "2016-09-01", 5, 4, 3, 4);  // 20 before, 12 with controls: high
    high.escalated_on = this->d("2016-09-02");
    high.review_on = this->d("2016-12-01");
    high.actions = {this->action};
    high = this->insert(high);
    RiskQuery q;
    q.partnership = this->partnership;
    q.page.limit = 4;
    const auto first = this->read([&](RegisterRepo& r) { return r.risks(q); });
    ASSERT_EQ(first.items.size(), 4u);
    EXPECT_EQ(first.items[0].raised_on, this->d("2017-05-01"));
    EXPECT_GT(first.items[0].id, first.items[1].id) << "same day: newest id first";
    ASSERT_TRUE(first.next);
    q.page.after = *first.next;
    const auto second = this->read([&](RegisterRepo& r) { return r.risks(q); });
    ASSERT_EQ(second.items.size(), 2u);
    EXPECT_FALSE(second.next);
    EXPECT_EQ(first.items[2].actions, std::vector<ImprovementId>{this->action}) << "the page's linked actions come with it";
    EXPECT_TRUE(first.items[3].actions.empty());
    RiskQuery f;
    f.partnership = this->partnership;
    f.year = FinancialYear{2016};
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.size(), 4u);
    f.score_after = std::pair<int, int>{10, 15};
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.at(0).id, high.id);
    f.score_after.reset();
    f.review_overdue_on = this->d("2016-12-02");
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.size(), 4u) << "reviews of 1 June and 1 December have passed";
    f.review_overdue_on = this->d("2016-12-01");
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.size(), 3u) << "due today is not overdue";
    f.review_overdue_on.reset();
    f.escalated = true;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.size(), 1u);
    f.escalated = false;
    f.status = RiskStatus::closed;
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.empty());
    f.status.reset();
    f.owner = PersonId{this->owner.value + 1};
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.empty());
    f.owner = this->owner;
    f.text = "100%";
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.risks(f); }).items.size(), 1u) << "% matches only itself";
}

TYPED_TEST_P(RegistersRisksContract, TheHeatMapAndAYearsFiguresAreCountedInSql) {
    this->insert(this->risk("A", "2016-05-01", 4, 5, 2, 5));
    this->insert(this->risk("B", "2016-06-01", 4, 5, 2, 5));
    auto closed = this->risk("C", "2015-06-01", 3, 3, 1, 1);
    closed.status = RiskStatus::closed;
    closed.closed_on = this->d("2016-07-01");
    closed.escalated_on = this->d("2016-04-02");
    this->insert(closed);
    this->insert(this->risk("D", "2017-04-01", 5, 5, 5, 5));  // the next year
    const auto after = this->read([&](RegisterRepo& r) { return r.risk_grid(this->partnership, RiskBasis::after); });
    EXPECT_EQ(after, (RiskGrid{{{2, 5}, 2}, {{5, 5}, 1}})) << "open risks only";
    const auto before = this->read([&](RegisterRepo& r) { return r.risk_grid(this->partnership, RiskBasis::before); });
    EXPECT_EQ(before, (RiskGrid{{{4, 5}, 2}, {{5, 5}, 1}}));
    const auto c = this->read([&](RegisterRepo& r) { return r.count_risks(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(c.raised, 2);
    EXPECT_EQ(c.closed, 1);
    EXPECT_EQ(c.escalated, 1);
    EXPECT_EQ(c.open_at_year_end, 2);
    EXPECT_EQ(c.open_by_score_before, (std::map<int, int>{{20, 2}}));
    EXPECT_EQ(c.open_by_score_after, (std::map<int, int>{{10, 2}}));
    const auto earlier = this->read([&](RegisterRepo& r) { return r.count_risks(this->partnership, FinancialYear{2015}); });
    EXPECT_EQ(earlier.open_at_year_end, 1) << "C was open on 31 March 2016";
}

TYPED_TEST_P(RegistersRisksContract, TheDatabaseRefusesALikelihoodOffTheScaleAndAnUnknownStatusIsNamed) {
    auto bad = this->risk("Off the scale", "2016-05-01", 6, 1, 1, 1);
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().insert_risk(bad); }));
    EXPECT_TRUE(this->read([&](RegisterRepo& r) {
                        RiskQuery q;
                        q.partnership = this->partnership;
                        return r.risks(q);
                    }).items.empty());
    const auto r = this->insert(this->risk("A", "2016-05-01", 2, 2, 1, 1));
    TypeParam::exec("UPDATE risks SET status = 'parked' WHERE id = " + r.id.str());
    try {
        this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, r.id); });
        ADD_FAILURE() << "an unknown status was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("risks.status"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(RegistersRisksContract, AnEscalationRoundTripsWholeWithItsAgenciesAndStages) {
    auto e = this->escalation("ESC-1", "2016-05-02");
    e.agencies = {this->health, this->school};
    e.stage_on[1] = this->d("2016-05-10");
    e.stage_due[1] = this->d("2016-05-17");
    e.stage_late[0] = true;
    e.outcome = EscalationOutcome::resolved;
    e.closed_on = this->d("2016-05-12");
    e.stage_late[1] = false;
    e.learning = "Share the threshold guidance";
    e = this->insert(e);
    const auto back = this->read([&](RegisterRepo& r) { return r.find_escalation(this->partnership, e.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->reference, "ESC-1");
    EXPECT_EQ(back->raised_by, this->police);
    EXPECT_EQ(back->raised_by_role, "Detective constable");
    EXPECT_EQ(back->agencies, (std::vector<AgencyId>{this->health, this->school}));
    EXPECT_EQ(back->stage_on, e.stage_on);
    EXPECT_EQ(back->stage_due, e.stage_due);
    EXPECT_EQ(back->stage_late, e.stage_late);
    EXPECT_EQ(back->outcome, EscalationOutcome::resolved);
    EXPECT_EQ(back->closed_on, e.closed_on);
    EXPECT_EQ(back->learning, e.learning);
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.escalation_reference_taken(this->partnership, "ESC-1", EscalationId{}); }));
    EXPECT_FALSE(this->read([&](RegisterRepo& r) { return r.escalation_reference_taken(this->partnership, "ESC-1", e.id); }));
    auto changed = *back;
    changed.agencies = {this->school};
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.registers().update_escalation(changed); });
    this->store->write([&](Transaction& tx) { second = tx.registers().update_escalation(changed); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.find_escalation(this->partnership, e.id); })->agencies,
              std::vector<AgencyId>{this->school});
}

TYPED_TEST_P(RegistersRisksContract, EscalationsPageNewestFirstAndEveryFilterIsAnsweredInSql) {
    for (int i = 1; i <= 4; ++i) this->insert(this->escalation("E" + std::to_string(i), "2016-06-01"));
    auto stage3 = this->escalation("Stage three 10%", "2016-07-01");
    stage3.raised_by = this->school;
    stage3.agencies = {this->police};
    stage3.stage_on[1] = this->d("2016-07-08");
    stage3.stage_on[2] = this->d("2016-07-15");
    stage3.stage_due[2] = this->d("2016-07-29");
    stage3 = this->insert(stage3);
    EscalationQuery q;
    q.partnership = this->partnership;
    q.page.limit = 3;
    const auto first = this->read([&](RegisterRepo& r) { return r.escalations(q); });
    ASSERT_EQ(first.items.size(), 3u);
    EXPECT_EQ(first.items[0].id, stage3.id);
    EXPECT_EQ(first.items[0].agencies, std::vector<AgencyId>{this->police}) << "the page's agencies come with it";
    q.page.after = *first.next;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(q); }).items.size(), 2u);
    EscalationQuery f;
    f.partnership = this->partnership;
    f.stage = 3;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 1u);
    f.stage.reset();
    f.agency = this->school;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 1u) << "raised by the school";
    f.agency = this->health;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 4u) << "involving health";
    f.agency.reset();
    f.overdue_on = this->d("2016-07-30");
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 5u);
    f.overdue_on = this->d("2016-07-29");
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 4u) << "stage 3 is due on 29 July";
    f.overdue_on.reset();
    f.outcome = EscalationOutcome::withdrawn;
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.empty());
    f.outcome.reset();
    f.year = FinancialYear{2017};
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.empty());
    f.year.reset();
    f.text = "10%";
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.escalations(f); }).items.size(), 1u);
}

TYPED_TEST_P(RegistersRisksContract, EscalationFiguresCountByStageAndAgency) {
    auto a = this->escalation("A", "2016-05-02");
    a.stage_on[1] = this->d("2016-05-20");
    a.stage_late[0] = true;
    a.outcome = EscalationOutcome::resolved;
    a.closed_on = this->d("2016-05-25");
    a.stage_late[1] = false;
    this->insert(a);
    auto b = this->escalation("B", "2017-03-30");
    b.raised_by = this->school;
    b.agencies = {this->health, this->police};
    b.stage_on[1] = this->d("2017-04-03");  // stage 2 in the next year
    b.stage_late[0] = false;
    this->insert(b);
    auto w = this->escalation("W", "2016-04-01");
    w.outcome = EscalationOutcome::withdrawn;
    w.closed_on = this->d("2016-04-04");
    w.stage_late[0] = false;
    this->insert(w);
    this->insert(this->escalation("Next", "2017-04-02"));
    const auto c = this->read([&](RegisterRepo& r) { return r.count_escalations(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(c.raised, 3);
    EXPECT_EQ(c.reached, (std::array<int, 4>{3, 1, 0, 0}));
    EXPECT_EQ(c.resolved, (std::array<int, 4>{0, 1, 0, 0}));
    EXPECT_EQ(c.late, (std::array<int, 4>{1, 0, 0, 0}));
    EXPECT_EQ(c.ended, (std::array<int, 4>{3, 1, 0, 0}));
    EXPECT_EQ(c.withdrawn, 1);
    EXPECT_EQ(c.open_at_year_end, 1) << "B";
    EXPECT_EQ(c.raised_by_agency, (std::map<AgencyId, int>{{this->police, 2}, {this->school, 1}}));
    EXPECT_EQ(c.involving_agency, (std::map<AgencyId, int>{{this->health, 3}, {this->police, 1}}));
}

TYPED_TEST_P(RegistersRisksContract, TheDatabaseRefusesStagesOutOfOrderAndATakenReference) {
    auto e = this->escalation("X", "2016-05-02");
    e.stage_on[2] = this->d("2016-05-09");
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().insert_escalation(e); })) << "stage 3 without stage 2";
    this->insert(this->escalation("Y", "2016-05-02"));
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().insert_escalation(this->escalation("Y", "2016-05-03")); }));
}

// A risk raised from a dataset indicator keeps the indicator's code; one raised otherwise keeps
// none (NULL, not ''); a change can set or clear it; the indicator filter is answered in SQL;
// and an empty stored code is an error naming its column.
TYPED_TEST_P(RegistersRisksContract, ARiskKeepsTheIndicatorItWasRaisedFromAndListsByIt) {
    auto raised = this->risk("Child protection plans too high", "2016-05-03", 4, 4, 3, 4);
    raised.indicator = "cp_rate";
    raised = this->insert(raised);
    const auto plain = this->insert(this->risk("Funding", "2016-05-04", 2, 2, 1, 1));
    auto closed = this->risk("Closed one", "2016-05-05", 2, 2, 1, 1);
    closed.indicator = "cp_rate";
    closed.status = RiskStatus::closed;
    closed.closed_on = this->d("2016-06-01");
    closed = this->insert(closed);
    const auto back = this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, raised.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->indicator, std::optional<std::string>("cp_rate"));
    const auto none = this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, plain.id); });
    ASSERT_TRUE(none);
    EXPECT_EQ(none->indicator, std::nullopt);
    const auto listed = [&](const std::string& indicator, std::optional<RiskStatus> status) {
        return this->read([&](RegisterRepo& repo) {
            RiskQuery q;
            q.partnership = this->partnership;
            q.indicator = indicator;
            q.status = status;
            std::vector<RiskId> ids;
            for (const auto& r : repo.risks(q).items) ids.push_back(r.id);
            return ids;
        });
    };
    EXPECT_EQ(listed("cp_rate", std::nullopt), (std::vector<RiskId>{closed.id, raised.id}));
    EXPECT_EQ(listed("cp_rate", RiskStatus::open), std::vector<RiskId>{raised.id});
    EXPECT_TRUE(listed("missing_rate", std::nullopt).empty());
    EXPECT_EQ(listed("", std::nullopt).size(), 3U) << "no indicator asked: every risk";
    // A change sets the indicator of a risk raised otherwise, and clears another's.
    auto changed = *none;
    changed.indicator = "lac_rate";
    bool set = false, cleared = false;
    this->store->write([&](Transaction& tx) { set = tx.registers().update_risk(changed); });
    auto unlinked = *back;
    unlinked.indicator.reset();
    this->store->write([&](Transaction& tx) { cleared = tx.registers().update_risk(unlinked); });
    EXPECT_TRUE(set);
    EXPECT_TRUE(cleared);
    EXPECT_EQ(this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, plain.id); })->indicator,
              std::optional<std::string>("lac_rate"));
    EXPECT_EQ(this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, raised.id); })->indicator, std::nullopt);
    EXPECT_EQ(listed("cp_rate", RiskStatus::open), std::vector<RiskId>{});
    TypeParam::exec("UPDATE risks SET indicator_code = '' WHERE id = " + plain.id.str());
    try {
        this->read([&](RegisterRepo& repo) { return repo.find_risk(this->partnership, plain.id); });
        ADD_FAILURE() << "an empty indicator code was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("risks.indicator_code"), std::string::npos) << e.what();
    }
}

REGISTER_TYPED_TEST_SUITE_P(RegistersRisksContract, ARiskRoundTripsWholeWithItsLinkedActions, RisksPageNewestFirstAndEveryFilterIsAnsweredInSql,
                            TheHeatMapAndAYearsFiguresAreCountedInSql, TheDatabaseRefusesALikelihoodOffTheScaleAndAnUnknownStatusIsNamed,
                            AnEscalationRoundTripsWholeWithItsAgenciesAndStages, EscalationsPageNewestFirstAndEveryFilterIsAnsweredInSql,
                            EscalationFiguresCountByStageAndAgency, TheDatabaseRefusesStagesOutOfOrderAndATakenReference,
                            ARiskKeepsTheIndicatorItWasRaisedFromAndListsByIt);

}  // namespace assure::testing
