#pragma once
// The store contract: every backend must pass these cases. A backend joins by providing a
// factory and instantiating the typed suite (see sqlite_store_test.cpp).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

#include "app/ports.hpp"
#include "core/failure.hpp"
#include "store/sql/shared_reads.hpp"
#include "store/sql/store.hpp"

namespace assure::testing {

// The rules a partnership is given in these tests. A function, not `PartnershipRules{}` at the
// call: g++ 12 fails (an internal compiler error) on that inside the suites' template lambdas.
inline PartnershipRules shipped_rules() { return PartnershipRules{}; }

template <class Factory>
class StoreContract : public ::testing::Test {
protected:
    void SetUp() override {
        // A backend that needs a server says why it cannot run here (see postgres_store_test.cpp).
        if constexpr (requires { Factory::skip_reason(); }) {
            if (const std::string why = Factory::skip_reason(); !why.empty()) GTEST_SKIP() << why;
        }
        store = Factory::make();
        store->write([&](Transaction& tx) { partnership = tx.partnerships().insert({PartnershipId{}, "p", "P"}, shipped_rules()); });
    }
    void TearDown() override {
        if (store) Factory::destroy();
    }

    Agency agency(const std::string& name, bool active = true) {
        Agency a;
        a.partnership = partnership;
        a.name = name;
        a.kind = AgencyKind::relevant_agency;
        a.sector = "education";
        a.active = active;
        store->write([&](Transaction& tx) { a.id = tx.agencies().insert(a); });
        return a;
    }

    AuditFilter everything() const {
        AuditFilter f;
        f.partnership = partnership;
        return f;
    }

