#pragma once
// The reviews part of the store contract: lists answered in SQL with the same answers core's
// rules give, paged without repeats or gaps; counts that agree with the lists; strict rows; and
// the access log. A backend joins by instantiating ReviewsContract (see sqlite_store_test.cpp);
// its factory also provides exec(sql), to damage a row the way only a database tool could.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "app/ports/cases_due.hpp"
#include "store/contract.hpp"
#include "store/sql/connection.hpp"

namespace assure::testing {

template <class Factory>
class ReviewsContract : public StoreContract<Factory> {
protected:
    // A case aware on `aware`, with its events replayed as the use cases would have recorded them.
    CaseId add_case(const std::string& reference, const char* aware, std::vector<CaseEvent> events = {},
                    std::vector<PanelMember> panel = {}, std::vector<Conflict> conflicts = {}) {
        Case c;
        c.partnership = this->partnership;
        c.reference = reference;
        c.became_aware_on = *Date::parse(aware);
        c.incident_on = c.became_aware_on;
        c.children = {{"Child " + reference}};
        c.events = std::move(events);
        c.panel = std::move(panel);
        c.conflicts = std::move(conflicts);
        CaseId id;
        this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, calendar)); });
        return id;
    }
    static CaseEvent event(EventKind kind, const char* on) {
        CaseEvent e;
        e.kind = kind;
        e.on = *Date::parse(on);
        return e;
    }
    CaseQuery query() const {
        CaseQuery q;
        q.partnership = this->partnership;
        q.page.limit = PageRequest::max_limit;
        return q;
    }
    std::vector<CaseId> ids(const CaseQuery& q) {
        std::vector<CaseId> out;
        this->store->read([&](Transaction& tx) {
            for (const auto& c : tx.cases().list(q).items) out.push_back(c.id);
        });
        return out;
    }
    std::vector<Case> every_case() {
        std::vector<Case> out;
        this->store->read([&](Transaction& tx) { out = tx.cases().list(query()).items; });
        return out;
    }
    CaseCounts counts(const CaseQuery& q, Date today) {
        CaseCounts n;
        this->store->read([&](Transaction& tx) { n = tx.cases().counts(q, today); });
        return n;
    }
    WorkingCalendar calendar;
};

TYPED_TEST_SUITE_P(ReviewsContract);

TYPED_TEST_P(ReviewsContract, PagesComeInOrderWithoutRepeatsOrGaps) {
    // Two cases share each date, so the id breaks the tie and must carry across a page boundary.
    const char* dates[] = {"2026-01-05", "2026-03-02", "2026-01-05", "2026-02-02", "2026-03-02", "2025-12-01", "2026-02-02"};
    std::vector<std::pair<std::string, std::int64_t>> expected;
    for (int i = 0; i < 7; ++i) {
        const CaseId id = this->add_case("SI-" + std::to_string(i), dates[i]);
        expected.emplace_back(dates[i], id.value);
    }
    std::sort(expected.begin(), expected.end(), std::greater<>());  // newest date, then newest id
    CaseQuery q = this->query();
    q.page.limit = 3;
    std::vector<std::int64_t> seen;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        Page<Case> page;
        this->store->read([&](Transaction& tx) { page = tx.cases().list(q); });
        ASSERT_LE(page.items.size(), 3U);
        for (const auto& c : page.items) seen.push_back(c.id.value);
        more = page.next.has_value();
        if (more) q.page.after = *page.next;
    }
    EXPECT_EQ(pages, 3);
    ASSERT_EQ(seen.size(), expected.size());
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], expected[i].second) << "position " << i;
    q.page.after = "zz";
    EXPECT_THROW(this->store->read([&](Transaction& tx) { tx.cases().list(q); }), Failure);
}

