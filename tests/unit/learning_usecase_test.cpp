// Learning use cases on the real store: an agency lead sees and changes only their
// own agency's return and actions; refusals save nothing; every change leaves an audit row.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/agency_links.hpp"
#include "app/audit_return_check.hpp"
#include "app/learning.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct LearningWorld : World {
    AgencyId housing = add_agency({AgencyId{}, partnership, "Housing Trust", AgencyKind::relevant_agency, StatutoryRole::none, "housing"});
    AgencyId police = add_agency({AgencyId{}, partnership, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    PersonId andrew = add_person({PersonId{}, partnership, "Andrew Kerr", "Lead", housing, "a@example.org"});
    PersonId pat = add_person({PersonId{}, partnership, "Pat Police", "Inspector", police, "p@example.org"});
    Actor bu = as(Role::business_unit);
    Actor lead = add_user(andrew, Role::agency_lead);
    Actor police_lead = add_user(pat, Role::agency_lead);

    LearningWorld() { clock.at = 1'795'435'200; }  // 2026-11-23 12:00 UTC

    ImprovementAction raise(AgencyId agency, PersonId lead_person) {
        const auto src = create_source(services, bu, {"thematic_audit", "Neglect audit", "2026-11-01", "complete", "", {"Neglect"}});
        const auto with_rec = add_source_recommendation(services, bu, src.id, src.version, "Train staff", "Neglect", {agency.str()});
        return create_improvement(services, bu, {src.id, 1, {}, ""},
                                  {"Train all staff", agency.str(), lead_person.str(), "2027-02-01", "Audit shows it", "", ""});
    }

    AuditCycle open_cycle() {
        return create_cycle(services, bu, {"section_11", "Section 11 audit 2026", "2026-11-01", "2026-12-31", "four_point",
                                           {housing.str(), police.str()}});
    }

    std::vector<AuditReturn> returns(PartnershipId in) {
        return read([&](Transaction& tx) {
            std::vector<AuditReturn> out;
            for (const auto& c : tx.learning().cycles(in)) {
                for (auto& r : tx.learning().returns_of(in, c.id)) out.push_back(std::move(r));
            }
            return out;
        });
    }
    std::vector<ImprovementAction> improvements() {
        return read([&](Transaction& tx) {
            ImprovementQuery q;
            q.partnership = partnership;
            q.page.limit = PageRequest::max_limit;
            return tx.learning().improvements(q).items;
        });
    }

    static std::vector<AnswerInput> answers(const char* grade_five) {
        std::vector<AnswerInput> out;
        for (int i = 1; i <= 8; ++i) out.push_back({std::to_string(i), i == 5 ? grade_five : "2", "We meet it", ""});
        return out;
    }
};

}  // namespace

TEST(LearningUseCases, AnAgencyLeadSeesOnlyTheirOwnAgencysActions) {
    LearningWorld w;
    const auto ours = w.raise(w.housing, w.andrew);
    const auto theirs = w.raise(w.police, w.pat);
    const auto seen = list_improvements(w.services, w.lead, ImprovementFilter{}, {}).items;
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].action.id, ours.id);
    EXPECT_EQ(list_improvements(w.services, w.bu, ImprovementFilter{}, {}).items.size(), 2u);
    try {
        read_improvement(w.services, w.lead, theirs.id);
        FAIL() << "another agency's action was shown";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
    EXPECT_THROW(update_improvement(w.services, w.lead, theirs.id, theirs.version, "", "Progress"), Failure);
}

