#pragma once
// The store contract for the yearly report (migration 0029): sections are written once per
// partnership, year and section and then only on the version read; sign-offs are one per
// agency and year and can be withdrawn together; dispatches list in date order; everything is
// kept apart by partnership and year; an unknown stored section is an error naming its column;
// and the reviews' milestones of a year are counted from the events' dates. Every backend
// instantiates it.
#include "core/reviews.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class ReportContract : public StoreContract<Factory> {
protected:
    static Date d(const char* iso) { return *Date::parse(iso); }
    template <class F>
    auto read(F f) {
        std::invoke_result_t<F, ReportRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(tx.report()); });
        return out;
    }
    bool put(FinancialYear y, ReportSection s, const std::string& text, int expected, PartnershipId p = {}) {
        bool ok = false;
        this->store->write([&](Transaction& tx) {
            ok = tx.report().put_section(p.valid() ? p : this->partnership, y, {s, text, 0, 1'500'000'000, "Deborah Hughes"}, expected);
        });
        return ok;
    }
    // A case the partnership became aware of on `aware`, with events of the kinds given on their dates.
    void a_case(const std::string& ref, const char* aware, const std::vector<std::pair<EventKind, const char*>>& events,
                std::optional<Decision> decision = std::nullopt) {
        Case c;
        c.partnership = this->partnership;
        c.reference = ref;
        c.became_aware_on = d(aware);
        c.incident_on = d(aware);
        c.summary = "Summary";
        c.children = {{"Child"}};
        for (const auto& [kind, on] : events) {
            CaseEvent e;
            e.kind = kind;
            e.on = d(on);
            if (kind == EventKind::decide) e.decision = decision;
            e.recorded_by = "BU";
            c.events.push_back(e);
        }
        // The events go in with the case; the decision column is the standing worked out from them.
        this->store->write([&](Transaction& tx) { tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    }
};

TYPED_TEST_SUITE_P(ReportContract);

TYPED_TEST_P(ReportContract, ASectionIsWrittenOnceThenOnlyOnTheVersionRead) {
    const FinancialYear y{2016};
    EXPECT_TRUE(this->put(y, ReportSection::foreword, "First", 0));
    EXPECT_FALSE(this->put(y, ReportSection::foreword, "Also first", 0)) << "a second first text changes nothing";
    EXPECT_FALSE(this->put(y, ReportSection::foreword, "Stale", 2));
    EXPECT_TRUE(this->put(y, ReportSection::foreword, "Second", 1));
    EXPECT_TRUE(this->put(FinancialYear{2017}, ReportSection::foreword, "Next year", 0));
    PartnershipId elsewhere;
    this->store->write([&](Transaction& tx) { elsewhere = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_TRUE(this->put(y, ReportSection::foreword, "Theirs", 0, elsewhere));
    const auto back = this->read([&](ReportRepo& r) { return r.sections(this->partnership, y); });
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].section, ReportSection::foreword);
    EXPECT_EQ(back[0].text, "Second");
    EXPECT_EQ(back[0].version, 2);
    EXPECT_EQ(back[0].updated_by, "Deborah Hughes");
    EXPECT_EQ(back[0].updated_at, 1'500'000'000);
}

TYPED_TEST_P(ReportContract, SignOffsAreOnePerAgencyAndYearAndAreWithdrawnTogether) {
    const FinancialYear y{2016};
    const Agency police = this->agency("Police");
    const Agency council = this->agency("Council");
    this->store->write([&](Transaction& tx) {
        tx.report().insert_sign_off(this->partnership, y, {police.id, "Police", "A", 200});
        tx.report().insert_sign_off(this->partnership, y, {council.id, "Council", "B", 100});
        tx.report().insert_sign_off(this->partnership, FinancialYear{2017}, {police.id, "Police", "A", 300});
    });
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.report().insert_sign_off(this->partnership, y, {police.id, "Police", "C", 400}); }));
    auto signs = this->read([&](ReportRepo& r) { return r.sign_offs(this->partnership, y); });
    ASSERT_EQ(signs.size(), 2u);
    EXPECT_EQ(signs[0].agency, council.id) << "in the order given";
    EXPECT_EQ(signs[1].signed_by, "A");
    int cleared = 0;
    this->store->write([&](Transaction& tx) { cleared = tx.report().clear_sign_offs(this->partnership, y); });
    EXPECT_EQ(cleared, 2);
    EXPECT_TRUE(this->read([&](ReportRepo& r) { return r.sign_offs(this->partnership, y); }).empty());
    EXPECT_EQ(this->read([&](ReportRepo& r) { return r.sign_offs(this->partnership, FinancialYear{2017}); }).size(), 1u);
}

TYPED_TEST_P(ReportContract, DispatchesListInDateOrderAndAnUnknownSectionIsNamed) {
    const FinancialYear y{2016};
    this->store->write([&](Transaction& tx) {
        tx.report().insert_dispatch(this->partnership, y, {ReportRecipient::what_works_centre, this->d("2017-10-02"), "BU", 1});
        tx.report().insert_dispatch(this->partnership, y, {ReportRecipient::practice_review_panel, this->d("2017-09-29"), "BU", 2});
    });
    const auto sent = this->read([&](ReportRepo& r) { return r.dispatches(this->partnership, y); });
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].recipient, ReportRecipient::practice_review_panel);
    EXPECT_EQ(sent[1].sent_on, this->d("2017-10-02"));
    this->put(y, ReportSection::conclusion, "Words", 0);
    TypeParam::exec("UPDATE report_sections SET section = 'appendix'");
    try {
        this->read([&](ReportRepo& r) { return r.sections(this->partnership, y); });
        ADD_FAILURE() << "an unknown section was read";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("report_sections.section"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(ReportContract, TheReviewsMilestonesOfAYearAreCountedByTheirDates) {
    this->a_case("A", "2020-03-30", {{EventKind::notify_panel, "2020-04-01"}, {EventKind::rapid_review_panel, "2020-04-20"}});
    this->a_case("B", "2020-06-01", {{EventKind::notify_panel, "2020-06-03"}, {EventKind::decide, "2020-06-20"}}, Decision::local_review);
    this->a_case("C", "2021-03-31", {{EventKind::notify_panel, "2021-04-01"}});
    this->a_case("D", "2019-05-01", {{EventKind::publish, "2021-03-31"}});
    // Known before Working Together 2018: its review group's meeting was no rapid review.
    this->a_case("E", "2018-06-28", {{EventKind::rapid_review_panel, "2020-05-01"}});
    const auto c = this->read([&](ReportRepo& r) { return r.count_reviews(this->partnership, FinancialYear{2020}); });
    EXPECT_EQ(c.became_aware, 2) << "B and C";
    EXPECT_EQ(c.notified, 2) << "A and B: C was notified in the next year";
    EXPECT_EQ(c.rapid_reviews, 1) << "A's, not E's";
    EXPECT_EQ(c.decided, 1);
    EXPECT_EQ(c.local_reviews, 1);
    EXPECT_EQ(c.no_further_review, 0);
    EXPECT_EQ(c.published, 1);
    EXPECT_EQ(this->read([&](ReportRepo& r) { return r.count_reviews(this->partnership, FinancialYear{2021}); }).notified, 1);
}

REGISTER_TYPED_TEST_SUITE_P(ReportContract, ASectionIsWrittenOnceThenOnlyOnTheVersionRead,
                            SignOffsAreOnePerAgencyAndYearAndAreWithdrawnTogether,
                            DispatchesListInDateOrderAndAnUnknownSectionIsNamed, TheReviewsMilestonesOfAYearAreCountedByTheirDates);

}  // namespace assure::testing
