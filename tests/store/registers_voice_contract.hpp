#pragma once
// The store contract for the voice and scrutiny registers: an activity round-trips whole with
// its points in order, lists are keyset pages newest first of one register with every filter
// answered in SQL, a year's figures are counted by kind as core defines them, stale versions
// write nothing, the database refuses what the rules make impossible, and an unknown stored
// value is an error naming its column. Every backend instantiates it.
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class RegistersVoiceContract : public StoreContract<Factory> {
protected:
    void SetUp() override {
        StoreContract<Factory>::SetUp();
        if (!this->store) return;
        ImprovementAction a;
        a.partnership = this->partnership;
        a.text = "Agree a definition of the voice of the child";
        a.due = d("2017-01-31");
        a.agency = this->agency("Council").id;
        a.created_on = d("2016-06-01");
        this->store->write([&](Transaction& tx) { action = tx.learning().insert_improvement(a); });
    }
    static Date d(const char* iso) { return *Date::parse(iso); }

    Activity activity(Strand strand, ActivityKind kind, const std::string& title, const char* held) {
        Activity a;
        a.partnership = this->partnership;
        a.strand = strand;
        a.kind = kind;
        a.title = title;
        a.led_by = "Voice for Children";
        a.held_on = d(held);
        a.how_heard = "Online questionnaire";
        a.created_at = 1'500'000'000;
        return a;
    }
    Activity insert(Activity a) {
        this->store->write([&](Transaction& tx) { a.id = tx.registers().insert_activity(a); });
        return a;
    }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, RegisterRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.registers()); });
        return out;
    }
    ActivityQuery query(Strand strand) {
        ActivityQuery q;
        q.partnership = this->partnership;
        q.strand = strand;
        return q;
    }

    ImprovementId action;
};

TYPED_TEST_SUITE_P(RegistersVoiceContract);

TYPED_TEST_P(RegistersVoiceContract, AnActivityRoundTripsWholeWithItsPointsInOrder) {
    auto a = this->activity(Strand::voice, ActivityKind::survey, "Survey", "2016-01-18");
    a.children_heard = 1808;
    a.summary = "Six findings";
    a.points = {{"CSE", "Listen to My Story", std::nullopt, this->d("2016-02-01")},
                {"Neglect", "", this->action, std::nullopt},
                {"Online safety", "Briefings", std::nullopt, this->d("2016-03-31")}};
    a = this->insert(a);
    const auto back = this->read([&](RegisterRepo& r) { return r.find_activity(this->partnership, Strand::voice, a.id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->strand, Strand::voice);
    EXPECT_EQ(back->kind, ActivityKind::survey);
    EXPECT_EQ(back->title, "Survey");
    EXPECT_EQ(back->led_by, "Voice for Children");
    EXPECT_EQ(back->held_on, a.held_on);
    EXPECT_EQ(back->children_heard, 1808);
    EXPECT_EQ(back->how_heard, "Online questionnaire");
    EXPECT_EQ(back->summary, "Six findings");
    ASSERT_EQ(back->points.size(), 3u);
    EXPECT_EQ(back->points[0].point, "CSE");
    EXPECT_EQ(back->points[0].response, "Listen to My Story");
    EXPECT_EQ(back->points[0].responded_on, this->d("2016-02-01"));
    EXPECT_FALSE(back->points[1].responded_on) << "no response, no date";
    EXPECT_EQ(back->points[2].responded_on, this->d("2016-03-31"));
    EXPECT_EQ(back->points[1].action, this->action);
    EXPECT_EQ(back->points[2].point, "Online safety");
    EXPECT_EQ(back->version, 1);
    EXPECT_FALSE(this->read([&](RegisterRepo& r) { return r.find_activity(this->partnership, Strand::scrutiny, a.id); }))
        << "not found under the other register";
    auto changed = *back;
    changed.points = {{"Neglect", "A neglect strategy", std::nullopt, this->d("2016-04-04")}};
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.registers().update_activity(changed); });
    this->store->write([&](Transaction& tx) { second = tx.registers().update_activity(changed); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second) << "version 1 is stale now";
    const auto after = this->read([&](RegisterRepo& r) { return r.find_activity(this->partnership, Strand::voice, a.id); });
    ASSERT_EQ(after->points.size(), 1u);
    EXPECT_EQ(after->points[0].response, "A neglect strategy");
    EXPECT_EQ(after->points[0].responded_on, this->d("2016-04-04"));
    EXPECT_EQ(after->version, 2);
}

TYPED_TEST_P(RegistersVoiceContract, ActivitiesPageNewestFirstAndEveryFilterIsAnsweredInSql) {
    for (int i = 1; i <= 5; ++i) {
        auto a = this->activity(Strand::voice, ActivityKind::consultation, "C" + std::to_string(i), i <= 3 ? "2016-06-01" : "2017-05-01");
        a.points = {{"Said", "Did", std::nullopt, this->d("2016-09-30")}};
        this->insert(a);
    }
    auto open = this->activity(Strand::voice, ActivityKind::challenge_day, "Challenge day 100%", "2016-09-01");
    open.summary = "Partners held to account";
    open.points = {{"Said", "Did", std::nullopt, this->d("2016-09-30")}, {"Not yet answered", "", std::nullopt, std::nullopt}};
    open = this->insert(open);
    this->insert(this->activity(Strand::scrutiny, ActivityKind::challenge_day, "Scrutiny challenge day", "2016-09-02"));
    auto q = this->query(Strand::voice);
    q.page.limit = 4;
    const auto first = this->read([&](RegisterRepo& r) { return r.activities(q); });
    ASSERT_EQ(first.items.size(), 4u);
    EXPECT_EQ(first.items[0].held_on, this->d("2017-05-01"));
    EXPECT_GT(first.items[0].id, first.items[1].id) << "same day: newest id first";
    EXPECT_EQ(first.items[2].title, "Challenge day 100%");
    EXPECT_EQ(first.items[2].points.size(), 2u) << "each item comes with its points";
    ASSERT_TRUE(first.next);
    q.page.after = *first.next;
    const auto second = this->read([&](RegisterRepo& r) { return r.activities(q); });
    EXPECT_EQ(second.items.size(), 2u) << "the scrutiny register's day is not the voice register's";
    EXPECT_FALSE(second.next);
    q = this->query(Strand::voice);
    q.year = FinancialYear{2016};
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.activities(q); }).items.size(), 4u);
    q = this->query(Strand::voice);
    q.kind = ActivityKind::challenge_day;
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.activities(q); }).items.at(0).id, open.id);
    q = this->query(Strand::voice);
    q.awaiting = true;
    const auto awaiting = this->read([&](RegisterRepo& r) { return r.activities(q); });
    ASSERT_EQ(awaiting.items.size(), 1u);
    EXPECT_EQ(awaiting.items[0].id, open.id);
    q = this->query(Strand::voice);
    q.text = "HELD TO";
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.activities(q); }).items.size(), 1u) << "the summary, in any case";
    q.text = "100%";
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.activities(q); }).items.size(), 1u) << "% is a literal";
}