    std::unique_ptr<Store> store;
    PartnershipId partnership;
};

TYPED_TEST_SUITE_P(StoreContract);

TYPED_TEST_P(StoreContract, AgencyRoundTripsAndListsActiveFirstByDefault) {
    const auto a = this->agency("Alpha");
    this->agency("Beta", false);
    std::vector<Agency> active, all;
    std::optional<Agency> found;
    this->store->read([&](Transaction& tx) {
        active = tx.agencies().list(this->partnership, false);
        all = tx.agencies().list(this->partnership, true);
        found = tx.agencies().find(this->partnership, a.id);
    });
    ASSERT_EQ(active.size(), 1u);
    EXPECT_EQ(all.size(), 2u);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Alpha");
    EXPECT_EQ(found->sector, "education");
    EXPECT_EQ(found->version, 1);
}

TYPED_TEST_P(StoreContract, StaleUpdateWritesNothing) {
    auto a = this->agency("Alpha");
    a.name = "First";
    bool first = false, second = false;
    this->store->write([&](Transaction& tx) { first = tx.agencies().update(a); });
    a.name = "Second";  // still carries version 1
    this->store->write([&](Transaction& tx) { second = tx.agencies().update(a); });
    std::optional<Agency> found;
    this->store->read([&](Transaction& tx) { found = tx.agencies().find(this->partnership, a.id); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_EQ(found->name, "First");
    EXPECT_EQ(found->version, 2);
}

TYPED_TEST_P(StoreContract, AFailedWriteLeavesNoTrace) {
    EXPECT_THROW(this->store->write([&](Transaction& tx) {
        Agency a;
        a.partnership = this->partnership;
        a.name = "Half written";
        a.sector = "other";
        tx.agencies().insert(a);
        tx.audit().append(AuditEntry{0, this->partnership, 1, UserId{}, "x", "agency.create", "agency", "1", "", ""});
        throw std::runtime_error("something failed after the insert");
    }),
                 std::runtime_error);
    std::vector<Agency> all;
    int audit_rows = -1;
    this->store->read([&](Transaction& tx) {
        all = tx.agencies().list(this->partnership, true);
        audit_rows = tx.audit().count(this->everything());
    });
    EXPECT_TRUE(all.empty());
    EXPECT_EQ(audit_rows, 0);
}

TYPED_TEST_P(StoreContract, PeopleFilterByAgencyAndFindByEmail) {
    const auto a = this->agency("Alpha");
    const auto b = this->agency("Beta");
    this->store->write([&](Transaction& tx) {
        tx.people().insert(Person{PersonId{}, this->partnership, "Ann", "Head", a.id, "ann@x.org"});
        tx.people().insert(Person{PersonId{}, this->partnership, "Bob", "Lead", b.id, "bob@x.org"});
        tx.people().insert(Person{PersonId{}, this->partnership, "Cy", "Chair", AgencyId{}, "cy@x.org"});
    });
    PersonFilter only_a;
    only_a.agency = a.id;
    std::vector<Person> in_a, everyone;
    std::optional<Person> cy;
    this->store->read([&](Transaction& tx) {
        in_a = tx.people().list(this->partnership, only_a);
        everyone = tx.people().list(this->partnership, {});
        cy = tx.people().find_by_email(this->partnership, "cy@x.org");
    });
    ASSERT_EQ(in_a.size(), 1u);
    EXPECT_EQ(in_a[0].name, "Ann");
    EXPECT_EQ(everyone.size(), 3u);
    ASSERT_TRUE(cy);
    EXPECT_FALSE(cy->agency.valid());
}

TYPED_TEST_P(StoreContract, AuditFiltersAndPagesNewestFirst) {
    this->store->write([&](Transaction& tx) {
        for (int i = 0; i < 5; ++i) {
            tx.audit().append(AuditEntry{0, this->partnership, 86400 * (i + 1), UserId{}, "Ann <ann@x.org>",
                                         i % 2 ? "person.update" : "agency.create", i % 2 ? "person" : "agency",
                                         std::to_string(i), "", "{}"});
        }
    });
    AuditFilter f = this->everything();
    f.entity_type = "agency";
    std::vector<AuditEntry> page;
    int total = 0;
    this->store->read([&](Transaction& tx) {
        page = tx.audit().query(f, PageRequest{2, ""}).items;
        total = tx.audit().count(f);
    });
    EXPECT_EQ(total, 3);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].entity_id, "4");
    EXPECT_EQ(page[1].entity_id, "2");

    AuditFilter by_date = this->everything();
    by_date.from = Date{1970, 1, 3};
    by_date.to = Date{1970, 1, 4};
    this->store->read([&](Transaction& tx) { total = tx.audit().count(by_date); });
    EXPECT_EQ(total, 2);

    // A count that stops: at most what was asked, never more than match.
    int up_to_two = -1, up_to_ten = -1;
    this->store->read([&](Transaction& tx) {
        up_to_two = tx.audit().count_up_to(f, 2);
        up_to_ten = tx.audit().count_up_to(f, 10);
    });
    EXPECT_EQ(up_to_two, 2);
    EXPECT_EQ(up_to_ten, 3);
}

TYPED_TEST_P(StoreContract, AuditDaysAreDaysInEngland) {
    const Instant before_midnight_bst = Date{2026, 7, 14}.days() * 86400 + 22 * 3600 + 59 * 60;  // 23:59 BST on the 14th
    const Instant after_midnight_bst = before_midnight_bst + 2 * 60;                              // 00:01 BST on the 15th
    this->store->write([&](Transaction& tx) {
        for (const Instant at : {before_midnight_bst, after_midnight_bst}) {
            tx.audit().append(AuditEntry{0, this->partnership, at, UserId{}, "Ann <ann@x.org>", "agency.create", "agency",
                                         std::to_string(at), "", "{}"});
        }
    });
    AuditFilter the_15th = this->everything();
    the_15th.from = Date{2026, 7, 15};
    the_15th.to = Date{2026, 7, 15};
    std::vector<AuditEntry> found;
    this->store->read([&](Transaction& tx) { found = tx.audit().query(the_15th, PageRequest{}).items; });
    ASSERT_EQ(found.size(), 1u) << "23:00 UTC on the 14th is already the 15th in England, 22:59 UTC is not";
    EXPECT_EQ(found[0].at, after_midnight_bst);
}

TYPED_TEST_P(StoreContract, SessionsAndUsersRoundTrip) {
    const auto a = this->agency("Alpha");
    UserId uid;
    this->store->write([&](Transaction& tx) {
        const auto pid = tx.people().insert(Person{PersonId{}, this->partnership, "Ann", "Head", a.id, "ann@x.org"});
        User u;
        u.partnership = this->partnership;
        u.person = pid;
        u.email = "ann@x.org";
        u.password_hash = "h";
        u.role = Role::scrutineer;
        uid = tx.users().insert(u);
        tx.sessions().insert(Session{"digest", uid, "csrf", 10, 10});
        tx.users().set_lock(uid, LoginLock{3, 99});
    });
    std::optional<User> u;
    std::optional<Session> s;
    this->store->read([&](Transaction& tx) {
        u = tx.users().find_by_email("ann@x.org");
        s = tx.sessions().find("digest");
    });
    ASSERT_TRUE(u);
    EXPECT_EQ(u->role, Role::scrutineer);
    EXPECT_EQ(u->display_name, "Ann");
    EXPECT_EQ(u->lock.failed_logins, 3);
    EXPECT_EQ(u->version, 1);  // lock bookkeeping is not an edit
    ASSERT_TRUE(s);
    EXPECT_EQ(s->csrf_token, "csrf");
    this->store->write([&](Transaction& tx) { tx.sessions().remove_for_user(uid); });
    this->store->read([&](Transaction& tx) { s = tx.sessions().find("digest"); });
    EXPECT_FALSE(s);
}

TYPED_TEST_P(StoreContract, CaseRoundTripsWithEventsRulesAndPanel) {
    const Agency council = this->agency("Council");
    Case c;
    c.partnership = this->partnership;
    c.reference = "SI-2026-01";
    c.became_aware_on = *Date::parse("2026-11-20");
    c.incident_on = *Date::parse("2026-11-19");
    c.kind = HarmKind::death;
    c.looked_after = true;
    c.summary = "Summary";
    c.children = {{"Child O"}, {"Child P"}};
    c.agencies = {council.id};
    c.rules.rapid_review_anchor = RapidReviewAnchor::notification;
    c.rules.name = "local-2026";
    c.sealed_identities = "opaque";
    CaseId id;
    this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    CaseEvent e;
    e.kind = EventKind::decide;
    e.on = *Date::parse("2026-11-23");
    e.decision = Decision::other_learning;
    e.agencies = {council.id};
    e.note = "Reasons";
    e.recorded_by = "BU";
    this->store->write([&](Transaction& tx) {
        auto found = tx.cases().find(this->partnership, id);
        ASSERT_TRUE(found);
        found->panel.push_back({UserId{7}, "Panel Member"});
        found->conflicts.push_back({UserId{8}, "Other", *Date::parse("2026-11-21"), "Knew the family",
                                    ConflictView::take_part, AppealOutcome::overturned});
        EXPECT_TRUE(tx.cases().update(*found, standing_of(*found, WorkingCalendar())));
        EXPECT_FALSE(tx.cases().update(*found, standing_of(*found, WorkingCalendar())));  // the version moved on
        tx.cases().append_event(id, e);
    });
    std::optional<Case> back;
    std::vector<Case> all;
    this->store->read([&](Transaction& tx) {
        back = tx.cases().find(this->partnership, id);
        CaseQuery every;
        every.partnership = this->partnership;
        all = tx.cases().list(every).items;
        EXPECT_EQ(tx.cases().count(this->partnership), 1);
        EXPECT_FALSE(tx.cases().find(PartnershipId{this->partnership.value + 1}, id));
    });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->version, 2);
    EXPECT_EQ(back->reference, "SI-2026-01");
    EXPECT_EQ(back->kind, HarmKind::death);
    EXPECT_TRUE(back->looked_after);
    EXPECT_EQ(back->children.size(), 2U);
    EXPECT_EQ(back->children[1].pseudonym, "Child P");
    EXPECT_EQ(back->rules, c.rules);
    EXPECT_EQ(back->sealed_identities, "opaque");
    ASSERT_EQ(back->panel.size(), 1U);
    ASSERT_EQ(back->conflicts.size(), 1U);
    EXPECT_EQ(back->conflicts[0].appeal, AppealOutcome::overturned);
    ASSERT_EQ(back->events.size(), 1U);
    EXPECT_EQ(back->events[0].decision, Decision::other_learning);
    EXPECT_EQ(back->events[0].note, "Reasons");
    EXPECT_EQ(back->events[0].agencies, std::vector<AgencyId>{council.id});
    EXPECT_EQ(all.size(), 1U);
}

