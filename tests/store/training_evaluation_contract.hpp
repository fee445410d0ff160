#pragma once
// The store contract for training's evaluations: answers round-trip whole with their session,
// course and delegate, and page by id with every filter; the database refuses a second answer
// of one stage for one booking and a score outside 1-5; results count the delegates who
// attended and only their answers; a request is found by its token's digest alone; impact
// evidence round-trips; partnerships stay apart; the database refuses a stage or a source this
// version does not know. Every backend instantiates it.
#include "app/ports/training_evaluations.hpp"
#include "store/training_contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingEvaluationContract : public TrainingContract<Factory> {
protected:
    template <class F>
    auto in_repo(F f) {
        std::invoke_result_t<F, TrainingEvaluationRepo&> out{};
        this->store->read([&](Transaction& tx) { out = f(dynamic_cast<TrainingEvaluationTransaction&>(tx).training_evaluations()); });
        return out;
    }
    void write(const std::function<void(TrainingEvaluationRepo&, Transaction&)>& f) {
        this->store->write([&](Transaction& tx) { f(dynamic_cast<TrainingEvaluationTransaction&>(tx).training_evaluations(), tx); });
    }
    Booking attended(const TrainingSession& t, const std::string& email, Attendance a = Attendance::attended) {
        Booking b = this->book(t, email, BookingStatus::booked);
        this->store->write([&](Transaction& tx) { tx.training().set_attendance(b.id, a); });
        b.attendance = a;
        return b;
    }
    Evaluation answer(const Booking& b, EvaluationStage stage, std::array<int, kEvaluationQuestions> scores = {4, 2, 4, 5},
                      std::optional<bool> changed = std::nullopt) {
        Evaluation e;
        e.partnership = b.partnership;
        e.booking = b.id;
        e.stage = stage;
        if (stage == EvaluationStage::after_session) {
            e.scores = scores;
            e.do_differently = "Ask about the child's day";
            e.manager_email = "m@x.org";
        } else {
            e.changed_practice = changed.value_or(true);
            e.practice_change = "Changed";
            e.manager_view = "Seen it";
        }
        e.submitted_at = 1'500'000'200;
        write([&](TrainingEvaluationRepo& r, Transaction&) { e.id = r.insert_evaluation(e); });
        return e;
    }
    EvaluationCounts counts(std::optional<CourseId> c, std::optional<TrainingSessionId> s) {
        return in_repo([&](TrainingEvaluationRepo& r) { return r.count_evaluations(this->partnership, c, s); });
    }
};

TYPED_TEST_SUITE_P(TrainingEvaluationContract);

TYPED_TEST_P(TrainingEvaluationContract, AnswersRoundTripWholeAndPageWithEveryFilter) {
    const auto c = this->course("Exploring Neglect");
    const auto other = this->course("WTSC");
    const auto t = this->session(c, "2016-06-01", 20);
    const auto u = this->session(other, "2016-07-01", 20);
    const auto a = this->attended(t, "a@x.org");
    const auto b = this->attended(u, "b@x.org");
    const auto first = this->answer(a, EvaluationStage::after_session);
    const auto later = this->answer(a, EvaluationStage::follow_up, {}, false);
    this->answer(b, EvaluationStage::after_session);
    const auto back = this->in_repo([&](TrainingEvaluationRepo& r) {
        return r.find_evaluation(this->partnership, a.id, EvaluationStage::after_session);
    });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, first.id);
    EXPECT_EQ(back->scores, first.scores);
    EXPECT_EQ(back->do_differently, "Ask about the child's day");
    EXPECT_EQ(back->manager_email, "m@x.org");
    EXPECT_FALSE(back->changed_practice);
    EXPECT_EQ(back->session, t.id);
    EXPECT_EQ(back->course, c.id);
    EXPECT_EQ(back->delegate, "a@x.org");
    const auto follow = this->in_repo([&](TrainingEvaluationRepo& r) {
        return r.find_evaluation(this->partnership, a.id, EvaluationStage::follow_up);
    });
    ASSERT_TRUE(follow);
    EXPECT_EQ(follow->changed_practice, false);
    EXPECT_EQ(follow->scores, (std::array<int, kEvaluationQuestions>{}));
    EXPECT_EQ(follow->manager_view, "Seen it");

    const auto list = [&](EvaluationQuery q) {
        q.partnership = this->partnership;
        return this->in_repo([&](TrainingEvaluationRepo& r) { return r.evaluations(q); });
    };
    EvaluationQuery all;
    all.page.limit = 2;
    const auto page1 = list(all);
    ASSERT_EQ(page1.items.size(), 2u);
    ASSERT_TRUE(page1.next);
    EXPECT_EQ(page1.items[0].id, first.id);
    EXPECT_EQ(page1.items[1].id, later.id);
    all.page.after = *page1.next;
    const auto page2 = list(all);
    ASSERT_EQ(page2.items.size(), 1u);
    EXPECT_FALSE(page2.next);
    EvaluationQuery by_course;
    by_course.course = other.id;
    EXPECT_EQ(list(by_course).items.size(), 1u);
    EvaluationQuery by_session;
    by_session.session = t.id;
    by_session.stage = EvaluationStage::follow_up;
    ASSERT_EQ(list(by_session).items.size(), 1u);
    EXPECT_EQ(list(by_session).items[0].id, later.id);
}