TYPED_TEST_P(RegistersVoiceContract, AYearsFiguresAreCountedByKindInSql) {
    auto survey = this->activity(Strand::voice, ActivityKind::survey, "Survey", "2016-01-18");  // 2015-16
    survey.children_heard = 1808;
    survey.points = {{"A", "a", std::nullopt, this->d("2016-09-30")}, {"B", "b", std::nullopt, this->d("2016-09-30")}};
    this->insert(survey);
    auto one = this->activity(Strand::voice, ActivityKind::consultation, "Focus group", "2016-04-01");
    one.children_heard = 12;
    one.points = {{"A", "a", this->action, this->d("2016-09-30")}, {"B", "", std::nullopt, std::nullopt}};
    this->insert(one);
    auto two = this->activity(Strand::voice, ActivityKind::consultation, "Focus group 2", "2017-03-31");
    two.children_heard = 8;
    this->insert(two);
    this->insert(this->activity(Strand::voice, ActivityKind::consultation, "Next year", "2017-04-01"));
    this->insert(this->activity(Strand::scrutiny, ActivityKind::audit, "Audit", "2016-06-01"));
    const auto y = this->read([&](RegisterRepo& r) { return r.count_activities(this->partnership, Strand::voice, FinancialYear{2016}); });
    ASSERT_EQ(y.size(), 1u);
    const KindCount c = y.at(ActivityKind::consultation);
    EXPECT_EQ(c.activities, 2);
    EXPECT_EQ(c.children, 20);
    EXPECT_EQ(c.points, 2);
    EXPECT_EQ(c.answered, 1);
    EXPECT_EQ(c.linked, 1);
    const auto before = this->read([&](RegisterRepo& r) { return r.count_activities(this->partnership, Strand::voice, FinancialYear{2015}); });
    EXPECT_EQ(before.at(ActivityKind::survey).children, 1808);
    EXPECT_EQ(before.at(ActivityKind::survey).answered, 2);
    const auto scrutiny = this->read([&](RegisterRepo& r) { return r.count_activities(this->partnership, Strand::scrutiny, FinancialYear{2016}); });
    EXPECT_EQ(scrutiny.at(ActivityKind::audit).activities, 1);
}

