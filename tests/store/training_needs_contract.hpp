#pragma once
// The store contract for training needs analyses (issue 16 item 5): an analysis keeps its topics
// in order and a return not started for each agency asked; a title is once a partnership; a
// return's answers are replaced whole, with its submitter's name, and refused when stale; one
// partnership reads nothing of another's; the places planned sum each course's sessions in the
// dates asked.
#include "app/ports/training_needs.hpp"
#include "fakes/training_records.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingNeedsContract : public StoreContract<Factory> {
protected:
    template <class F>
    auto with(F f) {
        decltype(f(std::declval<NeedsRepo&>())) out{};
        this->store->write([&](Transaction& tx) { out = f(dynamic_cast<NeedsTransaction&>(tx).training_needs()); });
        return out;
    }
    NeedsAnalysis analysis(const std::string& title, std::vector<AgencyId> asked, CourseId course = {}) {
        NeedsAnalysis a;
        a.partnership = this->partnership;
        a.title = title;
        a.opens = Date{2026, 11, 2};
        a.closes = Date{2026, 12, 18};
        a.next_due = Date{2028, 11, 2};
        a.topics = {{"Working Together", course}, {"Contextual safeguarding", CourseId{}}};
        a.invited = std::move(asked);
        return a;
    }
    UserId user_named(const std::string& name, AgencyId agency) {
        UserId id;
        this->store->write([&](Transaction& tx) {
            const auto person = tx.people().insert(Person{PersonId{}, this->partnership, name, "Designated lead", agency, "lead@school.example"});
            User u;
            u.partnership = this->partnership;
            u.person = person;
            u.email = "lead@school.example";
            u.password_hash = "h";
            u.role = Role::agency_lead;
            id = tx.users().insert(u);
        });
        return id;
    }
};

TYPED_TEST_SUITE_P(TrainingNeedsContract);

TYPED_TEST_P(TrainingNeedsContract, AnAnalysisKeepsItsTopicsInOrderAndAReturnForEachAgencyAsked) {
    const auto school = this->agency("Kirkby High School");
    const auto college = this->agency("Knowsley Community College");
    CourseId course;
    this->store->write([&](Transaction& tx) {
        Course c;
        c.partnership = this->partnership;
        c.title = "Working Together";
        c.duration_minutes = 180;
        course = tx.training().insert_course(c);
    });
    const auto id = this->with([&](NeedsRepo& r) { return r.add(this->analysis("Training needs analysis 2026 to 2028", {school.id, college.id}, course)); });
    ASSERT_TRUE(id.has_value());
    const auto found = this->with([&](NeedsRepo& r) { return r.find(this->partnership, *id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->title, "Training needs analysis 2026 to 2028");
    EXPECT_EQ(found->opens, (Date{2026, 11, 2}));
    EXPECT_EQ(found->closes, (Date{2026, 12, 18}));
    EXPECT_EQ(found->next_due, (Date{2028, 11, 2}));
    ASSERT_EQ(found->topics.size(), 2U);
    EXPECT_EQ(found->topics[0].title, "Working Together");
    EXPECT_EQ(found->topics[0].course, course);
    EXPECT_EQ(found->topics[1].title, "Contextual safeguarding");
    EXPECT_FALSE(found->topics[1].course.valid());
    EXPECT_EQ(found->invited, (std::vector<AgencyId>{school.id, college.id}));
    EXPECT_EQ(found->version, 1);
    const auto returns = this->with([&](NeedsRepo& r) { return r.returns(this->partnership, *id); });
    ASSERT_EQ(returns.size(), 2U);
    for (const auto& ret : returns) {
        EXPECT_EQ(ret.state, NeedsReturnState::not_started);
        EXPECT_FALSE(ret.workforce.has_value());
        EXPECT_TRUE(ret.needs.empty());
    }
    EXPECT_FALSE(this->with([&](NeedsRepo& r) { return r.add(this->analysis("Training needs analysis 2026 to 2028", {school.id})); }).has_value())
        << "a title is once a partnership";
    EXPECT_EQ(this->with([&](NeedsRepo& r) { return r.list(this->partnership); }).size(), 1U);
}

TYPED_TEST_P(TrainingNeedsContract, AReturnIsReplacedWholeWithItsSubmitterAndRefusedWhenStale) {
    const auto school = this->agency("Kirkby High School");
    const auto lead = this->user_named("Aisha Begum", school.id);
    const auto id = *this->with([&](NeedsRepo& r) { return r.add(this->analysis("TNA", {school.id})); });
    NeedsReturn draft;
    draft.analysis = id;
    draft.agency = school.id;
    draft.state = NeedsReturnState::draft;
    draft.workforce = 120;
    draft.needs = {std::nullopt, 4};
    draft.gaps = "Online safety for support staff";
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.save_return(this->partnership, draft, 1, lead); }));
    auto saved = this->with([&](NeedsRepo& r) { return r.find_return(this->partnership, id, school.id); });
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->state, NeedsReturnState::draft);
    EXPECT_EQ(saved->workforce, 120);
    EXPECT_EQ(saved->trained, std::nullopt);
    EXPECT_EQ(saved->needs, (std::vector<std::optional<int>>{std::nullopt, 4}));
    EXPECT_EQ(saved->gaps, "Online safety for support staff");
    EXPECT_EQ(saved->submitted_by, "") << "a draft names nobody";
    EXPECT_EQ(saved->version, 2);

    NeedsReturn submitted = draft;
    submitted.state = NeedsReturnState::submitted;
    submitted.trained = 90;
    submitted.needs = {30, 0};
    submitted.submitted_on = Date{2026, 12, 1};
    EXPECT_FALSE(this->with([&](NeedsRepo& r) { return r.save_return(this->partnership, submitted, 1, lead); })) << "stale";
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.save_return(this->partnership, submitted, 2, lead); }));
    saved = this->with([&](NeedsRepo& r) { return r.find_return(this->partnership, id, school.id); });
    EXPECT_EQ(saved->state, NeedsReturnState::submitted);
    EXPECT_EQ(saved->needs, (std::vector<std::optional<int>>{30, 0}));
    EXPECT_EQ(saved->submitted_on, (Date{2026, 12, 1}));
    EXPECT_EQ(saved->submitted_by, "Aisha Begum");
    EXPECT_EQ(saved->agency_name, "Kirkby High School");
    EXPECT_EQ((this->with([&](NeedsRepo& r) { return r.submitted_counts(this->partnership); })), (std::map<NeedsAnalysisId, int>{{id, 1}}));
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.submitted_counts(PartnershipId{this->partnership.value + 1}); }).empty());
    const auto all = this->with([&](NeedsRepo& r) { return r.returns(this->partnership, id); });
    ASSERT_EQ(all.size(), 1U);
    EXPECT_EQ(all[0].needs, (std::vector<std::optional<int>>{30, 0}));
    EXPECT_EQ(all[0].trained, 90);
}