TYPED_TEST_P(TrainingEvaluationContract, TheDatabaseRefusesASecondAnswerOfAStageAndAScoreOutsideOneToFive) {
    const auto t = this->session(this->course("C"), "2016-06-01", 5);
    const auto a = this->attended(t, "a@x.org");
    this->answer(a, EvaluationStage::after_session);
    EXPECT_THROW(this->answer(a, EvaluationStage::after_session), std::exception);
    const auto b = this->attended(t, "b@x.org");
    EXPECT_THROW(this->answer(b, EvaluationStage::after_session, {6, 2, 4, 5}), std::exception);
    EXPECT_THROW(this->answer(b, EvaluationStage::after_session, {0, 2, 4, 5}), std::exception);
    const auto e = this->in_repo([&](TrainingEvaluationRepo& r) {
        return r.find_evaluation(this->partnership, b.id, EvaluationStage::after_session);
    });
    EXPECT_FALSE(e) << "nothing half-written";
}

TYPED_TEST_P(TrainingEvaluationContract, ResultsCountTheDelegatesWhoAttendedAndTheirAnswers) {
    const auto c = this->course("C");
    const auto t = this->session(c, "2016-06-01", 20);
    const auto u = this->session(c, "2016-09-01", 20);
    const auto a = this->attended(t, "a@x.org");
    const auto b = this->attended(t, "b@x.org");
    this->attended(t, "gone@x.org", Attendance::no_show);
    this->book(t, "unmarked@x.org", BookingStatus::booked);
    const auto d = this->attended(u, "d@x.org");
    this->answer(a, EvaluationStage::after_session, {5, 2, 4, 5});
    this->answer(b, EvaluationStage::after_session, {4, 3, 5, 4});
    this->answer(a, EvaluationStage::follow_up, {}, true);
    this->answer(b, EvaluationStage::follow_up, {}, false);
    this->answer(d, EvaluationStage::after_session, {3, 1, 3, 3});
    EXPECT_EQ(this->counts(std::nullopt, t.id), (EvaluationCounts{2, 2, {9, 5, 9, 9}, 2, 1}));
    EXPECT_EQ(this->counts(c.id, std::nullopt), (EvaluationCounts{3, 3, {12, 6, 12, 12}, 2, 1}));
    // A delegate whose register is changed to did not attend drops out with their answers.
    this->store->write([&](Transaction& tx) { tx.training().set_attendance(b.id, Attendance::no_show); });
    EXPECT_EQ(this->counts(std::nullopt, t.id), (EvaluationCounts{1, 1, {5, 2, 4, 5}, 1, 1}));
}

