// The training needs analysis (issue 16 item 5). Core: what is typed when one opens and when an
// agency answers, the stage by the dates, and the results counted from the returns submitted
// (drafts not counted, the share trained recomputed from the sums, places set against needs).
// Use cases: opening asks the active agencies of the sectors chosen, an agency's lead answers for
// their own agency only and only while it is open, the business unit for any at any time, the
// results by agency are read by those who may, and every change is audited in its transaction.
#include <gtest/gtest.h>

#include "app/my_work.hpp"
#include "app/training.hpp"
#include "app/training_needs.hpp"
#include "core/training_needs.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Course course(std::int64_t id, const std::string& title) {
    Course c;
    c.id = CourseId{id};
    c.title = title;
    return c;
}

bool has_field(const FieldErrors& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; });
}

NeedsAnalysis two_topics() {
    NeedsAnalysis a;
    a.id = NeedsAnalysisId{1};
    a.title = "TNA";
    a.opens = Date{2026, 11, 2};
    a.closes = Date{2026, 12, 18};
    a.next_due = Date{2028, 11, 2};
    a.topics = {{"Working Together", CourseId{7}}, {"Contextual safeguarding", CourseId{}}};
    return a;
}

}  // namespace

TEST(TrainingNeedsRules, AnAnalysisNeedsATitleDatesInOrderAndTopicsEachOnce) {
    const std::vector<Course> offer{course(7, "Working Together"), course(8, "Exploring Neglect")};
    FieldErrors e;
    const auto a = check_needs_analysis({" TNA 2026 ", "2026-11-02", "2026-12-18", "", {CourseId{8}, CourseId{7}}, "Contextual safeguarding\n\n  Online harm \n", {"health"}},
                                        offer, e);
    ASSERT_TRUE(a.has_value()) << (e.empty() ? "" : e[0].message);
    EXPECT_EQ(a->title, "TNA 2026");
    EXPECT_EQ(a->next_due, (Date{2028, 11, 2})) << "two years after it opens, by default";
    ASSERT_EQ(a->topics.size(), 4u);
    EXPECT_EQ(a->topics[0].title, "Exploring Neglect");
    EXPECT_EQ(a->topics[0].course, CourseId{8});
    EXPECT_EQ(a->topics[3].title, "Online harm");
    EXPECT_FALSE(a->topics[3].course.valid());

    const auto refused = [&](const NeedsAnalysisInput& in, const std::string& field) {
        FieldErrors errors;
        EXPECT_FALSE(check_needs_analysis(in, offer, errors).has_value()) << field;
        EXPECT_TRUE(has_field(errors, field)) << field << ": " << (errors.empty() ? "no error" : errors[0].field);
    };
    refused({"", "2026-11-02", "2026-12-18", "", {CourseId{7}}, "", {}}, "title");
    refused({"TNA", "2026-11-31", "2026-12-18", "", {CourseId{7}}, "", {}}, "opens");
    refused({"TNA", "2026-11-02", "2026-11-01", "", {CourseId{7}}, "", {}}, "closes");
    refused({"TNA", "2026-11-02", "2026-12-18", "2026-11-02", {CourseId{7}}, "", {}}, "next_due");
    refused({"TNA", "2026-11-02", "2026-12-18", "", {}, "  \n", {}}, "topics");
    refused({"TNA", "2026-11-02", "2026-12-18", "", {CourseId{99}}, "", {}}, "topics");
    refused({"TNA", "2026-11-02", "2026-12-18", "", {CourseId{7}}, "working together", {}}, "topics");
    refused({"TNA", "2026-11-02", "2026-12-18", "", {}, std::string(151, 'x'), {}}, "topics");
    refused({"TNA", "2026-11-02", "2026-12-18", "", {CourseId{7}}, "", {"space"}}, "sectors");
    std::string many;
    for (int i = 0; i <= static_cast<int>(kMaxNeedsTopics); ++i) many += "Topic " + std::to_string(i) + "\n";
    refused({"TNA", "2026-11-02", "2026-12-18", "", {}, many, {}}, "topics");
}