TYPED_TEST_P(TrainingNeedsContract, OnePartnershipReadsNothingOfAnothers) {
    const auto school = this->agency("Kirkby High School");
    const auto id = *this->with([&](NeedsRepo& r) { return r.add(this->analysis("TNA", {school.id})); });
    const PartnershipId other{this->partnership.value + 1};
    EXPECT_FALSE(this->with([&](NeedsRepo& r) { return r.find(other, id); }).has_value());
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.list(other); }).empty());
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.returns(other, id); }).empty());
    EXPECT_FALSE(this->with([&](NeedsRepo& r) { return r.find_return(other, id, school.id); }).has_value());
    NeedsReturn r;
    r.analysis = id;
    r.agency = school.id;
    r.state = NeedsReturnState::draft;
    EXPECT_FALSE(this->with([&](NeedsRepo& repo) { return repo.save_return(other, r, 1, UserId{}); }));
}

TYPED_TEST_P(TrainingNeedsContract, ChangingTheDatesRaisesTheVersion) {
    const auto school = this->agency("Kirkby High School");
    const auto id = *this->with([&](NeedsRepo& r) { return r.add(this->analysis("TNA", {school.id})); });
    auto a = *this->with([&](NeedsRepo& r) { return r.find(this->partnership, id); });
    a.closes = Date{2027, 1, 15};
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.save(a, 1); }));
    EXPECT_FALSE(this->with([&](NeedsRepo& r) { return r.save(a, 1); })) << "stale";
    const auto found = this->with([&](NeedsRepo& r) { return r.find(this->partnership, id); });
    EXPECT_EQ(found->closes, (Date{2027, 1, 15}));
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->topics.size(), 2U) << "the topics stay";
}

TYPED_TEST_P(TrainingNeedsContract, PlacesPlannedSumEachCoursesSessionsInTheDates) {
    CourseId wt, neglect;
    this->store->write([&](Transaction& tx) {
        const auto first = store_session(tx, this->partnership, "Working Together", Date{2027, 1, 12}, 20);
        wt = tx.training().find_session(this->partnership, first)->course;
        TrainingSession again = *tx.training().find_session(this->partnership, first);
        again.on = Date{2027, 3, 9};
        again.capacity = 25;
        tx.training().insert_session(again);
        again.on = Date{2029, 1, 9};  // after the dates asked
        tx.training().insert_session(again);
        const auto n = store_session(tx, this->partnership, "Exploring Neglect", Date{2026, 11, 20}, 16);
        neglect = tx.training().find_session(this->partnership, n)->course;
    });
    const auto places = this->with([&](NeedsRepo& r) { return r.places_planned(this->partnership, Date{2026, 11, 2}, Date{2028, 11, 2}); });
    std::map<CourseId, int> by_course(places.begin(), places.end());
    EXPECT_EQ(by_course.size(), 2U);
    EXPECT_EQ(by_course[wt], 45);
    EXPECT_EQ(by_course[neglect], 16);
    EXPECT_TRUE(this->with([&](NeedsRepo& r) { return r.places_planned(PartnershipId{this->partnership.value + 1}, Date{2026, 1, 1}, Date{2030, 1, 1}); })
                    .empty());
}

REGISTER_TYPED_TEST_SUITE_P(TrainingNeedsContract, AnAnalysisKeepsItsTopicsInOrderAndAReturnForEachAgencyAsked,
                            AReturnIsReplacedWholeWithItsSubmitterAndRefusedWhenStale, OnePartnershipReadsNothingOfAnothers,
                            ChangingTheDatesRaisesTheVersion, PlacesPlannedSumEachCoursesSessionsInTheDates);

}  // namespace assure::testing