TYPED_TEST_P(ReviewsContract, EveryFilterAgreesWithTheRulesAndCountsAgreeWithLists) {
    // Aware 2026-11-02 (a Monday): the Panel is due to be notified by 2026-11-09.
    const CaseId fresh = this->add_case("SI-2026-01", "2026-11-02");
    const CaseId notified = this->add_case("SI-2026-02", "2026-11-02", {TestFixture::event(EventKind::notify_panel, "2026-11-03")});
    const CaseId closed = this->add_case("SI-2025-07", "2025-06-02", {TestFixture::event(EventKind::notify_panel, "2025-06-03"),
                                                                      TestFixture::event(EventKind::close, "2026-11-04")});
    const auto all = this->every_case();
    ASSERT_EQ(all.size(), 3U);

    const Date today = *Date::parse("2026-11-10");
    std::set<std::int64_t> open, overdue, rapid;
    for (const auto& c : all) {
        const CaseStanding st = standing_of(c, this->calendar);
        if (st.stage != Stage::closed) open.insert(c.id.value);
        if (st.overdue(today)) overdue.insert(c.id.value);
        if (st.stage == Stage::rapid_review) rapid.insert(c.id.value);
    }
    auto as_set = [](const std::vector<CaseId>& v) {
        std::set<std::int64_t> out;
        for (const auto& id : v) out.insert(id.value);
        return out;
    };
    CaseQuery q = this->query();
    q.open_only = true;
    EXPECT_EQ(as_set(this->ids(q)), open);
    EXPECT_FALSE(open.contains(closed.value));
    q = this->query();
    q.overdue_on = today;
    EXPECT_EQ(as_set(this->ids(q)), overdue);
    EXPECT_TRUE(overdue.contains(fresh.value)) << "the Panel was due to be told by 2026-11-09";
    q = this->query();
    q.stage = Stage::rapid_review;
    EXPECT_EQ(as_set(this->ids(q)), rapid);
    EXPECT_EQ(rapid, std::set<std::int64_t>{notified.value});
    q = this->query();
    q.reference_text = "si-2025";
    EXPECT_EQ(this->ids(q), std::vector<CaseId>{closed});

    const CaseCounts n = this->counts(this->query(), today);
    EXPECT_EQ(n.total, 3);
    EXPECT_EQ(n.open, static_cast<int>(open.size()));
    EXPECT_EQ(n.overdue, static_cast<int>(overdue.size()));
    q = this->query();
    q.open_only = true;
    EXPECT_EQ(this->counts(q, today).total, static_cast<int>(this->ids(q).size()));
}

TYPED_TEST_P(ReviewsContract, NeedToKnowInSqlAgreesWithTheRuleInCore) {
    const UserId panel_member{7}, excluded{8}, reviewer{9}, allowed_back{10}, stranger{11};
    Conflict exclude{excluded, "Excluded", *Date::parse("2026-11-03"), "Knew the family", ConflictView::exclude};
    Conflict back{allowed_back, "Back", *Date::parse("2026-11-03"), "Met once", ConflictView::take_part};
    auto commission = TestFixture::event(EventKind::commission_reviewer, "2026-11-04");
    commission.reviewer_user = reviewer;
    commission.reviewer_name = "Reviewer";
    this->add_case("SI-1", "2026-11-02", {}, {{panel_member, "Member"}, {excluded, "Excluded"}, {allowed_back, "Back"}},
                   {exclude, back});
    this->add_case("SI-2", "2026-11-02", {TestFixture::event(EventKind::notify_panel, "2026-11-02"), commission});
    this->add_case("SI-3", "2026-11-02", {}, {}, {Conflict{panel_member, "Member", *Date::parse("2026-11-03"), "x"}});
    // An interest a partner lead overrode no longer excludes, in SQL as in core.
    Conflict overridden{excluded, "Excluded", *Date::parse("2026-11-03"), "Knew the family"};
    overridden.override_by_lead = InterestOverride{stranger, "Lead", *Date::parse("2026-11-04"), "No one else in the unit"};
    this->add_case("SI-4", "2026-11-02", {}, {}, {overridden, Conflict{stranger, "Stranger", *Date::parse("2026-11-03"), "y"}});
    const auto all = this->every_case();
    for (Role role : all_roles()) {
        for (UserId user : {panel_member, excluded, reviewer, allowed_back, stranger}) {
            std::vector<CaseId> expected;
            for (const auto& c : all) if (may_see_case(c, replay(c), user, role)) expected.push_back(c.id);
            CaseQuery q = this->query();
            q.visible_to = CaseReader{user, case_reach(role)};
            EXPECT_EQ(this->ids(q), expected) << role_key(role) << " user " << user.value;
            EXPECT_EQ(this->counts(q, *Date::parse("2026-11-10")).total, static_cast<int>(expected.size()));
        }
    }
}

