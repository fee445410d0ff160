// Reviews use cases on an SQLite file, with data set up through the ports: need-to-know,
// reads logged to the access log (never to the trail of changes), sealing, and refusals that
// change nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/reviews.hpp"
#include "app/reviews_due.hpp"
#include "fakes/fakes.hpp"
#include "store/sqlite/store.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

std::string temp_db() {
    static int n = 0;
    return (std::filesystem::temp_directory_path() /
            ("assure-reviews-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
        .string();
}

struct ReviewsWorld {
    std::string path = temp_db();
    sqlite::SqliteStore store{path};
    FrozenClock clock;
    PlainHasher hasher;
    CountingTokens tokens;
    MarkingSealer sealer;
    Services services{store, clock, hasher, tokens, SessionPolicy{}, &sealer};
    PartnershipId partnership;
    Actor bu, member, lead;

    ReviewsWorld() {
        clock.at = 1'795'392'000;  // 2026-11-23 00:00 UTC
        store.write([&](Transaction& tx) {
            partnership = tx.partnerships().insert({PartnershipId{}, "test", "Test Partnership"}, PartnershipRules{});
            const AgencyId council = tx.agencies().insert(
                {AgencyId{}, partnership, "Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"});
            tx.agencies().insert({AgencyId{}, partnership, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
            const PersonId person =
                tx.people().insert({PersonId{}, partnership, "Morgan Member", "Officer", council, "m@example.org"});
            User u;
            u.partnership = partnership;
            u.person = person;
            u.email = "m@example.org";
            u.password_hash = "x";
            u.role = Role::member;
            member = Actor{tx.users().insert(u), partnership, Role::member, "Member <m@example.org>"};
        });
        bu = Actor{UserId{101}, partnership, Role::business_unit, "Business Unit <bu@example.org>"};
        lead = Actor{UserId{102}, partnership, Role::partner_lead, "Lead <l@example.org>"};
    }
    ~ReviewsWorld() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }

    CaseView notify(const char* became_aware_on = "2026-11-20", const char* incident_on = "2026-11-19") {
        IncidentInput in;
        in.became_aware_on = became_aware_on;
        in.incident_on = incident_on;
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital with unexplained injuries";
        in.children = {{"Child T", "Taylor Example", "2020-02-02", "NHS 000 000 0000"}};
        std::vector<Agency> agencies;
        store.read([&](Transaction& tx) { agencies = tx.agencies().list(partnership, false); });
        for (const auto& a : agencies) in.agency_ids.push_back(a.id.str());
        return notify_incident(services, bu, in);
    }
    std::vector<AuditEntry> trail(const std::string& action_prefix = "") {
        AuditFilter f;
        f.partnership = partnership;
        f.action_prefix = action_prefix;
        std::vector<AuditEntry> out;
        store.read([&](Transaction& tx) { out = tx.audit().query(f, PageRequest{PageRequest::max_limit, ""}).items; });
        return out;
    }
    std::vector<AccessEntry> reads(std::optional<AccessKind> kind = std::nullopt) {
        store.access_log().flush();
        AccessQuery q;
        q.partnership = partnership;
        q.kind = kind;
        q.page.limit = PageRequest::max_limit;
        std::vector<AccessEntry> out;
        store.read([&](Transaction& tx) { out = tx.access_entries().query(q).items; });
        return out;
    }
    Case stored(CaseId id) {
        std::optional<Case> c;
        store.read([&](Transaction& tx) { c = tx.cases().find(partnership, id); });
        return *c;
    }
    int case_count() {
        int n = 0;
        store.read([&](Transaction& tx) { n = tx.cases().count(partnership); });
        return n;
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
    const Case stored = w.stored(v.record.id);
    EXPECT_EQ(stored.children[0].name, "");
    EXPECT_EQ(stored.sealed_identities.find("Taylor"), std::string::npos);
    EXPECT_NE(stored.sealed_identities.find("sealed:"), std::string::npos);
    const auto notified = w.trail("case.notify");
    ASSERT_EQ(notified.size(), 1U);
    EXPECT_EQ(notified[0].after_json.find("Taylor"), std::string::npos);
}

TEST(ReviewUseCases, AListWritesNoAuditRowAndOneAccessRowNamingTheCasesShown) {
    ReviewsWorld w;
    const CaseId first = w.notify().record.id;
    const CaseId second = w.notify().record.id;
    const auto trail_before = w.trail().size();
    const auto page = list_cases(w.services, w.bu, CaseFilter{}, PageRequest{});
    ASSERT_EQ(page.items.size(), 2U);
    EXPECT_EQ(w.trail().size(), trail_before) << "a read wrote to the trail of changes";
    const auto lists = w.reads(AccessKind::list);
    ASSERT_EQ(lists.size(), 1U);
    EXPECT_EQ(lists[0].record_ids, (std::vector<std::string>{second.str(), first.str()}));  // as shown: newest first
    EXPECT_EQ(lists[0].actor, w.bu.user);
    EXPECT_EQ(lists[0].record_type, "review_case");

    CaseFilter closed;
    closed.stage = Stage::closed;
    EXPECT_TRUE(list_cases(w.services, w.bu, closed, PageRequest{}).items.empty());
    EXPECT_EQ(w.reads(AccessKind::list).size(), 1U) << "an empty list shows no record";
}

TEST(ReviewUseCases, EveryReadIsLoggedAndNamesOnlyForThoseAllowed) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const CaseView bu_view = read_case(w.services, w.bu, id);
    EXPECT_TRUE(bu_view.identities_shown);
    EXPECT_EQ(bu_view.record.children[0].name, "Taylor Example");
    EXPECT_EQ(w.reads(AccessKind::identities).size(), 1U);

    add_panel_member(w.services, w.bu, id, 1, w.member.user.str());
    const CaseView member_view = read_case(w.services, w.member, id);
    EXPECT_FALSE(member_view.identities_shown);
    EXPECT_EQ(member_view.record.children[0].name, "");
    const auto records = w.reads(AccessKind::record);
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records[0].actor, w.member.user);
    EXPECT_EQ(records[0].record_ids, std::vector<std::string>{id.str()});
    EXPECT_EQ(w.reads(AccessKind::identities).size(), 1U);
    EXPECT_TRUE(w.trail("case.read").empty());
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
    EXPECT_TRUE(list_cases(w.services, w.member, {}, {}).items.empty());
    add_panel_member(w.services, w.bu, id, 1, w.member.user.str());
    EXPECT_EQ(list_cases(w.services, w.member, {}, {}).items.size(), 1U);
    EXPECT_EQ(review_stats(w.services, w.member).open, 1);
    declare_conflict(w.services, w.member, id, "I was the family's worker");
    EXPECT_TRUE(list_cases(w.services, w.member, {}, {}).items.empty());
    EXPECT_EQ(review_stats(w.services, w.member).open, 0) << "the figures follow need-to-know too";
    EXPECT_THROW((void)read_case(w.services, w.member, id), Failure);
    decide_conflict(w.services, w.bu, id, 3, w.member.user.str(), "take_part", "none");
    EXPECT_EQ(read_case(w.services, w.member, id).record.conflicts.size(), 1U);
}

TEST(ReviewUseCases, ARefusedEventChangesNothing) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const auto trail_before = w.trail().size();
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
    const Case after = w.stored(id);
    EXPECT_TRUE(after.events.empty());
    EXPECT_EQ(after.version, 1);
    EXPECT_EQ(w.trail().size(), trail_before);
}

TEST(ReviewUseCases, EventsNeedTheCurrentVersionAndAreAudited) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const CaseView v = record_event(w.services, w.bu, id, 1, ev(EventKind::notify_panel, "2026-11-23"));
    EXPECT_EQ(v.state.stage, Stage::rapid_review);
    EXPECT_EQ(v.record.version, 2);
    EXPECT_EQ(w.trail("case.event.notify_panel").size(), 1U);
    try {
        (void)record_event(w.services, w.bu, id, 1, ev(EventKind::inform_partners, "2026-11-23"));
        FAIL() << "a stale version was accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
    }
    EXPECT_THROW((void)record_event(w.services, w.lead, id, 2, ev(EventKind::inform_partners, "2026-11-23")), Failure);
    CaseFilter rapid;
    rapid.stage = Stage::rapid_review;
    EXPECT_EQ(list_cases(w.services, w.bu, rapid, {}).items.size(), 1U) << "the stored stage moved with the event";
}