TYPED_TEST_P(RegistersVoiceContract, TheDatabaseRefusesNegativeChildrenAndAnUnknownKindIsNamed) {
    auto bad = this->activity(Strand::voice, ActivityKind::survey, "Negative", "2016-05-01");
    bad.children_heard = -1;
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().insert_activity(bad); }));
    EXPECT_TRUE(this->read([&](RegisterRepo& r) { return r.activities(this->query(Strand::voice)); }).items.empty());
    const auto a = this->insert(this->activity(Strand::voice, ActivityKind::survey, "A", "2016-05-01"));
    TypeParam::exec("UPDATE register_activities SET kind = 'party' WHERE id = " + a.id.str());
    try {
        this->read([&](RegisterRepo& r) { return r.find_activity(this->partnership, Strand::voice, a.id); });
        ADD_FAILURE() << "an unknown kind was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("register_activities.kind"), std::string::npos) << e.what();
    }
}

// A child death overview panel shared by several partnerships: each keeps its own deaths, the
// panel's figures count every member's, and a partnership sits on one panel at most.
TYPED_TEST_P(RegistersVoiceContract, ADeathPanelCountsEveryMembersDeathsAndEachAreaKeepsItsOwn) {
    PartnershipId other, third;
    this->store->write([&](Transaction& tx) {
        other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules());
        third = tx.partnerships().insert({PartnershipId{}, "r", "R"}, shipped_rules());
    });
    const auto death = [&](PartnershipId p, const std::string& ref, const char* died, Sex sex) {
        ChildDeath x;
        x.partnership = p;
        x.reference = ref;
        x.died_on = this->d(died);
        x.sex = sex;
        x.age_band = AgeBand::under_28_days;
        this->store->write([&](Transaction& tx) { tx.registers().insert_child_death(x); });
    };
    death(this->partnership, "A1", "2016-05-01", Sex::male);
    death(this->partnership, "A2", "2016-06-01", Sex::female);
    death(other, "B1", "2016-07-01", Sex::male);
    death(other, "B2", "2017-07-01", Sex::male);  // the next year
    death(third, "C1", "2016-07-01", Sex::male);  // not on the panel
    EXPECT_FALSE(this->read([&](RegisterRepo& r) { return r.death_panel_of(this->partnership); }));
    DeathPanel panel;
    panel.name = "Merseyside CDOP";
    panel.members = {this->partnership, other};
    panel.created_at = 1'500'000'000;
    this->store->write([&](Transaction& tx) { panel.id = tx.registers().put_death_panel(panel); });
    const auto mine = this->read([&](RegisterRepo& r) { return r.death_panel_of(this->partnership); });
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->id, panel.id);
    EXPECT_EQ(mine->name, "Merseyside CDOP");
    EXPECT_EQ(mine->members, (std::vector<PartnershipId>{this->partnership, other}));
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.death_panel_of(other); })->id, panel.id);
    const auto own = this->read([&](RegisterRepo& r) { return r.count_child_deaths(this->partnership, FinancialYear{2016}); });
    EXPECT_EQ(own.deaths, 2);
    const auto all = this->read([&](RegisterRepo& r) { return r.count_panel_deaths(panel.id, FinancialYear{2016}); });
    EXPECT_EQ(all.deaths, 3);
    EXPECT_EQ(all.male, 2);
    EXPECT_EQ(all.female, 1);
    EXPECT_EQ(all.by_age.at(AgeBand::under_28_days), 3);
    // The third area joins a new panel with `other`, which moves off the first.
    DeathPanel second;
    second.name = "Cheshire CDOP";
    second.members = {other, third};
    this->store->write([&](Transaction& tx) { second.id = tx.registers().put_death_panel(second); });
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.death_panel_of(other); })->name, "Cheshire CDOP");
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.count_panel_deaths(panel.id, FinancialYear{2016}); }).deaths, 2);
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.count_panel_deaths(second.id, FinancialYear{2016}); }).deaths, 2);
    EXPECT_EQ(this->read([&](RegisterRepo& r) { return r.find_death_panel("Merseyside CDOP"); })->members,
              (std::vector<PartnershipId>{this->partnership}));
    DeathPanel clash;
    clash.name = "Cheshire CDOP";
    clash.members = {this->partnership};
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.registers().put_death_panel(clash); })) << "names are unique";
}

REGISTER_TYPED_TEST_SUITE_P(RegistersVoiceContract, AnActivityRoundTripsWholeWithItsPointsInOrder,
                            ActivitiesPageNewestFirstAndEveryFilterIsAnsweredInSql, AYearsFiguresAreCountedByKindInSql,
                            TheDatabaseRefusesNegativeChildrenAndAnUnknownKindIsNamed,
                            ADeathPanelCountsEveryMembersDeathsAndEachAreaKeepsItsOwn);

}  // namespace assure::testing