TEST(LearningUseCases, AnAgencyLeadMovesTheirActionOnButCannotAgreeOrSignOff) {
    LearningWorld w;
    auto a = w.raise(w.housing, w.andrew);
    try {
        update_improvement(w.services, w.lead, a.id, a.version, "agreed", "");
        FAIL() << "an agency lead agreed an action";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].field, "state");
    }
    a = update_improvement(w.services, w.bu, a.id, a.version, "agreed", "Agreed at the group");
    a = update_improvement(w.services, w.lead, a.id, a.version, "in_progress", "Started");
    const std::size_t audit_before = w.audit_count();
    EXPECT_THROW(update_improvement(w.services, w.lead, a.id, a.version, "completed", "Done"), Failure);  // no evidence yet
    EXPECT_EQ(w.audit_count(), audit_before);
    EXPECT_EQ(w.improvements().at(0).state, ActionState::in_progress);
    a = add_improvement_evidence(w.services, w.lead, a.id, a.version, "output", "All 40 staff trained", "https://example.org/register");
    a = update_improvement(w.services, w.lead, a.id, a.version, "completed", "Training finished");
    EXPECT_EQ(a.state, ActionState::completed);
    EXPECT_EQ(a.updates.size(), 3u);
    EXPECT_EQ(a.updates.back().by, "Andrew Kerr");
    EXPECT_THROW(update_improvement(w.services, w.lead, a.id, a.version, "evidenced", ""), Failure);
    EXPECT_EQ(w.last_audit().action, "improvement.update");
    EXPECT_FALSE(w.last_audit().before_json.empty());
}

TEST(LearningUseCases, AStaleVersionChangesNothing) {
    LearningWorld w;
    const auto a = w.raise(w.housing, w.andrew);
    update_improvement(w.services, w.bu, a.id, a.version, "agreed", "");
    try {
        update_improvement(w.services, w.bu, a.id, a.version, "superseded", "Replaced");
        FAIL() << "a stale version was accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
    }
    EXPECT_EQ(w.improvements().at(0).state, ActionState::agreed);
}

TEST(LearningUseCases, AnAgencyLeadFillsInOnlyTheirOwnReturn) {
    LearningWorld w;
    const auto cycle = w.open_cycle();
    const auto draft = save_return(w.services, w.lead, cycle.id, w.housing, 0, w.answers(""), false);
    EXPECT_EQ(draft.status, ReturnStatus::draft);
    EXPECT_EQ(w.last_audit().action, "audit_return.save_draft");
    EXPECT_THROW(read_return(w.services, w.lead, cycle.id, w.police), Failure);
    EXPECT_THROW(save_return(w.services, w.lead, cycle.id, w.police, 0, w.answers("2"), false), Failure);
    EXPECT_EQ(w.returns(w.partnership).size(), 1u);
    const auto view = read_cycle(w.services, w.lead, cycle.id);
    ASSERT_EQ(view.returns.items.size(), 1u);  // their own line only
    EXPECT_EQ(view.invited, 1);
    const auto submitted = save_return(w.services, w.lead, cycle.id, w.housing, draft.version, w.answers("2"), true);
    EXPECT_EQ(submitted.status, ReturnStatus::submitted);
    EXPECT_EQ(submitted.submitted_by, "Andrew Kerr");
    // Once submitted it is the partnership's to moderate, not the agency's to change.
    EXPECT_THROW(save_return(w.services, w.lead, cycle.id, w.housing, submitted.version, w.answers("1"), false), Failure);
    EXPECT_THROW(moderate_return(w.services, w.lead, cycle.id, w.housing, submitted.version, {{"5", "3", ""}}, ""), Failure);
    EXPECT_THROW(audit_letter(w.services, w.bu, cycle.id, w.housing), Failure);  // the letter follows moderation
    const auto moderated = moderate_return(w.services, w.bu, cycle.id, w.housing, submitted.version, {{"5", "3", "No analysis"}}, "Challenged");
    EXPECT_EQ(effective_grade(moderated.answers[4]), "3");
    const auto letter = audit_letter(w.services, w.bu, cycle.id, w.housing);
    ASSERT_EQ(letter.development.size(), 1u);
    EXPECT_NE(letter.development[0].find("No analysis"), std::string::npos);
    EXPECT_EQ(letter.good_practice.size(), 7u);
}