TEST(ReviewUseCases, OverdueFilterAndStats) {
    ReviewsWorld w;
    w.notify();
    w.clock.at += 86400 * 7;  // 2026-11-30: past the notification deadline of 27 November
    CaseFilter overdue;
    overdue.overdue_only = true;
    const auto late = list_cases(w.services, w.bu, overdue, {});
    ASSERT_EQ(late.items.size(), 1U);
    EXPECT_EQ(late.items[0].next->key, "notify_panel");
    EXPECT_EQ(late.items[0].next_countdown->working_days, 1);
    const ReviewStats st = review_stats(w.services, w.bu);
    EXPECT_EQ(st.open, 1);
    EXPECT_EQ(st.overdue, 1);
    EXPECT_EQ(st.rapid_reviews_decided, 0);
    w.clock.at -= 86400 * 7;
    EXPECT_TRUE(list_cases(w.services, w.bu, overdue, {}).items.empty()) << "on 23 November nothing was late";
    EXPECT_EQ(review_stats(w.services, w.bu).overdue, 0);
}

TEST(ReviewUseCases, TheScrutineersFiguresCountEveryCaseWithoutShowingOne) {
    ReviewsWorld w;
    w.notify();
    w.clock.at += 86400 * 7;  // 2026-11-30: the Panel's notification was due on 27 November
    const Actor scrutineer{UserId{103}, w.partnership, Role::scrutineer, "Scrutineer <s@example.org>"};
    EXPECT_TRUE(list_cases(w.services, scrutineer, {}, {}).items.empty()) << "not on the panel: no record";
    const ReviewStats st = review_stats(w.services, scrutineer);
    EXPECT_EQ(st.open, 1);
    EXPECT_EQ(st.overdue, 1);
    ASSERT_EQ(st.timeliness.size(), 1U);
    EXPECT_EQ(st.timeliness[0].year, 2026);
    EXPECT_EQ(st.timeliness[0].notification, (ClockCounts{0, 0, 1, 0}));
    EXPECT_EQ(review_stats(w.services, w.member).open, 0) << "a member's figures still follow need-to-know";
}