TEST(TrainingNeedsRules, TheStageFollowsTheDates) {
    const NeedsAnalysis a = two_topics();
    EXPECT_EQ(needs_stage(a, Date{2026, 11, 1}), NeedsAnalysisStage::not_open);
    EXPECT_EQ(needs_stage(a, Date{2026, 11, 2}), NeedsAnalysisStage::open);
    EXPECT_EQ(needs_stage(a, Date{2026, 12, 18}), NeedsAnalysisStage::open);
    EXPECT_EQ(needs_stage(a, Date{2026, 12, 19}), NeedsAnalysisStage::closed);
    EXPECT_EQ(needs_stage_label(NeedsAnalysisStage::closed), "Closed");
    EXPECT_EQ(parse_needs_state("submitted"), NeedsReturnState::submitted);
    EXPECT_EQ(parse_needs_state("sent"), std::nullopt);
}

TEST(TrainingNeedsRules, ADraftMayLeaveFiguresBlankAndASubmittedReturnAnswersEveryOneWithinTheWorkforce) {
    const NeedsAnalysis a = two_topics();
    FieldErrors e;
    const auto draft = check_needs_return(a, {"120", "", {"", "4"}, ""}, false, e);
    ASSERT_TRUE(draft.has_value());
    EXPECT_EQ(draft->state, NeedsReturnState::draft);
    EXPECT_EQ(draft->workforce, 120);
    EXPECT_EQ(draft->trained, std::nullopt);
    EXPECT_EQ(draft->needs, (std::vector<std::optional<int>>{std::nullopt, 4}));

    FieldErrors missing;
    EXPECT_FALSE(check_needs_return(a, {"120", "", {"", "4"}, ""}, true, missing).has_value());
    EXPECT_TRUE(has_field(missing, "trained"));
    EXPECT_TRUE(has_field(missing, "need-1"));
    EXPECT_FALSE(has_field(missing, "need-2"));

    FieldErrors wrong;
    EXPECT_FALSE(check_needs_return(a, {"120", "121", {"-1", "130"}, std::string(4001, 'x')}, true, wrong).has_value());
    EXPECT_TRUE(has_field(wrong, "trained")) << "more trained than work with children";
    EXPECT_TRUE(has_field(wrong, "need-1")) << "negative";
    EXPECT_TRUE(has_field(wrong, "need-2")) << "more than the workforce";
    EXPECT_TRUE(has_field(wrong, "gaps"));
    for (const auto& err : wrong) {
        if (err.field == "need-2") {
            EXPECT_EQ(err.message, "Staff needing Contextual safeguarding cannot be more than the 120 who work with children");
        }
    }

    FieldErrors fine;
    const auto submitted = check_needs_return(a, {"120", "90", {"30", "0"}, " Online harm "}, true, fine);
    ASSERT_TRUE(submitted.has_value());
    EXPECT_EQ(submitted->state, NeedsReturnState::submitted);
    EXPECT_EQ(submitted->gaps, "Online harm");
}

