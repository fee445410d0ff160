// Reviews use cases on the real store: need-to-know, audited reads, sealing,
// and refusals that change nothing.
#include <gtest/gtest.h>

#include "app/reviews.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct ReviewsWorld : World {
    AgencyId council = add_agency({AgencyId{}, partnership, "Council", AgencyKind::statutory_partner,
                                   StatutoryRole::local_authority, "local_authority"});
    AgencyId police = add_agency({AgencyId{}, partnership, "Police", AgencyKind::statutory_partner, StatutoryRole::police,
                                  "police"});
    Actor bu = as(Role::business_unit);
    Actor member = add_user(add_person({PersonId{}, partnership, "Morgan Member", "Officer", council, "m@example.org"}),
                            Role::member);
    Actor lead = as(Role::partner_lead);

    ReviewsWorld() { clock.at = 1'795'392'000; }  // 2026-11-23 00:00 UTC

    CaseView notify(const char* became_aware_on = "2026-11-20", const char* incident_on = "2026-11-19") {
        IncidentInput in;
        in.became_aware_on = became_aware_on;
        in.incident_on = incident_on;
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital with unexplained injuries";
        in.children = {{"Child T", "Taylor Example", "2020-02-02", "NHS 000 000 0000"}};
        in.agency_ids = {council.str(), police.str()};
        return notify_incident(services, bu, in);
    }
    int audits(const std::string& action) {
        int n = 0;
        for (const auto& a : audit_actions()) n += a == action;
        return n;
    }
    std::vector<Case> cases() {
        return read([&](Transaction& tx) { return tx.cases().list(partnership); });
    }
};

CaseEvent ev(EventKind kind, const char* on) {
    CaseEvent e;
    e.kind = kind;
    e.on = *Date::parse(on);
    return e;
}

}  // namespace

TEST(ReviewUseCases, NotifyingSealsIdentitiesAndReturnsDeadlines) {
    ReviewsWorld w;
    const CaseView v = w.notify();
    EXPECT_EQ(v.record.reference, "SI-2026-01");
    EXPECT_EQ(v.deadlines.notify_panel_by.iso(), "2026-11-27");
    EXPECT_EQ(v.deadlines.rapid_review_by.iso(), "2026-12-11");
    const auto cases = w.cases();
    ASSERT_EQ(cases.size(), 1U);
    const Case& stored = cases[0];
    EXPECT_EQ(stored.children[0].name, "");
    EXPECT_EQ(stored.sealed_identities.find("Taylor"), std::string::npos);
    EXPECT_NE(stored.sealed_identities.find("sealed:"), std::string::npos);
    EXPECT_EQ(w.audits("case.notify"), 1);
    EXPECT_EQ(w.last_audit().after_json.find("Taylor"), std::string::npos);
}

TEST(ReviewUseCases, EveryReadIsAuditedAndNamesOnlyForThoseAllowed) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const CaseView bu_view = read_case(w.services, w.bu, id);
    EXPECT_TRUE(bu_view.identities_shown);
    EXPECT_EQ(bu_view.record.children[0].name, "Taylor Example");
    EXPECT_EQ(w.audits("case.read"), 1);
    EXPECT_EQ(w.audits("case.read_identities"), 1);

    add_panel_member(w.services, w.bu, id, 1, w.member.user.str());
    const CaseView member_view = read_case(w.services, w.member, id);
    EXPECT_FALSE(member_view.identities_shown);
    EXPECT_EQ(member_view.record.children[0].name, "");
    EXPECT_EQ(w.audits("case.read"), 2);
    EXPECT_EQ(w.audits("case.read_identities"), 1);
}

TEST(ReviewUseCases, OthersGetNotFoundAndAConflictHidesTheCase) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    try {
        (void)read_case(w.services, w.member, id);
        FAIL() << "a member not on the panel read the case";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
    EXPECT_TRUE(list_cases(w.services, w.member, {}).empty());
    add_panel_member(w.services, w.bu, id, 1, w.member.user.str());
    EXPECT_EQ(list_cases(w.services, w.member, {}).size(), 1U);
    declare_conflict(w.services, w.member, id, "I was the family's worker");
    EXPECT_TRUE(list_cases(w.services, w.member, {}).empty());
    EXPECT_THROW((void)read_case(w.services, w.member, id), Failure);
    decide_conflict(w.services, w.bu, id, 3, w.member.user.str(), "take_part", "none");
    EXPECT_EQ(read_case(w.services, w.member, id).record.conflicts.size(), 1U);
}

TEST(ReviewUseCases, ARefusedEventChangesNothing) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const auto events_before = w.cases().at(0).events.size();
    const auto audit_before = w.audit_count();
    auto decide = ev(EventKind::decide, "2026-11-21");
    decide.decision = Decision::local_review;
    decide.note = "x";
    try {
        (void)record_event(w.services, w.bu, id, 1, decide);
        FAIL() << "a decision before the rapid review was accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        ASSERT_FALSE(f.fields().empty());
        EXPECT_EQ(f.fields()[0].message, "A decision is recorded after the partners sign off the rapid review");
    }
    EXPECT_EQ(w.cases().at(0).events.size(), events_before);
    EXPECT_EQ(w.audit_count(), audit_before);
}