TEST(LearningUseCases, AReturnIsCheckedBeforeItIsSubmittedAsCheckedAndNotAfterAChange) {
    LearningWorld w;
    const auto cycle = w.open_cycle();
    // Going on to check needs what submission needs; refused, nothing is saved.
    try {
        save_return_to_check(w.services, w.lead, cycle.id, w.housing, 0, w.answers(""));
        FAIL() << "an ungraded return went on to be checked";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].field, "grade-5");
    }
    EXPECT_TRUE(w.returns(w.partnership).empty());
    const auto checked = save_return_to_check(w.services, w.lead, cycle.id, w.housing, 0, w.answers("3"));
    EXPECT_EQ(checked.status, ReturnStatus::draft);
    EXPECT_EQ(w.last_audit().action, "audit_return.save_draft");
    // A draft changed since it was checked is not submitted on the strength of the old check.
    const auto changed = save_return(w.services, w.lead, cycle.id, w.housing, checked.version, w.answers(""), false);
    EXPECT_THROW(submit_checked_return(w.services, w.lead, cycle.id, w.housing, checked.version, false), Failure);
    try {
        submit_checked_return(w.services, w.lead, cycle.id, w.housing, changed.version, false);
        FAIL() << "a draft without a grade was submitted";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].field, "grade-5");
    }
    EXPECT_EQ(w.returns(w.partnership).at(0).status, ReturnStatus::draft);
    const auto again = save_return_to_check(w.services, w.lead, cycle.id, w.housing, changed.version, w.answers("3"));
    const auto submitted = submit_checked_return(w.services, w.lead, cycle.id, w.housing, again.version, false);
    EXPECT_EQ(submitted.status, ReturnStatus::submitted);
    EXPECT_EQ(submitted.answers[4].grade, "3");
    EXPECT_EQ(submitted.submitted_on, Date::parse("2026-11-23"));
    EXPECT_EQ(w.last_audit().action, "audit_return.submit");
}

TEST(LearningUseCases, ASubmissionAfterTheCycleClosesIsRefusedAndNothingSaved) {
    LearningWorld w;
    const auto cycle = create_cycle(w.services, w.bu, {"section_11", "Section 11 audit 2025", "2025-10-01", "2025-12-31", "four_point",
                                                       {w.housing.str()}});
    try {
        save_return(w.services, w.lead, cycle.id, w.housing, 0, w.answers("2"), true);
        FAIL() << "a late return was accepted";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].field, "submit");
    }
    EXPECT_TRUE(w.returns(w.partnership).empty());
}

TEST(LearningUseCases, AGapBecomesAnActionOwnedByTheAgency) {
    LearningWorld w;
    const auto cycle = w.open_cycle();
    const auto r = save_return(w.services, w.lead, cycle.id, w.housing, 0, w.answers("4"), true);
    const auto a = create_improvement(w.services, w.bu, {{}, 0, r.id, "5"}, {"Training needs analysis", w.housing.str(), w.andrew.str(), "2027-03-01", "Analysis done", "", "neglect"});
    const auto line = read_improvement(w.services, w.lead, a.id);
    EXPECT_EQ(line.origin, "Section 11 audit 2026, standard 5");
    EXPECT_EQ(read_return(w.services, w.bu, cycle.id, w.housing).actions.size(), 1u);
    // An owning agency outside the partnership is refused and nothing is saved.
    EXPECT_THROW(create_improvement(w.services, w.bu, {{}, 0, r.id, "5"}, {"x", "77", w.andrew.str(), "2027-03-01", "y", "", ""}), Failure);
    EXPECT_EQ(w.improvements().size(), 1u);
}