TYPED_TEST_P(StoreContract, RecommendationsListInNumberOrder) {
    const Agency council = this->agency("Council");
    Case c;
    c.partnership = this->partnership;
    c.reference = "SI-2026-02";
    c.children = {{"Child R"}};
    CaseId id;
    this->store->write([&](Transaction& tx) {
        id = tx.cases().insert(c, standing_of(c, WorkingCalendar()));
        tx.cases().add_recommendation({RecommendationId{}, id, this->partnership, 2, "Second", {council.id}, "Neglect"});
        tx.cases().add_recommendation({RecommendationId{}, id, this->partnership, 1, "First", {council.id}, ""});
    });
    std::vector<Recommendation> recs;
    this->store->read([&](Transaction& tx) { recs = tx.cases().recommendations(this->partnership, id); });
    ASSERT_EQ(recs.size(), 2U);
    EXPECT_EQ(recs[0].text, "First");
    EXPECT_EQ(recs[1].theme, "Neglect");
    EXPECT_EQ(recs[1].agencies, std::vector<AgencyId>{council.id});
}

TYPED_TEST_P(StoreContract, GovernanceRecordsRoundTripWithVersions) {
    Agency council = this->agency("Council");
    council.chief_officer = "Chief Executive";
    Person person;
    person.partnership = this->partnership;
    person.name = "Morgan";
    person.agency = council.id;
    person.email = "m@example.org";
    Group g;
    g.partnership = this->partnership;
    g.name = "Core Business Group";
    g.type = GroupType::executive;
    g.chair_kind = ChairKind::rotating;
    g.rotation_months = 6;
    g.rotation_start = *Date::parse("2026-04-01");
    g.cadence_months = 2;
    g.quorum = {QuorumKind::min_members, 3};
    g.active_from = *Date::parse("2025-01-01");
    g.active_to = *Date::parse("2027-03-31");
    Meeting m;
    Membership ms;
    UserId user;
    this->store->write([&](Transaction& tx) {
        council.version = 1;
        ASSERT_TRUE(tx.agencies().update(council));
        person.id = tx.people().insert(person);
        g.id = tx.governance().insert_group(g);
        tx.governance().add_terms({g.id, 1, "# Terms", *Date::parse("2025-01-01"), 100, "BU"});
        tx.governance().add_terms({g.id, 2, "# Terms v2", *Date::parse("2026-01-01"), 200, "BU"});
        ms = Membership{MembershipId{}, g.id, person.id, MembershipCode::SGC, MemberRole::thematic_lead, "Neglect",
                        *Date::parse("2025-02-01"), std::nullopt, "A deputy", 1};
        ms.id = tx.governance().insert_membership(ms);
        m.partnership = this->partnership;
        m.group = g.id;
        m.on = *Date::parse("2026-05-01");
        m.status = MeetingStatus::held;
        m.agenda = {{1, "Performance", person.id, "https://example.org/p.pdf"}};
        m.attendance = {{person.id, Presence::deputy, "Sam"}};
        m.decisions = {{1, "Agreed"}};
        m.minutes = "## Minutes";
        m.id = tx.governance().insert_meeting(m);
        ActionItem a;
        a.partnership = this->partnership;
        a.group = g.id;
        a.meeting = m.id;
        a.text = "Do it";
        a.owner = person.id;
        a.due = *Date::parse("2026-06-01");
        tx.governance().insert_action(a);
        tx.governance().insert_interest({InterestId{}, this->partnership, person.id, "Trustee", *Date::parse("2026-05-01"), m.id, 1, "BU"});
        User u;
        u.partnership = this->partnership;
        u.person = person.id;
        u.email = "m@example.org";
        u.password_hash = "x";
        user = tx.users().insert(u);
        tx.governance().set_feed_token(user, "digest-a", 10);
        tx.governance().set_feed_token(user, "digest-b", 20);
    });
    this->store->read([&](Transaction& tx) {
        EXPECT_EQ(tx.agencies().find(this->partnership, council.id)->chief_officer, "Chief Executive");
        const auto back = tx.governance().find_group(this->partnership, g.id);
        ASSERT_TRUE(back);
        EXPECT_EQ(back->name, "Core Business Group");
        EXPECT_EQ(back->chair_kind, ChairKind::rotating);
        EXPECT_EQ(back->rotation_start.iso(), "2026-04-01");
        EXPECT_EQ(back->quorum.kind, QuorumKind::min_members);
        EXPECT_EQ(back->quorum.value, 3);
        EXPECT_EQ(back->active_to->iso(), "2027-03-31");
        EXPECT_FALSE(tx.governance().find_group(PartnershipId{this->partnership.value + 1}, g.id)) << "another partnership's";
        const auto terms = tx.governance().terms(g.id);
        ASSERT_EQ(terms.size(), 2U);
        EXPECT_EQ(terms.back().markdown, "# Terms v2");
        const auto members = tx.governance().memberships(this->partnership, g.id);
        ASSERT_EQ(members.size(), 1U);
        EXPECT_EQ(members[0].code, MembershipCode::SGC);
        EXPECT_EQ(members[0].priority, "Neglect");
        EXPECT_FALSE(members[0].end);
        const auto meeting = tx.governance().find_meeting(this->partnership, m.id);
        ASSERT_TRUE(meeting);
        EXPECT_EQ(meeting->attendance.at(0).presence, Presence::deputy);
        EXPECT_EQ(meeting->attendance.at(0).deputy_name, "Sam");
        EXPECT_EQ(meeting->agenda.at(0).paper_link, "https://example.org/p.pdf");
        EXPECT_EQ(meeting->decisions.at(0).text, "Agreed");
        EXPECT_EQ(meeting->minutes, "## Minutes");
        const auto actions = tx.governance().actions(ActionQuery{.partnership = this->partnership}).items;
        ASSERT_EQ(actions.size(), 1U);
        EXPECT_EQ(actions[0].due.iso(), "2026-06-01");
        EXPECT_EQ(actions[0].status, ActionStatus::open);
        EXPECT_EQ(tx.governance().interests(InterestQuery{.partnership = this->partnership}).items.at(0).agenda_item, 1);
        EXPECT_FALSE(tx.governance().feed_user("digest-a")) << "a new feed token replaces the old";
        EXPECT_EQ(tx.governance().feed_user("digest-b"), user);
    });
    this->store->write([&](Transaction& tx) {
        auto meeting = *tx.governance().find_meeting(this->partnership, m.id);
        EXPECT_TRUE(tx.governance().update_meeting(meeting));
        EXPECT_FALSE(tx.governance().update_meeting(meeting)) << "the same version twice is stale";
        auto group = *tx.governance().find_group(this->partnership, g.id);
        group.version = 7;
        EXPECT_FALSE(tx.governance().update_group(group));
        auto member = tx.governance().memberships(this->partnership, g.id).at(0);
        member.end = *Date::parse("2026-10-31");
        EXPECT_TRUE(tx.governance().update_membership(member));
        auto action = tx.governance().actions(ActionQuery{.partnership = this->partnership}).items.at(0);
        action.status = ActionStatus::done;
        action.closed_on = *Date::parse("2026-05-20");
        EXPECT_TRUE(tx.governance().update_action(action));
    });
    this->store->read([&](Transaction& tx) {
        EXPECT_EQ(tx.governance().find_meeting(this->partnership, m.id)->version, 2);
        EXPECT_EQ(tx.governance().memberships(this->partnership, std::nullopt).at(0).end->iso(), "2026-10-31");
        EXPECT_EQ(tx.governance().actions(ActionQuery{.partnership = this->partnership}).items.at(0).closed_on->iso(), "2026-05-20");
    });
}