TYPED_TEST_P(TrainingEvaluationContract, ARequestIsFoundByItsTokensDigestAlone) {
    const auto t = this->session(this->course("C"), "2016-06-01", 5);
    const auto a = this->attended(t, "a@x.org");
    EXPECT_FALSE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.request_sent(a.id, EvaluationStage::after_session); }));
    this->write([&](TrainingEvaluationRepo& r, Transaction&) {
        r.insert_request(EvaluationRequest{this->partnership, a.id, EvaluationStage::after_session, 1'500'000'300}, "digest-one");
    });
    EXPECT_TRUE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.request_sent(a.id, EvaluationStage::after_session); }));
    EXPECT_FALSE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.request_sent(a.id, EvaluationStage::follow_up); }));
    const auto found = this->in_repo([&](TrainingEvaluationRepo& r) { return r.find_request("digest-one"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->booking, a.id);
    EXPECT_EQ(found->stage, EvaluationStage::after_session);
    EXPECT_EQ(found->partnership, this->partnership);
    EXPECT_FALSE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.find_request("digest-on"); }));
    // One request per booking and stage.
    EXPECT_THROW(this->write([&](TrainingEvaluationRepo& r, Transaction&) {
        r.insert_request(EvaluationRequest{this->partnership, a.id, EvaluationStage::after_session, 1'500'000'400}, "digest-two");
    }),
                 std::exception);
    const auto list = this->in_repo([&](TrainingEvaluationRepo& r) { return r.attended(this->partnership, t.id); });
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, a.id);
}

TYPED_TEST_P(TrainingEvaluationContract, ImpactEvidenceRoundTripsAndPartnershipsStayApart) {
    const auto c = this->course("C");
    ImpactEvidence e;
    e.partnership = this->partnership;
    e.course = c.id;
    e.source = ImpactSource::dataset;
    e.link = "/dataset/indicators/4";
    e.note = "Re-referrals fell";
    e.recorded_at = 1'500'000'500;
    this->write([&](TrainingEvaluationRepo& r, Transaction&) { e.id = r.insert_impact_evidence(e); });
    const auto listed = this->in_repo([&](TrainingEvaluationRepo& r) { return r.impact_evidence(this->partnership, c.id); });
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].id, e.id);
    EXPECT_EQ(listed[0].source, ImpactSource::dataset);
    EXPECT_EQ(listed[0].link, "/dataset/indicators/4");
    EXPECT_EQ(listed[0].note, "Re-referrals fell");
    EXPECT_EQ(listed[0].recorded_at, 1'500'000'500);
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_TRUE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.impact_evidence(other, c.id); }).empty());
    EXPECT_EQ(this->in_repo([&](TrainingEvaluationRepo& r) { return r.count_evaluations(other, c.id, std::nullopt); }), EvaluationCounts{});
}

// Stages and sources are checked by the database too, so no row holds one this version cannot read.
TYPED_TEST_P(TrainingEvaluationContract, TheDatabaseRefusesAnUnknownStageOrSource) {
    const auto c = this->course("C");
    const auto t = this->session(c, "2016-06-01", 5);
    const auto a = this->attended(t, "a@x.org");
    this->write([&](TrainingEvaluationRepo& r, Transaction&) {
        r.insert_request(EvaluationRequest{this->partnership, a.id, EvaluationStage::follow_up, 1}, "d");
    });
    EXPECT_THROW(TypeParam::exec("UPDATE training_evaluation_requests SET stage = 'later' WHERE token_digest = 'd'"), std::exception);
    EXPECT_THROW(TypeParam::exec("INSERT INTO training_impact_evidence(partnership_id, course_id, source, link, note, recorded_at) "
                                 "VALUES (" + this->partnership.str() + ", " + c.id.str() + ", 'survey', '/x', 'n', 1)"),
                 std::exception);
    const auto found = this->in_repo([&](TrainingEvaluationRepo& r) { return r.find_request("d"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->stage, EvaluationStage::follow_up);
}

// The yearly report's counts: by course over the sessions dated in the period, ordered by title,
// from the same rules as count_evaluations (attended delegates only).
TYPED_TEST_P(TrainingEvaluationContract, TheYearsCountsAreByCourseOverTheSessionsOfThePeriod) {
    const auto neglect = this->course("Exploring Neglect");
    const auto care = this->course("compromised Care");
    const auto t = this->session(neglect, "2016-06-01", 20);
    const auto u = this->session(care, "2017-03-31", 20);
    const auto next_year = this->session(care, "2017-04-01", 20);
    const auto a = this->attended(t, "a@x.org");
    const auto b = this->attended(u, "b@x.org");
    const auto c = this->attended(u, "c@x.org");
    this->attended(u, "gone@x.org", Attendance::no_show);
    const auto later = this->attended(next_year, "later@x.org");
    this->answer(a, EvaluationStage::after_session, {5, 2, 4, 5});
    this->answer(a, EvaluationStage::follow_up, {}, true);
    this->answer(b, EvaluationStage::after_session, {3, 1, 3, 3});
    this->answer(c, EvaluationStage::follow_up, {}, false);
    this->answer(later, EvaluationStage::after_session, {1, 1, 1, 1});
    const auto lines = this->in_repo([&](TrainingEvaluationRepo& r) {
        return r.count_by_course(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31});
    });
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].course, care.id) << "ordered by title, whatever its case";
    EXPECT_EQ(lines[0].title, "compromised Care");
    EXPECT_EQ(lines[0].counts, (EvaluationCounts{2, 1, {3, 1, 3, 3}, 1, 0})) << "the session of 31 March in, 1 April out";
    EXPECT_EQ(lines[1].course, neglect.id);
    EXPECT_EQ(lines[1].counts, (EvaluationCounts{1, 1, {5, 2, 4, 5}, 1, 1}));
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_TRUE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.count_by_course(other, Date{2016, 4, 1}, Date{2017, 3, 31}); }).empty());
}