TYPED_TEST_P(ReviewsContract, ACaseRoundTripsItsPanelInterestsAndEventsAndStaleWritesAreRefused) {
    Conflict x{UserId{8}, "Other", *Date::parse("2026-11-03"), "Knew the family", ConflictView::exclude, AppealOutcome::upheld};
    Conflict overridden{UserId{9}, "Unit", *Date::parse("2026-11-03"), "Line manager"};
    overridden.override_by_lead = InterestOverride{UserId{12}, "Lead Person", *Date::parse("2026-11-05"), "No one else"};
    const CaseId id = this->add_case("SI-1", "2026-11-02", {TestFixture::event(EventKind::notify_panel, "2026-11-03")},
                                     {{UserId{7}, "Member"}}, {x, overridden});
    std::optional<Case> found;
    this->store->read([&](Transaction& tx) { found = tx.cases().find(this->partnership, id); });
    ASSERT_TRUE(found);
    ASSERT_EQ(found->panel.size(), 1U);
    EXPECT_EQ(found->panel[0].label, "Member");
    ASSERT_EQ(found->conflicts.size(), 2U);
    EXPECT_EQ(found->conflicts[0].panel, ConflictView::exclude);
    EXPECT_EQ(found->conflicts[0].appeal, AppealOutcome::upheld);
    EXPECT_EQ(found->conflicts[0].interest, "Knew the family");
    EXPECT_FALSE(found->conflicts[0].override_by_lead);
    ASSERT_TRUE(found->conflicts[1].override_by_lead);
    EXPECT_EQ(found->conflicts[1].override_by_lead->by, UserId{12});
    EXPECT_EQ(found->conflicts[1].override_by_lead->by_label, "Lead Person");
    EXPECT_EQ(found->conflicts[1].override_by_lead->on, *Date::parse("2026-11-05"));
    EXPECT_EQ(found->conflicts[1].override_by_lead->reason, "No one else");
    ASSERT_EQ(found->events.size(), 1U);
    EXPECT_EQ(found->events[0].kind, EventKind::notify_panel);

    Case changed = *found;
    changed.panel.push_back({UserId{9}, "Second"});
    bool first = false, again = false;
    this->store->write([&](Transaction& tx) {
        first = tx.cases().update(changed, standing_of(changed, this->calendar));
        again = tx.cases().update(changed, standing_of(changed, this->calendar));  // still carries version 1
    });
    EXPECT_TRUE(first);
    EXPECT_FALSE(again);
    this->store->read([&](Transaction& tx) { found = tx.cases().find(this->partnership, id); });
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->panel.size(), 2U);
}

TYPED_TEST_P(ReviewsContract, AnUnknownStoredValueIsAnErrorNamingTableAndColumn) {
    Conflict x{UserId{8}, "Other", *Date::parse("2026-11-03"), "Knew the family"};
    const CaseId id = this->add_case("SI-1", "2026-11-02", {}, {}, {x});
    TypeParam::exec("UPDATE review_case_conflicts SET panel_view = 'maybe'");
    try {
        this->store->read([&](Transaction& tx) { tx.cases().find(this->partnership, id); });
        FAIL() << "an unknown panel view was read as something else";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("review_case_conflicts.panel_view holds 'maybe'"), std::string::npos) << e.what();
    }
    TypeParam::exec("UPDATE review_case_conflicts SET panel_view = 'pending'");
    TypeParam::exec("UPDATE review_cases SET rules_json = replace(rules_json, 'became_aware', 'someday')");
    try {
        this->every_case();
        FAIL() << "an unknown anchor of the rapid-review clock was read as something else";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("review_cases.rules_json.rapid_review_anchor holds 'someday'"), std::string::npos)
            << e.what();
    }
}

TYPED_TEST_P(ReviewsContract, CasesWithoutAStoredStandingAreFoundAndSettled) {
    const CaseId id = this->add_case("SI-1", "2026-11-02", {TestFixture::event(EventKind::notify_panel, "2026-11-03")});
    TypeParam::exec("UPDATE review_cases SET stage = NULL, next_due_on = NULL");  // as an upgrade leaves them
    CaseQuery q = this->query();
    q.stage = Stage::rapid_review;
    EXPECT_TRUE(this->ids(q).empty());
    this->store->write([&](Transaction& tx) {
        const auto unsettled = tx.cases().unsettled(10);
        ASSERT_EQ(unsettled.size(), 1U);
        EXPECT_EQ(unsettled[0].events.size(), 1U);
        tx.cases().settle(unsettled[0], standing_of(unsettled[0], this->calendar));
        EXPECT_TRUE(tx.cases().unsettled(10).empty());
    });
    EXPECT_EQ(this->ids(q), std::vector<CaseId>{id});
}