TYPED_TEST_P(StoreContract, LearningRecordsRoundTripWithVersions) {
    const Agency council = this->agency("Council");
    LearningSource src;
    src.partnership = this->partnership;
    src.kind = SourceKind::frontline_visit;
    src.title = "Frontline visits";
    src.on = *Date::parse("2026-06-01");
    src.priorities = {"Neglect"};
    src.agency = council.id;
    src.visitor = "Helen";
    src.findings = {{1, FindingKind::good_practice, "Supervisors drive safeguarding"}};
    src.recommendations = {{1, "Induct contractors", "Neglect", {council.id}, RecommendationId{}}};
    ImprovementAction a;
    a.partnership = this->partnership;
    a.text = "Induct every contractor";
    a.agency = council.id;
    a.due = *Date::parse("2026-12-01");
    a.created_on = *Date::parse("2026-06-02");
    a.state = ActionState::in_progress;
    a.evidence = {{*Date::parse("2026-07-01"), EvidenceKind::impact, "All inducted", "https://example.org/e", "Nadia"}};
    a.updates = {{*Date::parse("2026-06-10"), "Gareth", ActionState::proposed, ActionState::agreed, "Agreed"}};
    AuditCycle c;
    c.partnership = this->partnership;
    c.title = "Section 175 audit";
    c.kind = AuditKind::section_175;
    c.scale = GradeScale::rag;
    c.opens = *Date::parse("2026-05-01");
    c.closes = *Date::parse("2026-07-31");
    c.standards = LearningRules::default_section_175();
    c.invited = {council.id};
    AuditReturn r;
    this->store->write([&](Transaction& tx) {
        const PartnershipId elsewhere = tx.partnerships().insert({PartnershipId{}, "elsewhere", "Elsewhere"}, shipped_rules());
        src.id = tx.learning().insert_source(src);
        a.source = src.id;
        a.recommendation = 1;
        a.id = tx.learning().insert_improvement(a);
        c.id = tx.learning().insert_cycle(c);
        r.partnership = this->partnership;
        r.cycle = c.id;
        r.agency = council.id;
        r.status = ReturnStatus::submitted;
        r.submitted_on = *Date::parse("2026-07-30");
        r.answers = {{"1", "amber", "Narrative", "Evidence", "red", "Challenged"}};
        r.shared_from = SharedOrigin{elsewhere, "Elsewhere", AuditReturnId{4}, *Date::parse("2026-07-29")};
        r.shared_with = {{PartnershipId{8}, "Further", AuditCycleId{3}, AuditReturnId{5}, *Date::parse("2026-07-30")}};
        r.id = tx.learning().insert_return(r);
        tx.learning().insert_briefing({BriefingId{}, this->partnership, BriefingKind::seven_minute, "7-minute briefing",
                                       *Date::parse("2026-08-01"), "All staff", "", 120, {src.id}, 1});
    });
    this->store->read([&](Transaction& tx) {
        const auto s2 = tx.learning().find_source(this->partnership, src.id);
        ASSERT_TRUE(s2);
        EXPECT_EQ(s2->kind, SourceKind::frontline_visit);
        EXPECT_EQ(s2->agency, council.id);
        EXPECT_EQ(s2->recommendations.at(0).agencies.at(0), council.id);
        EXPECT_EQ(s2->findings.at(0).kind, FindingKind::good_practice);
        const auto a2 = tx.learning().find_improvement(this->partnership, a.id);
        ASSERT_TRUE(a2);
        EXPECT_EQ(a2->state, ActionState::in_progress);
        EXPECT_EQ(a2->source, src.id);
        EXPECT_EQ(a2->evidence.at(0).kind, EvidenceKind::impact);
        EXPECT_EQ(a2->updates.at(0).to, ActionState::agreed);
        EXPECT_EQ(a2->due.iso(), "2026-12-01");
        const auto c2 = tx.learning().find_cycle(this->partnership, c.id);
        ASSERT_TRUE(c2);
        EXPECT_EQ(c2->standards.size(), 9u);
        EXPECT_EQ(c2->scale, GradeScale::rag);
        const auto r2 = tx.learning().find_return(this->partnership, r.id);
        ASSERT_TRUE(r2);
        EXPECT_EQ(r2->submitted_on->iso(), "2026-07-30");
        EXPECT_FALSE(r2->moderated_on);
        EXPECT_EQ(r2->answers.at(0).moderated_grade, "red");
        ASSERT_TRUE(r2->shared_from);
        EXPECT_EQ(r2->shared_from->partnership_name, "Elsewhere");
        EXPECT_EQ(r2->shared_from->source, AuditReturnId{4});
        ASSERT_EQ(r2->shared_with.size(), 1u);
        EXPECT_EQ(r2->shared_with[0].copy, AuditReturnId{5});
        EXPECT_EQ(r2->shared_with[0].shared_on.iso(), "2026-07-30");
        EXPECT_EQ(tx.learning().briefings(this->partnership).at(0).sources.at(0), src.id);
        EXPECT_FALSE(tx.learning().find_source(PartnershipId{this->partnership.value + 1}, src.id));
    });
    this->store->write([&](Transaction& tx) {
        ImprovementAction stale = a;
        stale.version = 1;
        stale.state = ActionState::completed;
        EXPECT_TRUE(tx.learning().update_improvement(stale));
        EXPECT_FALSE(tx.learning().update_improvement(stale));  // version 1 is no longer current
    });
    this->store->read([&](Transaction& tx) {
        const auto a3 = tx.learning().find_improvement(this->partnership, a.id);
        EXPECT_EQ(a3->version, 2);
        EXPECT_EQ(a3->state, ActionState::completed);
    });
}

