// A review's chronology through its use cases on an SQLite file (issue 18 item 2): the business
// unit adds rows for any agency of the case, a panel member only their own; an upload replaces
// that agency's rows, all or none; the anonymised view replaces listed names and the children's
// names; the named view is refused to those who may not see names; every reading is logged and
// every change audited.
#include <gtest/gtest.h>

#include "app/chronology.hpp"
#include "app/reviews.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct ChronologyWorld {
    World w;
    AgencyId police, health;
    Actor bu, officer;  // officer: a police agency lead on the case's panel
    CaseId id;

    ChronologyWorld() {
        w.clock.at = 1'796'256'000;  // 2026-12-03 00:00 UTC
        police = w.add_agency({AgencyId{}, {}, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
        health = w.add_agency({AgencyId{}, {}, "Alder Hey Children's Hospital", AgencyKind::relevant_agency, StatutoryRole::none, "health"});
        bu = w.as(Role::business_unit);
        officer = w.add_user(w.add_person({PersonId{}, {}, "Pat Officer", "Detective Inspector", police, "pat@example.org"}), Role::agency_lead);
        IncidentInput in;
        in.became_aware_on = "2026-11-20";
        in.incident_on = "2026-11-19";
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child W", "Wendy Example", "2020-02-02", ""}};
        in.agency_ids = {police.str(), health.str()};
        id = notify_incident(w.services, bu, in).record.id;
        add_panel_member(w.services, bu, id, 1, officer.user.str());
    }
    std::vector<AccessEntry> reads(AccessKind kind) {
        w.store.access_log().flush();
        AccessQuery q;
        q.partnership = w.partnership;
        q.kind = kind;
        q.page.limit = PageRequest::max_limit;
        std::vector<AccessEntry> out;
        w.store.read([&](Transaction& tx) { out = tx.access_entries().query(q).items; });
        std::erase_if(out, [](const AccessEntry& e) { return e.record_type != "review_chronology"; });
        return out;
    }
};

}  // namespace

TEST(ChronologyUseCases, TheUnitWritesForAnyAgencyAPanelMemberForTheirOwn) {
    ChronologyWorld c;
    const auto added = add_chronology_entry(c.w.services, c.bu, c.id, c.health.str(),
                                            {"2026-10-01", "14:10", "Wendy Example seen in A&E with a bruise", "Notes", ""});
    EXPECT_EQ(added.agency, "Alder Hey Children's Hospital");
    EXPECT_EQ(added.entry.added_by, c.bu.name());
    (void)add_chronology_entry(c.w.services, c.officer, c.id, c.police.str(), {"2026-10-02", "", "Call from a neighbour", "", ""});

    try {
        (void)add_chronology_entry(c.w.services, c.officer, c.id, c.health.str(), {"2026-10-03", "", "Not theirs", "", ""});
        FAIL() << "a panel member wrote another agency's row";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().front().field, "agency_id");
        EXPECT_EQ(f.fields().front().message, "Select Merseyside Police");
    }
    // A member not on the panel does not know the case exists.
    EXPECT_EQ(refusal_of([&] {
                  (void)add_chronology_entry(c.w.services, c.w.as(Role::member), c.id, c.police.str(), {"2026-10-03", "", "x", "", ""});
              }),
              FailureCode::not_found);
    // The officer may not remove the hospital's row; the unit may.
    const auto timeline = read_chronology(c.w.services, c.bu, c.id, true).timeline;
    ASSERT_EQ(timeline.size(), 2U);
    EXPECT_EQ(refusal_of([&] { remove_chronology_entry(c.w.services, c.officer, c.id, added.entry.id); }), FailureCode::forbidden);
    remove_chronology_entry(c.w.services, c.bu, c.id, added.entry.id);
    EXPECT_EQ(read_chronology(c.w.services, c.bu, c.id, true).timeline.size(), 1U);
    EXPECT_EQ(c.w.audit_actions().back(), "chronology.remove");
    const auto removed = c.w.last_audit();
    EXPECT_NE(removed.before_json.find("seen in A&E"), std::string::npos) << "the removed row is kept in the trail";
}

TEST(ChronologyUseCases, BadInputNamesTheFieldAndSavesNothing) {
    ChronologyWorld c;
    const auto before = c.w.audit_count();
    try {
        (void)add_chronology_entry(c.w.services, c.bu, c.id, "", {"2016-02-30", "", "", "", ""});
        FAIL();
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 3U);
        EXPECT_EQ(f.fields()[0].field, "agency_id");
        EXPECT_EQ(f.fields()[1].field, "date");
        EXPECT_EQ(f.fields()[2].field, "event");
    }
    EXPECT_EQ(c.w.audit_count(), before);
    EXPECT_TRUE(read_chronology(c.w.services, c.bu, c.id, true).timeline.empty());
}