namespace {

// Two partnerships on one server; the police force works with both, and its two agency records
// are linked: proposed by the first partnership, accepted by the other (app/agency_links.hpp).
struct TwoPartnerships : LearningWorld {
    PartnershipId other = add_partnership("other", "Other Partnership");
    AgencyId other_police = add_agency({AgencyId{}, other, "Merseyside Police", AgencyKind::statutory_partner,
                                        StatutoryRole::police, "police", "", "MERPOL"});
    AgencyId other_council = add_agency({AgencyId{}, other, "Other Council", AgencyKind::statutory_partner,
                                         StatutoryRole::local_authority, "local_authority"});
    Actor other_bu = add_user(add_person({PersonId{}, other, "Deborah Hughes", "Business manager", AgencyId{}, "dh@example.org"}),
                              Role::business_unit, other);

    explicit TwoPartnerships(bool link = true) {
        give_police_the_code("MERPOL");
        if (link) {
            const auto proposed = propose_agency_link(services, bu, {police.str(), other.str()});
            accept_agency_link(services, other_bu, proposed.link.id, proposed.link.version, other_police.str());
        }
    }
    void give_police_the_code(const std::string& code) {
        store.write([&](Transaction& tx) {
            auto agency = tx.agencies().find(partnership, police);
            agency->organisation_code = code;
            tx.agencies().update(*agency);
        });
    }
    AuditCycle other_cycle(const char* scale = "four_point") {
        return create_cycle(services, other_bu, {"section_11", "Other S11 2026", "2026-11-10", "2027-01-31", scale,
                                                 {other_police.str(), other_council.str()}});
    }
    std::size_t audit_rows(PartnershipId p, const std::string& action) {
        const auto trail = audit_trail(p);
        return static_cast<std::size_t>(std::count_if(trail.begin(), trail.end(), [&](const AuditEntry& e) { return e.action == action; }));
    }
};

}  // namespace

TEST(LearningUseCases, AnOrganisationSubmitsOnceAndEachPartnershipModeratesItsOwnCopy) {
    TwoPartnerships w;
    const auto cycle = w.open_cycle();
    const auto theirs = w.other_cycle();
    // Before submitting, the lead sees where the return can go.
    const auto preview = read_return(w.services, w.police_lead, cycle.id, w.police);
    ASSERT_TRUE(preview.may_share);
    ASSERT_EQ(preview.share_targets.size(), 1u);
    EXPECT_EQ(preview.share_targets[0].partnership_name, "Other Partnership");
    EXPECT_EQ(preview.share_targets[0].refusal, "");

    const auto sent = save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("3"), true, true);
    ASSERT_EQ(sent.shared_with.size(), 1u);
    EXPECT_EQ(sent.shared_with[0].partnership, w.other);
    EXPECT_EQ(w.audit_rows(w.partnership, "audit_return.submit"), 1u);
    EXPECT_EQ(w.audit_rows(w.partnership, "audit_return.share"), 1u);
    EXPECT_EQ(w.audit_rows(w.other, "audit_return.receive_shared"), 1u);

    // The other partnership holds a submitted copy for its own agency record, with no moderation.
    auto copy = read_return(w.services, w.other_bu, theirs.id, w.other_police);
    EXPECT_EQ(copy.ret.status, ReturnStatus::submitted);
    ASSERT_TRUE(copy.ret.shared_from);
    EXPECT_EQ(copy.ret.shared_from->partnership_name, "Test Partnership");
    EXPECT_EQ(copy.ret.submitted_by, "Pat Police");
    EXPECT_FALSE(copy.may_edit);
    EXPECT_FALSE(copy.may_share);
    EXPECT_TRUE(copy.may_moderate);
    EXPECT_EQ(read_cycle(w.services, w.other_bu, theirs.id).results[4].gaps, 1);

    // Each moderates on its own: the other partnership's grade does not reach the first.
    moderate_return(w.services, w.other_bu, theirs.id, w.other_police, copy.ret.version, {{"5", "2", "Evidence seen"}}, "Agreed");
    EXPECT_EQ(read_return(w.services, w.bu, cycle.id, w.police).ret.answers[4].moderated_grade, "");
    copy = read_return(w.services, w.other_bu, theirs.id, w.other_police);
    EXPECT_EQ(effective_grade(copy.ret.answers[4]), "2");

    // Shared once: sharing again is refused and changes nothing.
    const auto rows = w.audit_count() + w.audit_count(w.other);
    const auto again = read_return(w.services, w.bu, cycle.id, w.police);
    EXPECT_EQ(again.share_targets[0].refusal, "Already shared on 23 November 2026");
    EXPECT_THROW(share_return(w.services, w.bu, cycle.id, w.police, again.ret.version), Failure);
    EXPECT_EQ(w.audit_count() + w.audit_count(w.other), rows);
    // A copy is not shared on from where it landed.
    EXPECT_THROW(share_return(w.services, w.other_bu, theirs.id, w.other_police, copy.ret.version), Failure);
}