// Links between agencies of two partnerships (migration 0030): a proposal names no agency
// there and joins nothing; an accepted link joins both ways; a deactivated agency drops out; a
// stale accept or remove writes nothing; each side finds the link, a third partnership does not.
TYPED_TEST_P(StoreContract, AgenciesOfTwoPartnershipsAreJoinedOnlyByAnAcceptedLink) {
    PartnershipId other;
    PartnershipId third;
    this->store->write([&](Transaction& tx) {
        other = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules());
        third = tx.partnerships().insert({PartnershipId{}, "third", "Third"}, shipped_rules());
    });
    Agency here = this->agency("Merseyside Police");
    Agency there = here;
    there.partnership = other;
    Agency same_code = here;  // a third partnership's record with the same code: never joined by it
    same_code.partnership = third;
    AgencyLink link;
    this->store->write([&](Transaction& tx) {
        here.organisation_code = "MERPOL";
        ASSERT_TRUE(tx.agencies().update(here));
        there.id = tx.agencies().insert(there);
        same_code.organisation_code = "MERPOL";
        same_code.id = tx.agencies().insert(same_code);
        link.from_partnership = this->partnership;
        link.from_agency = here.id;
        link.to_partnership = other;
        link.proposed_at = 1'795'000'000;
        link.proposed_by = "Ann <ann@example.org>";
        link.id = tx.agency_links().insert(link);
    });
    this->store->read([&](Transaction& tx) {
        EXPECT_TRUE(tx.agencies().linked(here.id).empty()) << "a proposal joins nothing";
        const auto found = tx.agency_links().find(other, link.id);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->status, AgencyLinkStatus::proposed);
        EXPECT_FALSE(found->to_agency.valid());
        EXPECT_EQ(found->proposed_by, "Ann <ann@example.org>");
        EXPECT_FALSE(tx.agency_links().find(third, link.id)) << "a third partnership does not see it";
        EXPECT_EQ(tx.agency_links().between(here.id, other, there.id).size(), 1u);
        EXPECT_TRUE(tx.agency_links().between(here.id, third, same_code.id).empty());
    });
    AgencyLink accepted = link;
    accepted.to_agency = there.id;
    accepted.status = AgencyLinkStatus::accepted;
    accepted.accepted_at = 1'795'000'100;
    accepted.accepted_by = "Bob <bob@example.org>";
    this->store->write([&](Transaction& tx) {
        AgencyLink stale = accepted;
        stale.version = 7;
        EXPECT_FALSE(tx.agency_links().accept(stale));
        EXPECT_TRUE(tx.agency_links().accept(accepted));
        EXPECT_FALSE(tx.agency_links().accept(accepted)) << "accepted once";
    });
    this->store->read([&](Transaction& tx) {
        const auto from_here = tx.agencies().linked(here.id);
        ASSERT_EQ(from_here.size(), 1u);
        EXPECT_EQ(from_here[0].id, there.id);
        const auto from_there = tx.agencies().linked(there.id);
        ASSERT_EQ(from_there.size(), 1u);
        EXPECT_EQ(from_there[0].id, here.id);
        EXPECT_TRUE(tx.agencies().linked(same_code.id).empty());
        const auto l = tx.agency_links().find(this->partnership, link.id);
        EXPECT_EQ(l->version, 2);
        EXPECT_EQ(l->accepted_by, "Bob <bob@example.org>");
        EXPECT_EQ(l->accepted_at, 1'795'000'100);
        EXPECT_EQ(tx.agency_links().between(there.id, this->partnership, here.id).size(), 1u) << "found from either side";
        const auto page = tx.agency_links().query({other, {1, ""}});
        ASSERT_EQ(page.items.size(), 1u);
        EXPECT_FALSE(page.next);
        EXPECT_TRUE(tx.agency_links().query({third, {}}).items.empty());
    });
    this->store->write([&](Transaction& tx) {
        there.active = false;
        ASSERT_TRUE(tx.agencies().update(there));
    });
    this->store->read([&](Transaction& tx) { EXPECT_TRUE(tx.agencies().linked(here.id).empty()) << "deactivated"; });
    this->store->write([&](Transaction& tx) {
        EXPECT_FALSE(tx.agency_links().remove(link.id, 1));
        EXPECT_TRUE(tx.agency_links().remove(link.id, 2));
    });
    this->store->read([&](Transaction& tx) { EXPECT_FALSE(tx.agency_links().find(this->partnership, link.id)); });
}