TEST(ReviewUseCases, TheSoonestDueLeadWithTheirCountdownAndAreLoggedAsAList) {
    ReviewsWorld w;
    const CaseId newer = w.notify("2026-11-20").record.id;  // the Panel to be told by 27 November
    const CaseId older = w.notify("2026-11-13", "2026-11-12").record.id;  // ... by 20 November: overdue on the 23rd
    const auto due = cases_due_soonest(w.services, w.bu, 5);
    ASSERT_EQ(due.size(), 2U);
    EXPECT_EQ(due[0].record.id, older);
    EXPECT_TRUE(due[0].overdue);
    EXPECT_EQ(due[0].next->key, "notify_panel");
    EXPECT_EQ(due[0].next_countdown->working_days, 1) << "20 November was a Friday; 23 November is one working day on";
    EXPECT_EQ(due[1].record.id, newer);
    EXPECT_FALSE(due[1].overdue);
    EXPECT_EQ(due[1].next_countdown->working_days, 4);
    EXPECT_EQ(due[1].record.children[0].name, "") << "pseudonyms only";
    const auto lists = w.reads(AccessKind::list);
    ASSERT_EQ(lists.size(), 1U);
    EXPECT_EQ(lists[0].record_ids, (std::vector<std::string>{older.str(), newer.str()}));
    EXPECT_EQ(cases_due_soonest(w.services, w.bu, 1).size(), 1U);
    EXPECT_TRUE(cases_due_soonest(w.services, w.member, 5).empty()) << "not on the panel";
    const Actor scrutineer{UserId{103}, w.partnership, Role::scrutineer, "Scrutineer <s@example.org>"};
    EXPECT_TRUE(cases_due_soonest(w.services, scrutineer, 5).empty()) << "figures, never records";
}

TEST(ReviewUseCases, ListsArePagedWithoutRepeats) {
    ReviewsWorld w;
    for (int i = 0; i < 5; ++i) w.notify();
    PageRequest request;
    request.limit = 2;
    std::vector<std::string> seen;
    for (bool more = true; more;) {
        const auto page = list_cases(w.services, w.bu, {}, request);
        for (const auto& v : page.items) seen.push_back(v.record.id.str());
        more = page.next.has_value();
        if (more) request.after = *page.next;
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"5", "4", "3", "2", "1"}));
    EXPECT_EQ(w.reads(AccessKind::list).size(), 3U);  // one entry per page shown
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
    EXPECT_EQ(w.case_count(), 0);
}

TEST(ReviewUseCases, RecommendationsAreNumberedAndNeedAgencies) {
    ReviewsWorld w;
    const CaseId id = w.notify().record.id;
    const std::string council = w.stored(id).agencies.at(0).str();
    const std::string police = w.stored(id).agencies.at(1).str();
    EXPECT_THROW(add_recommendation(w.services, w.bu, id, {"Improve", "Neglect", {}}), Failure);
    EXPECT_THROW(add_recommendation(w.services, w.bu, id, {"Improve", "Neglect", {"999"}}), Failure);
    add_recommendation(w.services, w.bu, id, {"Use the neglect toolkit", "Neglect", {council}});
    const auto r = add_recommendation(w.services, w.bu, id, {"Share chronologies", "Exploitation", {council, police}});
    EXPECT_EQ(r.number, 2);  // the refused ones took no number
    EXPECT_EQ(list_recommendations(w.services, w.bu, id).size(), 2U);
    EXPECT_EQ(w.reads(AccessKind::recommendations).size(), 1U);
}