TEST(ReviewUseCases, EventsNeedTheCurrentVersionAndAreAudited) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const CaseView v = record_event(w.services, w.bu, id, 1, ev(EventKind::notify_panel, "2026-11-23"));
    EXPECT_EQ(v.state.stage, Stage::rapid_review);
    EXPECT_EQ(v.record.version, 2);
    EXPECT_EQ(w.audits("case.event.notify_panel"), 1);
    try {
        (void)record_event(w.services, w.bu, id, 1, ev(EventKind::inform_partners, "2026-11-23"));
        FAIL() << "a stale version was accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
    }
    EXPECT_THROW((void)record_event(w.services, w.lead, id, 2, ev(EventKind::inform_partners, "2026-11-23")), Failure);
}

TEST(ReviewUseCases, OverdueFilterAndStats) {
    ReviewsWorld w;
    w.notify();
    w.clock.at += 86400 * 7;  // 2026-11-30: past the notification deadline of 27 November
    CaseFilter overdue;
    overdue.overdue_only = true;
    const auto late = list_cases(w.services, w.bu, overdue);
    ASSERT_EQ(late.size(), 1U);
    EXPECT_EQ(late[0].next->key, "notify_panel");
    EXPECT_EQ(late[0].next_countdown->working_days, 1);
    EXPECT_EQ(w.audits("case.list"), 1);  // each case listed is a read of it
    EXPECT_TRUE(list_cases(w.services, w.bu, CaseFilter{{}, {}, Stage::closed}).empty());
    EXPECT_EQ(w.audits("case.list"), 1);
    const ReviewStats st = review_stats(late);
    EXPECT_EQ(st.open, 1);
    EXPECT_EQ(st.overdue, 1);
}

// Half past midnight in British Summer Time is 23:30 UTC the day before: the use cases take
// "today" as the date in England, not the date at Greenwich.
TEST(ReviewUseCases, TodayIsTheDateInEnglandInTheFirstHourOfSummerTime) {
    ReviewsWorld w;
    w.clock.at = Date{2026, 7, 13}.days() * 86400 + 23 * 3600 + 30 * 60;  // 00:30 BST on Tuesday 14 July
    const CaseView v = w.notify("2026-07-14", "2026-07-14");              // not "in the future"
    EXPECT_EQ(v.record.became_aware_on.iso(), "2026-07-14");
    EXPECT_EQ(v.deadlines.notify_panel_by.iso(), "2026-07-21");

    w.clock.at = Date{2026, 7, 21}.days() * 86400 + 23 * 3600 + 30 * 60;  // 00:30 BST on Wednesday 22 July
    const CaseView late = read_case(w.services, w.bu, v.record.id);
    ASSERT_TRUE(late.next_countdown);
    EXPECT_TRUE(late.overdue) << "UTC still says 21 July, the day it is due; England is a day on";
    EXPECT_EQ(late.next_countdown->working_days, 1);
}

TEST(ReviewUseCases, TheSameHourInWinterIsStillTheDayBefore) {
    ReviewsWorld w;
    w.clock.at = Date{2026, 1, 13}.days() * 86400 + 23 * 3600 + 30 * 60;  // 23:30 GMT on Tuesday 13 January
    try {
        (void)w.notify("2026-01-14", "2026-01-13");
        FAIL() << "a date tomorrow in England was accepted as today";
    } catch (const Failure& f) {
        ASSERT_FALSE(f.fields().empty());
        EXPECT_EQ(f.fields()[0].field, "became_aware_on");
    }
    EXPECT_TRUE(w.store.state.cases.empty());
}

TEST(ReviewUseCases, RecommendationsAreNumberedAndNeedAgencies) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    EXPECT_THROW(add_recommendation(w.services, w.bu, id, {"Improve", "Neglect", {}}), Failure);
    EXPECT_THROW(add_recommendation(w.services, w.bu, id, {"Improve", "Neglect", {"9"}}), Failure);
    add_recommendation(w.services, w.bu, id, {"Use the neglect toolkit", "Neglect", {w.council.str()}});
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.cases().recommendations(w.partnership, id); }).size(),
              1U);  // the refused ones saved nothing
    const auto r = add_recommendation(w.services, w.bu, id,
                                      {"Share chronologies", "Exploitation", {w.council.str(), w.police.str()}});
    EXPECT_EQ(r.number, 2);
    EXPECT_EQ(list_recommendations(w.services, w.bu, id).size(), 2U);
    EXPECT_EQ(w.audits("case.read_recommendations"), 1);
}