TEST(TrainingNeedsRules, ResultsCountSubmittedReturnsRecomputeTheShareAndSetPlacesAgainstNeeds) {
    const NeedsAnalysis a = two_topics();
    const AgencyId school{1}, trust{2}, police{3};
    NeedsReturn s;
    s.agency = school;
    s.state = NeedsReturnState::submitted;
    s.workforce = 100;
    s.trained = 90;
    s.needs = {10, 0};
    s.submitted_on = Date{2026, 11, 20};
    NeedsReturn t = s;
    t.agency = trust;
    t.workforce = 1000;
    t.trained = 500;
    t.needs = {40, 25};
    NeedsReturn p;  // a draft: not counted
    p.agency = police;
    p.state = NeedsReturnState::draft;
    p.workforce = 5000;
    p.needs = {900, 900};
    const auto f = needs_figures(a, {s, t, p}, {{school, "Kirkby High School"}, {trust, "Alder Hey"}, {police, "Merseyside Police"}},
                                 {{CourseId{7}, 45}, {CourseId{8}, 16}});
    EXPECT_EQ(f.invited, 3);
    EXPECT_EQ(f.submitted, 2);
    EXPECT_EQ(f.returned_percent, 67);
    EXPECT_EQ(f.workforce, 1100);
    EXPECT_EQ(f.trained, 590);
    EXPECT_EQ(f.trained_percent, 54) << "590 of 1,100, not the mean of 90% and 50%";
    ASSERT_EQ(f.by_topic.size(), 2u);
    EXPECT_EQ(f.by_topic[0].staff, 50);
    EXPECT_EQ(f.by_topic[0].agencies, 2);
    EXPECT_EQ(f.by_topic[0].places, 45);
    EXPECT_EQ(f.by_topic[0].short_by, 5);
    EXPECT_EQ(f.by_topic[1].staff, 25);
    EXPECT_EQ(f.by_topic[1].agencies, 1) << "a need of 0 is no need";
    EXPECT_EQ(f.by_topic[1].places, std::nullopt) << "not a course of the offer";
    EXPECT_EQ(f.by_topic[1].short_by, std::nullopt);
    ASSERT_EQ(f.by_agency.size(), 3u);
    EXPECT_EQ(f.by_agency[0].name, "Alder Hey") << "by name";
    EXPECT_EQ(f.by_agency[0].trained_percent, 50);
    EXPECT_EQ(f.by_agency[0].staff_needing, 65);
    EXPECT_EQ(f.by_agency[2].name, "Merseyside Police");
    EXPECT_EQ(f.by_agency[2].state, NeedsReturnState::draft);
    EXPECT_EQ(f.by_agency[2].workforce, std::nullopt) << "a draft's figures are the agency's until submitted";
    EXPECT_EQ(needs_returned_sentence(f), "2 of 3 agencies have returned (67%).");

    const auto none = needs_figures(a, {}, {{school, "Kirkby High School"}}, {});
    EXPECT_EQ(none.by_agency[0].state, NeedsReturnState::not_started);
    EXPECT_EQ(none.by_topic[0].places, 0) << "a course with no sessions has no places";
    EXPECT_EQ(none.by_topic[0].short_by, 0);
    EXPECT_EQ(none.trained_percent, std::nullopt);
    EXPECT_EQ(needs_returned_sentence(none), "0 of 1 agency has returned (0%).");
}

class TrainingNeeds : public ::testing::Test {
protected:
    World w;
    Actor bu = w.as(Role::business_unit);
    AgencyId school = w.add_agency({AgencyId{}, w.partnership, "Kirkby High School", AgencyKind::relevant_agency, StatutoryRole::none, "education"});
    AgencyId trust = w.add_agency({AgencyId{}, w.partnership, "Alder Hey", AgencyKind::relevant_agency, StatutoryRole::none, "health"});
    AgencyId closed_down = w.add_agency({AgencyId{}, w.partnership, "Old Clinic", AgencyKind::relevant_agency, StatutoryRole::none, "health", "", "", false});
    Actor school_lead, trust_lead;
    CourseId wt;
    void SetUp() override {
        w.clock.at = 1'796'342'400;  // 4 December 2026
        school_lead = w.add_user(w.add_person({PersonId{}, w.partnership, "Aisha Begum", "Designated lead", school, "aisha@school.example"}), Role::agency_lead);
        trust_lead = w.add_user(w.add_person({PersonId{}, w.partnership, "Tom Reid", "Named nurse", trust, "tom@trust.example"}), Role::agency_lead);
        wt = add_course(w.services, bu, {"Working Together", "multi_agency_core", "Know the procedures", "Everyone", "180", {}}).id;
    }
    NeedsAnalysis open(std::vector<std::string> sectors = {}) {
        return open_needs_analysis(w.services, bu, {"Training needs analysis 2026 to 2028", "2026-11-02", "2026-12-18", "", {wt}, "Online harm", std::move(sectors)});
    }
};