// Newest first, a page at a time, whichever side the partnership is.
TYPED_TEST_P(StoreContract, APartnershipsLinksArePagedNewestFirst) {
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules()); });
    std::vector<std::int64_t> ids;
    this->store->write([&](Transaction& tx) {
        for (int i = 0; i < 3; ++i) {
            Agency a{AgencyId{}, i == 1 ? other : this->partnership, "Agency " + std::to_string(i), AgencyKind::relevant_agency,
                     StatutoryRole::none, "education"};
            a.id = tx.agencies().insert(a);
            AgencyLink l;
            l.from_partnership = a.partnership;
            l.from_agency = a.id;
            l.to_partnership = i == 1 ? this->partnership : other;
            l.proposed_at = 1;
            l.proposed_by = "x";
            ids.push_back(tx.agency_links().insert(l));
        }
    });
    this->store->read([&](Transaction& tx) {
        const auto first = tx.agency_links().query({this->partnership, {2, ""}});
        ASSERT_EQ(first.items.size(), 2u);
        EXPECT_EQ(first.items[0].id, ids[2]);
        EXPECT_EQ(first.items[1].id, ids[1]);
        ASSERT_TRUE(first.next);
        const auto second = tx.agency_links().query({this->partnership, {2, *first.next}});
        ASSERT_EQ(second.items.size(), 1u);
        EXPECT_EQ(second.items[0].id, ids[0]);
        EXPECT_FALSE(second.next);
    });
}