// The statutory clocks counted in SQL by financial year agree with core's clock_outcome over
// the same cases, whatever mix of in time, late, overdue and running; a settled case counts too.
TYPED_TEST_P(ReviewsContract, TimelinessByYearAgreesWithTheRuleInCore) {
    auto decide = [](const char* on) {
        CaseEvent e = TestFixture::event(EventKind::decide, on);
        e.decision = Decision::no_further_review;
        return e;
    };
    using E = EventKind;
    // Notify by 27 November 2026, rapid review by 11 December 2026 for those aware on 20 November.
    this->add_case("SI-1", "2026-11-20", {TestFixture::event(E::notify_panel, "2026-11-23"), decide("2026-12-10")});
    this->add_case("SI-2", "2026-11-20", {TestFixture::event(E::notify_panel, "2026-11-30"), decide("2026-12-14")});
    this->add_case("SI-3", "2026-11-20", {TestFixture::event(E::notify_panel, "2026-11-27")});
    this->add_case("SI-4", "2026-12-14");                // nothing yet, nothing due yet on the 15th
    this->add_case("SI-5", "2026-03-31", {decide("2026-04-20")});  // counts in 2025/26; never notified
    const CaseId settled = this->add_case("SI-6", "2024-06-03", {TestFixture::event(E::notify_panel, "2024-06-04")});
    TypeParam::exec("UPDATE review_cases SET stage = NULL, notify_due_on = NULL, notified_on = NULL, "
                    "rapid_review_due_on = NULL, rapid_review_done_on = NULL WHERE id = " + settled.str());
    this->store->write([&](Transaction& tx) {
        for (const auto& c : tx.cases().unsettled(10)) tx.cases().settle(c, standing_of(c, this->calendar));
    });

    const Date today = *Date::parse("2026-12-15");
    std::map<int, TimelinessYear> expected;
    for (const auto& c : this->every_case()) {
        const CaseStanding st = standing_of(c, this->calendar);
        auto& y = expected[timeliness_year_of(c.became_aware_on)];
        y.year = timeliness_year_of(c.became_aware_on);
        y.notification.add(clock_outcome(st.notify_due_on, st.notified_on, today));
        y.rapid_review.add(clock_outcome(st.rapid_review_due_on, st.rapid_review_done_on, today));
    }
    std::vector<TimelinessYear> want;
    for (const auto& [year, y] : expected) want.push_back(y);
    std::vector<TimelinessYear> got;
    this->store->read([&](Transaction& tx) { got = tx.cases().timeliness(this->query(), today); });
    EXPECT_EQ(got, want);
    // The figures by hand, so that agreement is not two wrongs: 2026/27 has SI-1 to SI-4.
    ASSERT_EQ(got.size(), 3U);
    EXPECT_EQ(got[0].year, 2024);
    EXPECT_EQ(got[1].year, 2025) << "31 March 2026 is in 2025/26";
    EXPECT_EQ(got[2].year, 2026);
    EXPECT_EQ(got[0].notification, (ClockCounts{1, 0, 0, 0})) << "the settled case counts";
    EXPECT_EQ(got[2].notification, (ClockCounts{2, 1, 0, 1}));
    EXPECT_EQ(got[2].rapid_review, (ClockCounts{1, 1, 1, 1}));
}

TYPED_TEST_P(ReviewsContract, TheAccessLogStoresBatchesAndSearchesThem) {
    auto entry = [&](Instant at, const char* who, AccessKind kind, std::vector<std::string> shown) {
        AccessEntry e;
        e.partnership = this->partnership;
        e.at = at;
        e.actor = UserId{1};
        e.actor_label = who;
        e.kind = kind;
        e.record_type = "review_case";
        e.record_ids = std::move(shown);
        return e;
    };
    auto& log = this->store->access_log();
    log.record(entry(86400 * 1, "Ann <ann@x.org>", AccessKind::list, {"3", "2", "1"}));
    log.record(entry(86400 * 2, "Bob <bob@x.org>", AccessKind::record, {"2"}));
    log.record(entry(86400 * 3, "Ann <ann@x.org>", AccessKind::identities, {"12"}));
    log.flush();
    auto search = [&](AccessQuery q) {
        q.partnership = this->partnership;
        Page<AccessEntry> page;
        this->store->read([&](Transaction& tx) { page = tx.access_entries().query(q); });
        return page;
    };
    const auto all = search({});
    ASSERT_EQ(all.items.size(), 3U);
    EXPECT_EQ(all.items[0].kind, AccessKind::identities);  // newest first
    EXPECT_EQ(all.items[2].record_ids, (std::vector<std::string>{"3", "2", "1"}));
    AccessQuery by_record;
    by_record.record_id = "2";
    EXPECT_EQ(search(by_record).items.size(), 2U);
    by_record.record_id = "1";
    ASSERT_EQ(search(by_record).items.size(), 1U) << "12 is not 1";
    AccessQuery by_actor;
    by_actor.actor_text = "BOB";
    EXPECT_EQ(search(by_actor).items.at(0).actor_label, "Bob <bob@x.org>");
    AccessQuery by_kind;
    by_kind.kind = AccessKind::list;
    EXPECT_EQ(search(by_kind).items.size(), 1U);
    AccessQuery by_date;
    by_date.from = Date{1970, 1, 3};
    by_date.to = Date{1970, 1, 3};
    EXPECT_EQ(search(by_date).items.size(), 1U);
    AccessQuery paged;
    paged.page.limit = 2;
    const auto first = search(paged);
    ASSERT_EQ(first.items.size(), 2U);
    ASSERT_TRUE(first.next);
    paged.page.after = *first.next;
    const auto second = search(paged);
    ASSERT_EQ(second.items.size(), 1U);
    EXPECT_EQ(second.items[0].actor_label, "Ann <ann@x.org>");
    EXPECT_EQ(second.items[0].kind, AccessKind::list);
    EXPECT_FALSE(second.next);
}