TEST_F(TrainingNeeds, OpeningAsksTheActiveAgenciesOfTheSectorsChosenAndIsAudited) {
    const auto before = w.audit_count();
    const NeedsAnalysis a = open();
    EXPECT_EQ(a.invited, (std::vector<AgencyId>{school, trust})) << "not the inactive one";
    EXPECT_EQ(w.audit_count(), before + 1);
    EXPECT_EQ(w.last_audit().action, "training_needs.open");
    const NeedsAnalysis health_only =
        open_needs_analysis(w.services, bu, {"Health TNA", "2026-11-02", "2026-12-18", "", {wt}, "", {"health"}});
    EXPECT_EQ(health_only.invited, (std::vector<AgencyId>{trust}));
    EXPECT_EQ(refusal_of([&] { open(); }), FailureCode::invalid) << "the title is taken";
    try {
        open_needs_analysis(w.services, bu, {"Housing TNA", "2026-11-02", "2026-12-18", "", {wt}, "", {"housing"}});
        ADD_FAILURE() << "no active agency in housing";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "sectors");
    }
    EXPECT_EQ(refusal_of([&] { open_needs_analysis(w.services, school_lead, {"X", "2026-11-02", "2026-12-18", "", {wt}, "", {}}); }),
              FailureCode::forbidden);
    EXPECT_EQ(list_needs_analyses(w.services, school_lead).analyses.size(), 2u);
    EXPECT_EQ(w.audit_count(), before + 2) << "refusals saved nothing";
}

TEST_F(TrainingNeeds, AnAgencysLeadAnswersForTheirOwnAgencyWhileItIsOpen) {
    const NeedsAnalysis a = open();
    EXPECT_EQ(refusal_of([&] { save_needs_return(w.services, school_lead, a.id, trust, 1, {"10", "5", {"1", "1"}, ""}, true); }),
              FailureCode::not_found)
        << "another agency's return";
    const NeedsReturn draft = save_needs_return(w.services, school_lead, a.id, school, 1, {"120", "", {"", ""}, ""}, false);
    EXPECT_EQ(draft.state, NeedsReturnState::draft);
    EXPECT_EQ(refusal_of([&] { save_needs_return(w.services, school_lead, a.id, school, 1, {"120", "90", {"30", "2"}, ""}, true); }),
              FailureCode::conflict);
    const auto before = w.audit_count();
    EXPECT_EQ(refusal_of([&] { save_needs_return(w.services, school_lead, a.id, school, draft.version, {"120", "", {"30", "2"}, ""}, true); }),
              FailureCode::invalid)
        << "a figure missing";
    EXPECT_EQ(w.audit_count(), before);
    const NeedsReturn done = save_needs_return(w.services, school_lead, a.id, school, draft.version, {"120", "90", {"30", "2"}, "Online harm for support staff"}, true);
    EXPECT_EQ(done.state, NeedsReturnState::submitted);
    EXPECT_EQ(done.submitted_on, (Date{2026, 12, 4}));
    EXPECT_EQ(done.submitted_by, "Aisha Begum");
    EXPECT_EQ(w.last_audit().action, "training_needs.submit");

    // The school's lead reads her own line only; the business unit reads every agency's.
    const NeedsView hers = read_needs_analysis(w.services, school_lead, a.id);
    EXPECT_EQ(hers.own_agency, school);
    ASSERT_EQ(hers.figures.by_agency.size(), 1u);
    EXPECT_EQ(hers.figures.by_agency[0].agency, school);
    EXPECT_EQ(hers.figures.by_topic[0].staff, 30) << "every agency's needs by topic";
    EXPECT_EQ(refusal_of([&] { read_needs_return(w.services, school_lead, a.id, trust); }), FailureCode::not_found);
    const NeedsView all = read_needs_analysis(w.services, bu, a.id);
    EXPECT_EQ(all.figures.by_agency.size(), 2u);
    EXPECT_EQ(all.figures.submitted, 1);

    // Once closed, the lead is refused and the business unit enters the trust's paper return.
    w.clock.at += 15 * 86400;  // 19 December 2026
    const NeedsReturnView later = read_needs_return(w.services, trust_lead, a.id, trust);
    EXPECT_FALSE(later.may_write);
    try {
        save_needs_return(w.services, trust_lead, a.id, trust, later.answer.version, {"10", "5", {"1", "1"}, ""}, true);
        ADD_FAILURE() << "closed";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].message, "Returns closed on 18 December 2026: ask the training team to enter yours");
    }
    const NeedsReturn paper = save_needs_return(w.services, bu, a.id, trust, later.answer.version, {"1000", "500", {"40", "25"}, ""}, true);
    EXPECT_EQ(paper.state, NeedsReturnState::submitted);
    EXPECT_EQ(read_needs_analysis(w.services, bu, a.id).figures.trained_percent, 53) << "590 of 1,120";
}