TEST(ChronologyUseCases, AnUploadReplacesTheAgencysRowsAllOrNone) {
    ChronologyWorld c;
    (void)add_chronology_entry(c.w.services, c.bu, c.id, c.police.str(), {"2026-09-01", "", "Old police row", "", ""});
    (void)add_chronology_entry(c.w.services, c.bu, c.id, c.health.str(), {"2026-09-02", "", "Hospital row", "", ""});
    const auto done = upload_chronology(c.w.services, c.officer, c.id, c.police.str(),
                                        "Date,Time,Event,Source,Analysis\n01/10/2026,09:30,Welfare check,Log 123,Seen\n02/10/2026,,Arrest,,\n");
    EXPECT_EQ(done.agency, "Merseyside Police");
    EXPECT_EQ(done.added, 2);
    EXPECT_EQ(done.replaced, 1);
    auto timeline = read_chronology(c.w.services, c.bu, c.id, true).timeline;
    ASSERT_EQ(timeline.size(), 3U);
    EXPECT_EQ(timeline[0].event, "Hospital row");
    EXPECT_EQ(timeline[1].event, "Welfare check");
    EXPECT_EQ(clock_time(timeline[1].minute), "09:30");
    EXPECT_EQ(c.w.audit_actions().back(), "chronology.upload");
    EXPECT_NE(c.w.last_audit().before_json.find("Old police row"), std::string::npos);

    const auto audits = c.w.audit_count();
    try {
        (void)upload_chronology(c.w.services, c.officer, c.id, c.police.str(), "Date,Event\n03/10/2026,Fine\n31/09/2026,No such day\n");
        FAIL();
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().front().field, "file");
        EXPECT_NE(f.fields().front().message.find("Row 3: enter a real date"), std::string::npos);
    }
    EXPECT_EQ(c.w.audit_count(), audits);
    EXPECT_EQ(read_chronology(c.w.services, c.bu, c.id, true).timeline.size(), 3U) << "the refused file changed nothing";
}

TEST(ChronologyUseCases, AnonymisedForThoseWhoMayNotSeeNamesAndEveryReadLogged) {
    ChronologyWorld c;
    (void)add_chronology_entry(c.w.services, c.bu, c.id, c.health.str(),
                               {"2026-10-01", "", "Wendy Example brought in by Sarah Jones", "", "Sarah's account changed"});
    (void)add_chronology_alias(c.w.services, c.bu, c.id, {0, "Sarah Jones", "Mother"});
    (void)add_chronology_alias(c.w.services, c.bu, c.id, {0, "Sarah", "Mother"});
    EXPECT_EQ(refusal_of([&] { (void)add_chronology_alias(c.w.services, c.bu, c.id, {0, "sarah", "Aunt"}); }),
              FailureCode::invalid);
    EXPECT_EQ(refusal_of([&] { (void)add_chronology_alias(c.w.services, c.bu, c.id, {0, "wendy example", "Child"}); }),
              FailureCode::invalid)
        << "a child's name is replaced already, by the pseudonym";
    EXPECT_EQ(refusal_of([&] { (void)add_chronology_alias(c.w.services, c.officer, c.id, {0, "Lee", "Father"}); }),
              FailureCode::forbidden);

    const ChronologyView officer = read_chronology(c.w.services, c.officer, c.id, false);
    ASSERT_EQ(officer.timeline.size(), 1U);
    EXPECT_EQ(officer.timeline[0].event, "Child W brought in by Mother");
    EXPECT_EQ(officer.timeline[0].analysis, "Mother's account changed");
    EXPECT_EQ(officer.timeline[0].added_by, "") << "who typed it is a name too";
    EXPECT_FALSE(officer.may_see_named);
    EXPECT_TRUE(officer.aliases.empty()) << "the list of names is itself identifying";
    EXPECT_EQ(refusal_of([&] { (void)read_chronology(c.w.services, c.officer, c.id, true); }), FailureCode::forbidden);

    const ChronologyView unit = read_chronology(c.w.services, c.bu, c.id, true);
    EXPECT_EQ(unit.timeline[0].event, "Wendy Example brought in by Sarah Jones");
    ASSERT_EQ(unit.aliases.size(), 3U);
    EXPECT_EQ(unit.aliases[2].name, "Wendy Example");
    EXPECT_EQ(unit.aliases[2].stands_for, "Child W");
    EXPECT_EQ(unit.aliases[2].id, 0) << "the child's comes from the case, not the list";

    const auto records = c.reads(AccessKind::record);
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records[0].actor, c.officer.user);
    EXPECT_EQ(records[0].record_ids, std::vector<std::string>{c.id.str()});
    const auto named = c.reads(AccessKind::identities);
    ASSERT_EQ(named.size(), 1U);
    EXPECT_EQ(named[0].actor, c.bu.user);

    remove_chronology_alias(c.w.services, c.bu, c.id, unit.aliases[1].id);
    EXPECT_EQ(read_chronology(c.w.services, c.officer, c.id, false).timeline[0].analysis, "Sarah's account changed");
    EXPECT_EQ(c.w.audit_actions().back(), "chronology.alias_remove");
}