// A list seen again is stored once (decision 0008, "Record sets"): every view is still its
// own entry, with its viewer, kind and time, and each is found by any record it showed.
TYPED_TEST_P(ReviewsContract, AListSeenAgainIsStoredOnceAndEveryViewIsFoundByItsRecords) {
    auto entry = [&](Instant at, std::string who, AccessKind kind, std::vector<std::string> shown) {
        return AccessEntry{0, this->partnership, at, UserId{1}, std::move(who), kind, "review_case", std::move(shown)};
    };
    auto& log = this->store->access_log();
    for (int view = 1; view <= 3; ++view) log.record(entry(86400 * view, "Ann <ann@x.org>", AccessKind::list, {"3", "2", "1"}));
    log.flush();  // a second batch meets the set the first one stored
    log.record(entry(86400 * 4, "Bob <bob@x.org>", AccessKind::list, {"3", "2", "1"}));
    log.record(entry(86400 * 5, "Bob <bob@x.org>", AccessKind::list, {"1", "2", "3"}));  // the same cases in another order
    log.record(entry(86400 * 6, "Bob <bob@x.org>", AccessKind::record, {"2"}));
    log.record(entry(86400 * 7, "Bob <bob@x.org>", AccessKind::identities, {"2"}));
    log.flush();
    auto search = [&](const std::string& record) {
        AccessQuery q;
        q.partnership = this->partnership;
        q.record_id = record;
        Page<AccessEntry> page;
        this->store->read([&](Transaction& tx) { page = tx.access_entries().query(q); });
        return page.items;
    };
    const auto all = search("");
    ASSERT_EQ(all.size(), 7U) << "every view is an entry of its own";
    EXPECT_EQ(all[0].kind, AccessKind::identities);
    EXPECT_EQ(all[2].record_ids, (std::vector<std::string>{"1", "2", "3"})) << "in the order shown";
    EXPECT_EQ(all[3].actor_label, "Bob <bob@x.org>");
    EXPECT_EQ(all[3].record_ids, (std::vector<std::string>{"3", "2", "1"}));
    EXPECT_EQ(search("2").size(), 7U);
    const auto of_three = search("3");
    ASSERT_EQ(of_three.size(), 5U);
    EXPECT_EQ(of_three[0].at, 86400 * 5);
    EXPECT_EQ(of_three[4].at, 86400 * 1);
    if constexpr (requires { TypeParam::number(""); }) {
        EXPECT_EQ(TypeParam::number("SELECT count(*) FROM access_record_sets"), 3) << "3 2 1, 1 2 3 and 2";
        EXPECT_EQ(TypeParam::number("SELECT count(*) FROM access_record_set_members"), 7);
        EXPECT_EQ(TypeParam::number("SELECT count(*) FROM access_log"), 7);
    }
}