TEST_F(TrainingNeeds, ChangingTheDatesKeepsTheTopicsAndTheNextDueShowsOnTheList) {
    const NeedsAnalysis a = open();
    EXPECT_EQ(list_needs_analyses(w.services, bu).next_due, (Date{2028, 11, 2}));
    EXPECT_FALSE(list_needs_analyses(w.services, bu).overdue);
    const NeedsAnalysis moved = change_needs_analysis(w.services, bu, a.id, {a.title, "2026-11-02", "2027-01-15", "2028-09-01", {}, "", {}}, a.version);
    EXPECT_EQ(moved.closes, (Date{2027, 1, 15}));
    EXPECT_EQ(moved.topics.size(), 2u);
    EXPECT_EQ(w.last_audit().action, "training_needs.update");
    EXPECT_EQ(refusal_of([&] { change_needs_analysis(w.services, bu, a.id, {a.title, "2026-11-02", "2027-01-15", "", {}, "", {}}, a.version); }),
              FailureCode::conflict);
    EXPECT_EQ(refusal_of([&] { change_needs_analysis(w.services, bu, a.id, {a.title, "2026-11-02", "2026-10-01", "", {}, "", {}}, moved.version); }),
              FailureCode::invalid);
    w.clock.at += 700 * 86400;  // past 1 September 2028
    EXPECT_TRUE(list_needs_analyses(w.services, bu).overdue);
}

TEST_F(TrainingNeeds, AnOpenReturnNotSubmittedIsInTheLeadsWorkUntilItIsSubmitted) {
    const NeedsAnalysis a = open();
    const auto owed = [&](const Actor& who) {
        std::vector<MyWorkLine> out;
        for (const auto& l : my_work(w.services, who, PageRequest{}).lines) {
            if (l.item.kind == OwedKind::needs_return) out.push_back(l);
        }
        return out;
    };
    auto hers = owed(school_lead);
    ASSERT_EQ(hers.size(), 1u);
    EXPECT_EQ(hers[0].item.title, "Training needs analysis 2026 to 2028");
    EXPECT_EQ(hers[0].item.due, (Date{2026, 12, 18}));
    EXPECT_EQ(hers[0].item.detail, "Not started for Kirkby High School");
    EXPECT_EQ(hers[0].href, "/training/needs/" + a.id.str() + "/returns/" + school.str());
    EXPECT_TRUE(owed(bu).empty()) << "the business unit answers for no agency";
    const NeedsReturn draft = save_needs_return(w.services, school_lead, a.id, school, 1, {"120", "", {"", ""}, ""}, false);
    EXPECT_EQ(owed(school_lead)[0].item.detail, "Draft started for Kirkby High School");
    save_needs_return(w.services, school_lead, a.id, school, draft.version, {"120", "90", {"30", "2"}, ""}, true);
    EXPECT_TRUE(owed(school_lead).empty()) << "submitted";
    EXPECT_EQ(owed(trust_lead).size(), 1u);
    w.clock.at += 15 * 86400;  // closed on 18 December
    EXPECT_TRUE(owed(trust_lead).empty()) << "closed: the training team enters it now";
}