TEST(LearningUseCases, SharingIsRefusedWithTheReasonAndNothingIsSaved) {
    TwoPartnerships w;
    const auto cycle = w.open_cycle();
    w.other_cycle("rag");  // graded on another scale
    try {
        save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("2"), true, true);
        FAIL() << "a return was shared into a cycle on another scale";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields()[0].field, "share");
        EXPECT_NE(f.fields()[0].message.find("Other Partnership: Its cycle grades"), std::string::npos) << f.fields()[0].message;
    }
    EXPECT_TRUE(w.returns(w.partnership).empty());  // not even the submission
    EXPECT_TRUE(w.returns(w.other).empty());
    try {
        save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("2"), false, true);
        FAIL() << "a draft was shared";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().back().field, "share");
    }
    EXPECT_TRUE(w.returns(w.partnership).empty());
    EXPECT_TRUE(w.returns(w.other).empty());
    // Another agency's lead may not share the police return; the housing trust has no code at all.
    const auto sent = save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("2"), true);
    EXPECT_THROW(share_return(w.services, w.lead, cycle.id, w.police, sent.version), Failure);
    const auto housing = save_return(w.services, w.lead, cycle.id, w.housing, 0, w.answers("2"), true);
    try {
        share_return(w.services, w.lead, cycle.id, w.housing, housing.version);
        FAIL() << "a return of an agency without a link was shared";
    } catch (const Failure& f) {
        EXPECT_NE(f.fields()[0].message.find("is not linked to an agency of another partnership"), std::string::npos);
    }
}

// The same organisation code on two partnerships' records is not a link: without one accepted,
// nothing is offered and nothing reaches the other partnership (issue 14, item 2).
TEST(LearningUseCases, TheSameOrganisationCodeWithoutALinkSharesNothing) {
    TwoPartnerships w(false);
    const auto cycle = w.open_cycle();
    const auto theirs = w.other_cycle();
    const auto preview = read_return(w.services, w.police_lead, cycle.id, w.police);
    EXPECT_FALSE(preview.may_share);
    EXPECT_TRUE(preview.share_targets.empty());
    EXPECT_THROW(save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("3"), true, true), Failure);
    EXPECT_TRUE(w.returns(w.other).empty());
    EXPECT_EQ(w.audit_rows(w.other, "audit_return.receive_shared"), 0u);
    (void)theirs;
}

TEST(LearningUseCases, ASharedReturnReplacesADraftButNeverTheOrganisationsOwnSubmission) {
    TwoPartnerships w;
    const auto cycle = w.open_cycle();
    const auto theirs = w.other_cycle();
    const auto draft = save_return(w.services, w.other_bu, theirs.id, w.other_police, 0, w.answers(""), false);
    const auto sent = save_return(w.services, w.police_lead, cycle.id, w.police, 0, w.answers("2"), true, true);
    ASSERT_EQ(sent.shared_with.size(), 1u);
    EXPECT_EQ(sent.shared_with[0].copy, draft.id);
    const auto replaced = read_return(w.services, w.other_bu, theirs.id, w.other_police);
    EXPECT_EQ(replaced.ret.status, ReturnStatus::submitted);
    // The draft is kept in the receiving partnership's trail as the "before".
    const auto trail = w.audit_trail(w.other);
    const auto row = std::find_if(trail.rbegin(), trail.rend(),
                                  [](const AuditEntry& e) { return e.action == "audit_return.receive_shared"; });
    ASSERT_NE(row, trail.rend());
    EXPECT_NE(row->before_json.find("\"draft\""), std::string::npos);

    TwoPartnerships own;
    const auto c1 = own.open_cycle();
    const auto c2 = own.other_cycle();
    save_return(own.services, own.other_bu, c2.id, own.other_police, 0, own.answers("1"), true);
    EXPECT_THROW(save_return(own.services, own.police_lead, c1.id, own.police, 0, own.answers("2"), true, true), Failure);
    EXPECT_EQ(read_return(own.services, own.other_bu, c2.id, own.other_police).ret.answers[4].grade, "1");
}