// What waits for a delegate: requests sent to their email and not answered, while the register
// still says they attended; soonest session first.
TYPED_TEST_P(TrainingEvaluationContract, WaitingEvaluationsAreTheRequestsOfAnEmailNotYetAnswered) {
    const auto c = this->course("Exploring Neglect");
    const auto t = this->session(c, "2016-09-01", 20);
    const auto u = this->session(c, "2016-06-01", 20);
    const auto mine_later = this->attended(t, "me@x.org");
    const auto mine_first = this->attended(u, "me@x.org");
    const auto theirs = this->attended(u, "them@x.org");
    EXPECT_TRUE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.waiting_for(this->partnership, "me@x.org"); }).empty());
    this->write([&](TrainingEvaluationRepo& r, Transaction&) {
        r.insert_request(EvaluationRequest{this->partnership, mine_later.id, EvaluationStage::after_session, 1'500'000'300}, "w1");
        r.insert_request(EvaluationRequest{this->partnership, mine_first.id, EvaluationStage::after_session, 1'500'000'100}, "w2");
        r.insert_request(EvaluationRequest{this->partnership, mine_first.id, EvaluationStage::follow_up, 1'500'000'200}, "w3");
        r.insert_request(EvaluationRequest{this->partnership, theirs.id, EvaluationStage::after_session, 1'500'000'100}, "w4");
    });
    this->answer(mine_first, EvaluationStage::after_session);
    const auto waiting = this->in_repo([&](TrainingEvaluationRepo& r) { return r.waiting_for(this->partnership, "me@x.org"); });
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].booking, mine_first.id);
    EXPECT_EQ(waiting[0].stage, EvaluationStage::follow_up) << "the first stage is answered";
    EXPECT_EQ(waiting[0].session, u.id);
    EXPECT_EQ(waiting[0].on, (Date{2016, 6, 1}));
    EXPECT_EQ(waiting[0].course_title, "Exploring Neglect");
    EXPECT_EQ(waiting[0].sent_at, 1'500'000'200);
    EXPECT_EQ(waiting[1].booking, mine_later.id);
    EXPECT_EQ(waiting[1].stage, EvaluationStage::after_session);
    // A register changed to did not attend takes the request off the list.
    this->store->write([&](Transaction& tx) { tx.training().set_attendance(mine_later.id, Attendance::no_show); });
    EXPECT_EQ(this->in_repo([&](TrainingEvaluationRepo& r) { return r.waiting_for(this->partnership, "me@x.org"); }).size(), 1u);
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_TRUE(this->in_repo([&](TrainingEvaluationRepo& r) { return r.waiting_for(other, "me@x.org"); }).empty());
}

REGISTER_TYPED_TEST_SUITE_P(TrainingEvaluationContract, AnswersRoundTripWholeAndPageWithEveryFilter,
                            TheDatabaseRefusesASecondAnswerOfAStageAndAScoreOutsideOneToFive,
                            ResultsCountTheDelegatesWhoAttendedAndTheirAnswers, ARequestIsFoundByItsTokensDigestAlone,
                            ImpactEvidenceRoundTripsAndPartnershipsStayApart, TheDatabaseRefusesAnUnknownStageOrSource,
                            TheYearsCountsAreByCourseOverTheSessionsOfThePeriod,
                            WaitingEvaluationsAreTheRequestsOfAnEmailNotYetAnswered);

}  // namespace assure::testing