// The case key check: the first canary stored is kept; a later offer (another server starting,
// perhaps with another key) changes nothing and is told the first; a rolled-back offer leaves none.
TYPED_TEST_P(StoreContract, TheCaseKeyCheckKeepsTheFirstCanaryStored) {
    std::optional<CaseKeyCanary> none;
    this->store->read([&](Transaction& tx) { none = tx.case_key().find(); });
    EXPECT_FALSE(none);
    EXPECT_THROW(this->store->write([&](Transaction& tx) {
        (void)tx.case_key().keep_first({"undone", 1});
        throw std::runtime_error("rolled back");
    }),
                 std::runtime_error);
    this->store->read([&](Transaction& tx) { none = tx.case_key().find(); });
    EXPECT_FALSE(none) << "a rolled-back check is not kept";

    CaseKeyCanary first, second;
    this->store->write([&](Transaction& tx) { first = tx.case_key().keep_first({"sealed-by-a", 1'795'000'000}); });
    EXPECT_EQ(first.sealed, "sealed-by-a");
    EXPECT_EQ(first.made_at, 1'795'000'000);
    this->store->write([&](Transaction& tx) { second = tx.case_key().keep_first({"sealed-by-b", 1'795'000'060}); });
    EXPECT_EQ(second.sealed, "sealed-by-a");
    EXPECT_EQ(second.made_at, 1'795'000'000);
    std::optional<CaseKeyCanary> found;
    this->store->read([&](Transaction& tx) { found = tx.case_key().find(); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->sealed, "sealed-by-a");
    EXPECT_EQ(found->made_at, 1'795'000'000);
}

// The details a first key check must be able to open: the earliest case's that has any.
TYPED_TEST_P(StoreContract, TheEarliestSealedDetailsAreFoundForTheFirstKeyCheck) {
    std::optional<std::string> found = std::string("not asked");
    this->store->read([&](Transaction& tx) { found = tx.case_key().earliest_sealed_details(); });
    EXPECT_FALSE(found) << "no case yet";
    auto add_case = [&](const std::string& reference, const std::string& sealed) {
        Case c;
        c.partnership = this->partnership;
        c.reference = reference;
        c.became_aware_on = *Date::parse("2026-11-20");
        c.incident_on = *Date::parse("2026-11-19");
        c.kind = HarmKind::death;
        c.summary = "Summary";
        c.children = {{"Child O"}};
        c.sealed_identities = sealed;
        this->store->write([&](Transaction& tx) { (void)tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    };
    add_case("SI-2026-01", "");
    this->store->read([&](Transaction& tx) { found = tx.case_key().earliest_sealed_details(); });
    EXPECT_FALSE(found) << "a case without identifiable details has nothing to open";
    add_case("SI-2026-02", "sealed-first");
    add_case("SI-2026-03", "sealed-second");
    this->store->read([&](Transaction& tx) { found = tx.case_key().earliest_sealed_details(); });
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, "sealed-first");
}

// Which key sealed what, and a rotation's reads and writes: the key id is stored with each case's
// sealed details; cases are read after an id in id order across partnerships; a re-seal changes
// the details and the key id only; the check is replaced whole; a rolled-back rotation leaves all.
TYPED_TEST_P(StoreContract, SealedDetailsCarryTheirKeyIdAndARotationRewritesThemAndTheCheck) {
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules()); });
    auto add_case = [&](PartnershipId p, const std::string& reference, const std::string& sealed, const std::string& key_id) {
        Case c;
        c.partnership = p;
        c.reference = reference;
        c.became_aware_on = *Date::parse("2026-11-20");
        c.incident_on = *Date::parse("2026-11-19");
        c.kind = HarmKind::death;
        c.summary = "Summary";
        c.children = {{"Child O"}};
        c.sealed_identities = sealed;
        c.sealed_key_id = key_id;
        CaseId id;
        this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
        return id;
    };
    const CaseId a = add_case(this->partnership, "SI-2026-01", "sealed-a", "key-one");
    (void)add_case(this->partnership, "SI-2026-02", "", "");
    const CaseId b = add_case(other, "SI-2026-01", "sealed-b", "key-one");
    const CaseId c = add_case(this->partnership, "SI-2026-03", "sealed-c", "");  // sealed before ids were kept
    std::vector<KeyIdCount> by_key;
    this->store->read([&](Transaction& tx) { by_key = tx.case_key().sealed_by_key(); });
    ASSERT_EQ(by_key.size(), 2U);
    EXPECT_EQ(by_key[0].key_id, "");
    EXPECT_EQ(by_key[0].cases, 1);
    EXPECT_EQ(by_key[1].key_id, "key-one");
    EXPECT_EQ(by_key[1].cases, 2);

    std::vector<SealedDetails> first, rest;
    this->store->read([&](Transaction& tx) {
        first = tx.case_key().sealed_after(CaseId{0}, 2);
        rest = tx.case_key().sealed_after(first.back().id, 2);
    });
    ASSERT_EQ(first.size(), 2U);
    EXPECT_EQ(first[0].id, a);
    EXPECT_EQ(first[0].partnership, this->partnership);
    EXPECT_EQ(first[0].reference, "SI-2026-01");
    EXPECT_EQ(first[0].sealed, "sealed-a");
    EXPECT_EQ(first[0].key_id, "key-one");
    EXPECT_EQ(first[1].id, b);
    EXPECT_EQ(first[1].partnership, other);
    ASSERT_EQ(rest.size(), 1U) << "the case without sealed details is skipped";
    EXPECT_EQ(rest[0].id, c);
    EXPECT_EQ(rest[0].key_id, "");

    this->store->write([&](Transaction& tx) { (void)tx.case_key().keep_first({"check-one", 1'795'000'000, "key-one", ""}); });
    // A rotation that fails after re-sealing some leaves everything as it was.
    EXPECT_THROW(this->store->write([&](Transaction& tx) {
        tx.case_key().reseal(a, "sealed-a-two", "key-two");
        tx.case_key().replace({"check-two", 1'795'000'100, "key-two", "digest-two"});
        throw std::runtime_error("half-way");
    }),
                 std::runtime_error);
    std::optional<CaseKeyCanary> check;
    this->store->read([&](Transaction& tx) {
        first = tx.case_key().sealed_after(CaseId{0}, 10);
        check = tx.case_key().find();
    });
    EXPECT_EQ(first[0].sealed, "sealed-a");
    EXPECT_EQ(first[0].key_id, "key-one");
    ASSERT_TRUE(check);
    EXPECT_EQ(check->sealed, "check-one");
    EXPECT_EQ(check->key_id, "key-one");

    this->store->write([&](Transaction& tx) {
        for (const auto& d : tx.case_key().sealed_after(CaseId{0}, 10)) tx.case_key().reseal(d.id, d.sealed + "-two", "key-two");
        tx.case_key().replace({"check-two", 1'795'000'100, "key-two", "digest-two"});
    });
    std::optional<Case> case_a;
    this->store->read([&](Transaction& tx) {
        by_key = tx.case_key().sealed_by_key();
        check = tx.case_key().find();
        case_a = tx.cases().find(this->partnership, a);
    });
    ASSERT_EQ(by_key.size(), 1U);
    EXPECT_EQ(by_key[0].key_id, "key-two");
    EXPECT_EQ(by_key[0].cases, 3);
    ASSERT_TRUE(check);
    EXPECT_EQ(check->sealed, "check-two");
    EXPECT_EQ(check->made_at, 1'795'000'100);
    EXPECT_EQ(check->key_id, "key-two");
    EXPECT_EQ(check->sealed_digest_key, "digest-two");
    ASSERT_TRUE(case_a);
    EXPECT_EQ(case_a->sealed_identities, "sealed-a-two");
    EXPECT_EQ(case_a->version, 1) << "a re-seal is not a change to the case";
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) { tx.case_key().reseal(CaseId{999'999}, "x", "key-two"); }))
        << "a case with no sealed details is not re-sealed";
}

// A page's reads share one transaction (store/sql/shared_reads.hpp): one snapshot throughout,
// even when another request commits in between.
TYPED_TEST_P(StoreContract, ReadsInOneRequestShareOneSnapshot) {
    this->agency("Alpha");
    auto count = [&] {
        std::size_t n = 0;
        this->store->read([&](Transaction& tx) { n = tx.agencies().list(this->partnership, true).size(); });
        return n;
    };
    {
        const sql::shared_reads::Scope request(true);
        EXPECT_EQ(count(), 1u);
        std::thread other([&] { this->agency("Beta"); });  // another request, on its own connection
        other.join();
        EXPECT_EQ(count(), 1u) << "the second read of the page saw a different snapshot";
        // A refusal inside a read is not the database's error: the snapshot goes on.
        EXPECT_THROW(this->store->read([&](Transaction&) { throw Failure::not_found("agency"); }), Failure);
        EXPECT_EQ(count(), 1u);
    }
    EXPECT_EQ(count(), 2u) << "the next request sees what was committed";
}

TYPED_TEST_P(StoreContract, AWriteInARequestEndsItsSnapshotSoItReadsWhatItWrote) {
    this->agency("Alpha");
    const sql::shared_reads::Scope request(true);
    std::size_t before = 0, after = 0, inner = 0;
    this->store->read([&](Transaction& tx) {
        before = tx.agencies().list(this->partnership, true).size();
        // A read inside a read runs on its own; the outer one's statements are left alone.
        this->store->read([&](Transaction& tx2) { inner = tx2.people().list(this->partnership, PersonFilter{}).size(); });
        EXPECT_EQ(tx.agencies().list(this->partnership, true).size(), before);
    });
    this->agency("Beta");  // the same request writes
    this->store->read([&](Transaction& tx) { after = tx.agencies().list(this->partnership, true).size(); });
    EXPECT_EQ(before, 1u);
    EXPECT_EQ(inner, 0u);
    EXPECT_EQ(after, 2u);
}

// The data version (migration 0023) that kept pages are stamped with: every commit that changed
// records moves it, and nothing else does.
TYPED_TEST_P(StoreContract, EveryCommittedChangeMovesTheDataVersionAndNothingElseDoes) {
    auto* sql_store = dynamic_cast<sql::SqlStore*>(this->store.get());
    ASSERT_NE(sql_store, nullptr);
    const auto version = [&] { return sql_store->data_version(); };
    const std::int64_t start = version();
    const auto a = this->agency("Alpha");
    const std::int64_t after_agency = version();
    EXPECT_GT(after_agency, start);

    // A refused write leaves it where it was.
    Agency refused = a;
    refused.name = "Beta";
    EXPECT_THROW(this->store->write([&](Transaction& tx) {
        tx.agencies().insert(refused);
        throw Failure::invalid({{"name", "refused"}});
    }),
                 Failure);
    EXPECT_EQ(version(), after_agency);

    // A write with nothing to do changed nothing.
    this->store->write([&](Transaction& tx) { EXPECT_EQ(tx.agencies().list(this->partnership, true).size(), 1u); });
    EXPECT_EQ(version(), after_agency);

    // Sign-in sessions are shown by no kept page: writing one alone leaves it too.
    UserId uid;
    this->store->write([&](Transaction& tx) {
        const auto pid = tx.people().insert(Person{PersonId{}, this->partnership, "Ann", "Head", a.id, "ann@x.org"});
        User u;
        u.partnership = this->partnership;
        u.person = pid;
        u.email = "ann@x.org";
        u.password_hash = "h";
        uid = tx.users().insert(u);
    });
    const std::int64_t after_user = version();
    EXPECT_GT(after_user, after_agency);
    this->store->write([&](Transaction& tx) { tx.sessions().insert(Session{"digest", uid, "csrf", 10, 10}); });
    this->store->write([&](Transaction& tx) { tx.sessions().touch("digest", 20); });
    EXPECT_EQ(version(), after_user);
    // Ending one moves it: servers keep sessions in memory at a version (app/session_cache.hpp).
    this->store->write([&](Transaction& tx) { tx.sessions().remove("digest"); });
    const std::int64_t after_sign_out = version();
    EXPECT_GT(after_sign_out, after_user);

    // Inside a request's shared read it is the snapshot's version, whatever commits meanwhile.
    {
        const sql::shared_reads::Scope request(true);
        EXPECT_EQ(version(), after_sign_out);
        std::thread other([&] { this->agency("Gamma"); });
        other.join();
        EXPECT_EQ(version(), after_sign_out);
    }
    EXPECT_GT(version(), after_sign_out);
}

REGISTER_TYPED_TEST_SUITE_P(StoreContract, AgencyRoundTripsAndListsActiveFirstByDefault, StaleUpdateWritesNothing,
                            AFailedWriteLeavesNoTrace, PeopleFilterByAgencyAndFindByEmail,
                            AuditFiltersAndPagesNewestFirst, AuditDaysAreDaysInEngland, SessionsAndUsersRoundTrip,
                            CaseRoundTripsWithEventsRulesAndPanel, RecommendationsListInNumberOrder,
                            GovernanceRecordsRoundTripWithVersions, LearningRecordsRoundTripWithVersions,
                            AgenciesOfTwoPartnershipsAreJoinedOnlyByAnAcceptedLink,
                            APartnershipsLinksArePagedNewestFirst, TheCaseKeyCheckKeepsTheFirstCanaryStored,
                            TheEarliestSealedDetailsAreFoundForTheFirstKeyCheck, ReadsInOneRequestShareOneSnapshot,
                            AWriteInARequestEndsItsSnapshotSoItReadsWhatItWrote,
                            EveryCommittedChangeMovesTheDataVersionAndNothingElseDoes,
                            SealedDetailsCarryTheirKeyIdAndARotationRewritesThemAndTheCheck);

}  // namespace assure::testing