TEST(LearningUseCases, AFindingOrRecommendationIsCorrectedInPlaceWithItsWordingKeptInTheTrail) {
    LearningWorld w;
    auto src = create_source(w.services, w.bu, {"thematic_audit", "Neglect audit", "2026-11-01", "complete", "", {"Neglect"}});
    src = add_finding(w.services, w.bu, src.id, src.version, "good_practice", "Suprevisors drive safeguarding");
    src = add_source_recommendation(w.services, w.bu, src.id, src.version, "Train staf", "Neglect",
                                    {w.housing.str()});
    src = correct_finding(w.services, w.bu, src.id, src.version, 1, "good_practice", "Supervisors drive safeguarding");
    EXPECT_EQ(src.findings.at(0).text, "Supervisors drive safeguarding");
    EXPECT_EQ(w.last_audit().action, "learning.correct_finding");
    EXPECT_NE(w.last_audit().before_json.find("Suprevisors"), std::string::npos);
    src = correct_source_recommendation(w.services, w.bu, src.id, src.version, 1, "Train staff", "",
                                        {w.housing.str(), w.police.str()});
    EXPECT_EQ(src.recommendations.at(0).text, "Train staff");
    EXPECT_EQ(src.recommendations.at(0).agencies.size(), 2u);
    EXPECT_EQ(src.recommendations.at(0).number, 1);

    // Refusals change nothing: an empty finding, a number that does not exist, an agency lead.
    const auto rows = w.audit_count();
    EXPECT_THROW(correct_finding(w.services, w.bu, src.id, src.version, 1, "good_practice", " "), Failure);
    try {
        correct_finding(w.services, w.bu, src.id, src.version, 9, "good_practice", "x");
        FAIL() << "a finding that does not exist was corrected";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
    EXPECT_THROW(correct_finding(w.services, w.lead, src.id, src.version, 1, "development", "x"), Failure);
    EXPECT_EQ(w.audit_count(), rows);
    const auto stored = [&] { return w.read([&](Transaction& tx) { return tx.learning().find_source(w.partnership, src.id); }); };
    EXPECT_EQ(stored()->findings.at(0).kind, FindingKind::good_practice);
    EXPECT_EQ(stored()->version, src.version);

    // A recommendation brought in from a review keeps the review's words.
    w.store.write([&](Transaction& tx) {
        auto brought_in = *tx.learning().find_source(w.partnership, src.id);
        brought_in.recommendations.at(0).review_recommendation = RecommendationId{4};
        ASSERT_TRUE(tx.learning().update_source(brought_in));
    });
    src = *stored();
    try {
        correct_source_recommendation(w.services, w.bu, src.id, src.version, 1, "Other words", "", {w.housing.str()});
        FAIL() << "a review's recommendation was reworded";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "recommendation");
    }
    src = correct_source_recommendation(w.services, w.bu, src.id, src.version, 1, "Train staff", "Neglect", {w.housing.str()});
    EXPECT_EQ(src.recommendations.at(0).priority, "Neglect");
    EXPECT_EQ(src.recommendations.at(0).review_recommendation, RecommendationId{4});
}