// A page of up to 500 records is one entry; each record must still be found by its id, and
// the rows go in several multi-row statements (64, 32, … 1), so every size is tried at once.
TYPED_TEST_P(ReviewsContract, EveryRecordOfALongListIsFoundByItsId) {
    AccessEntry e;
    e.partnership = this->partnership;
    e.at = 86400;
    e.actor = UserId{1};
    e.actor_label = "Ann <ann@x.org>";
    e.kind = AccessKind::list;
    e.record_type = "review_case";
    for (int id = 1; id <= PageRequest::max_limit; ++id) e.record_ids.push_back(std::to_string(id));
    auto& log = this->store->access_log();
    log.record(e);
    log.flush();
    for (int id : {1, 64, 65, 127, 448, 449, 499, PageRequest::max_limit}) {
        AccessQuery q;
        q.partnership = this->partnership;
        q.record_id = std::to_string(id);
        Page<AccessEntry> page;
        this->store->read([&](Transaction& tx) { page = tx.access_entries().query(q); });
        ASSERT_EQ(page.items.size(), 1U) << "record " << id;
        EXPECT_EQ(page.items[0].record_ids.size(), static_cast<std::size_t>(PageRequest::max_limit));
    }
    AccessQuery missing;
    missing.partnership = this->partnership;
    missing.record_id = std::to_string(PageRequest::max_limit + 1);
    Page<AccessEntry> none;
    this->store->read([&](Transaction& tx) { none = tx.access_entries().query(missing); });
    EXPECT_TRUE(none.items.empty());
}

TYPED_TEST_P(ReviewsContract, TheSoonestDueComeFirstAndClosedCasesNever) {
    // Aware on a Monday, each case's Panel notification is due 5 working days later; the one
    // already notified waits on the safeguarding partners being informed instead.
    const CaseId late = this->add_case("SI-A", "2026-10-05");
    const CaseId later = this->add_case("SI-B", "2026-10-12");
    const CaseId reviewing = this->add_case("SI-C", "2026-10-05", {TestFixture::event(EventKind::notify_panel, "2026-10-06")});
    const CaseId same_day = this->add_case("SI-D", "2026-10-12");
    this->add_case("SI-E", "2025-06-02", {TestFixture::event(EventKind::notify_panel, "2025-06-03"),
                                          TestFixture::event(EventKind::close, "2026-11-04")});
    // Core's order: by the stored next date, then id; a closed case has none.
    std::vector<std::pair<Date, std::int64_t>> expected;
    for (const auto& c : this->every_case()) {
        const CaseStanding st = standing_of(c, this->calendar);
        if (st.next_due_on) expected.emplace_back(*st.next_due_on, c.id.value);
    }
    std::sort(expected.begin(), expected.end());
    ASSERT_EQ(expected.size(), 4U);
    std::vector<std::int64_t> want;
    for (const auto& [due, id] : expected) want.push_back(id);
    EXPECT_EQ(want, (std::vector<std::int64_t>{late.value, reviewing.value, later.value, same_day.value}))
        << "by hand: 12 October; the notified case's partners to be informed; 19 October twice, by id";

    auto soonest = [&](int limit) {
        std::vector<std::int64_t> got;
        this->store->read([&](Transaction& tx) {
            for (const auto& c : dynamic_cast<CasesDueTransaction&>(tx).cases_due().soonest_due(this->query(), limit)) {
                got.push_back(c.id.value);
                EXPECT_EQ(c.children.size(), 1U) << "children come with each case";
            }
        });
        return got;
    };
    EXPECT_EQ(soonest(10), want);
    EXPECT_EQ(soonest(2), (std::vector<std::int64_t>{late.value, reviewing.value}));
    // Need-to-know holds: a stranger on no panel reaches none of them.
    CaseQuery stranger = this->query();
    stranger.visible_to = CaseReader{UserId{99}, CaseReach::own_cases};
    this->store->read([&](Transaction& tx) {
        EXPECT_TRUE(dynamic_cast<CasesDueTransaction&>(tx).cases_due().soonest_due(stranger, 10).empty());
    });
}

REGISTER_TYPED_TEST_SUITE_P(ReviewsContract, PagesComeInOrderWithoutRepeatsOrGaps,
                            EveryFilterAgreesWithTheRulesAndCountsAgreeWithLists, NeedToKnowInSqlAgreesWithTheRuleInCore,
                            ACaseRoundTripsItsPanelInterestsAndEventsAndStaleWritesAreRefused,
                            AnUnknownStoredValueIsAnErrorNamingTableAndColumn, CasesWithoutAStoredStandingAreFoundAndSettled,
                            TheAccessLogStoresBatchesAndSearchesThem, AListSeenAgainIsStoredOnceAndEveryViewIsFoundByItsRecords,
                            EveryRecordOfALongListIsFoundByItsId, TimelinessByYearAgreesWithTheRuleInCore,
                            TheSoonestDueComeFirstAndClosedCasesNever);

}  // namespace assure::testing
