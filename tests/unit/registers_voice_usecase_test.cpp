// The voice and scrutiny registers' use cases on the real store (a SQLite file per test) with a
// frozen clock (18 November 2026): who may record and read, that bad input (an unknown kind, a
// kind of the other register, a response with no point, an action not the partnership's, a
// future date) saves nothing, every change audited in its own shape, stale versions refused,
// the two registers kept apart, the filters, and a year's figures.
#include <gtest/gtest.h>

#include "app/registers.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

ImprovementId add_action(World& w) {
    Agency council;
    council.name = "Knowsley Council";
    council.kind = AgencyKind::statutory_partner;
    council.sector = "local_authority";
    ImprovementAction a;
    a.partnership = w.partnership;
    a.agency = w.add_agency(council);
    a.text = "Agree a definition of the voice of the child";
    a.due = *Date::parse("2027-01-31");
    a.created_on = *Date::parse("2026-06-01");
    ImprovementId id;
    w.store.write([&](Transaction& tx) { id = tx.learning().insert_improvement(a); });
    return id;
}

ActivityInput survey() {
    ActivityInput in;
    in.kind = "survey";
    in.title = "Safeguarding survey of young people";
    in.led_by = "Voice for Children";
    in.held_on = "2026-05-11";
    in.children_heard = "1808";
    in.how_heard = "Online questionnaire in every secondary school";
    in.points = {{"Online safety worries most of them", "Briefings for practitioners", "", false, "2026-06-01"},
                 {"", "", "", false, ""},  // a form's unused slot
                 {"Neglect", "", "", false, ""}};
    return in;
}

ActivityInput visit() {
    ActivityInput in;
    in.kind = "frontline_visit";
    in.title = "Visit to the front door";
    in.led_by = "Independent scrutineer";
    in.held_on = "2026-09-14";
    in.points = {{"Record the child's words in the referral", "Agreed; the form changes in January", "", false, "2026-10-01"}};
    return in;
}

std::vector<FieldError> refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        if (e.code() == FailureCode::invalid) return e.fields();
        ADD_FAILURE() << "refused, but not as invalid input: " << e.what();
        return {};
    }
    ADD_FAILURE() << "accepted";
    return {};
}

FailureCode failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "no failure";
    return FailureCode::unavailable;
}

}  // namespace

TEST(VoiceUseCases, AnActivityKeepsItsPointsInOrderAndIsAuditedInItsOwnShape) {
    World w;
    const auto a = record_activity(w.services, w.as(Role::business_unit), Strand::voice, survey());
    EXPECT_TRUE(a.id.valid());
    ASSERT_EQ(a.points.size(), 2u) << "the empty slot is dropped";
    const AuditEntry audit = w.last_audit();
    EXPECT_EQ(audit.action, "activity.create");
    EXPECT_EQ(audit.entity_type, "activity");
    EXPECT_NE(audit.after_json.find("\"register\":\"voice\""), std::string::npos) << audit.after_json;
    EXPECT_NE(audit.after_json.find("\"children_heard\":1808"), std::string::npos) << audit.after_json;
    const auto shown = read_activity(w.services, w.as(Role::scrutineer), Strand::voice, a.id);
    ASSERT_EQ(shown.activity.points.size(), 2u);
    EXPECT_EQ(shown.activity.points[0].point, "Online safety worries most of them");
    EXPECT_EQ(shown.activity.points[0].response, "Briefings for practitioners");
    EXPECT_EQ(shown.activity.points[1].point, "Neglect");
    EXPECT_EQ(shown.activity.children_heard, 1808);
}

TEST(VoiceUseCases, BadInputIsAFieldErrorAndNothingIsSaved) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto rows = w.audit_count();
    ActivityInput in = survey();
    in.kind = "party";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "kind");
    in = survey();
    in.kind = "frontline_visit";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "kind");
    in = survey();
    in.points[2] = {"", "A response to nothing", "", false, "2026-06-01"};
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "point3");
    in = survey();
    in.held_on = "2026-12-01";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "held_on");
    in = survey();
    in.children_heard = "many";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "children_heard");
    in = survey();
    in.how_heard = "";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "how_heard");
    in = visit();
    in.points[0].action = "4242";
    const auto errors = refusal([&] { record_activity(w.services, bu, Strand::scrutiny, in); });
    EXPECT_EQ(errors.at(0).field, "action1");
    EXPECT_NE(errors.at(0).message.find("no action 4242"), std::string::npos);
    EXPECT_EQ(w.audit_count(), rows);
    EXPECT_TRUE(list_activities(w.services, bu, Strand::voice, {}, {}).items.empty());
    EXPECT_TRUE(list_activities(w.services, bu, Strand::scrutiny, {}, {}).items.empty());
}

// Each response keeps the day it was given; the form's slot is named when the date is wrong.
TEST(VoiceUseCases, AResponseKeepsItsDateAndABadDateNamesTheSlotTypedIn) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto rows = w.audit_count();
    ActivityInput in = survey();
    in.points[0].responded_on = "";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "responded_on1");
    in = survey();
    in.points[0].responded_on = "2026-05-10";  // the day before the survey
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "responded_on1");
    in = survey();
    in.points[0].responded_on = "2026-11-19";  // tomorrow
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "responded_on1");
    in = survey();
    in.points[2].responded_on = "2026-13-01";
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "responded_on3") << "not a date";
    in = survey();
    in.points[2].responded_on = "2026-06-02";  // a date with no response, in the third slot
    EXPECT_EQ(refusal([&] { record_activity(w.services, bu, Strand::voice, in); }).at(0).field, "responded_on3") << "the slot, not the place kept";
    EXPECT_EQ(w.audit_count(), rows) << "nothing saved";
    const auto a = record_activity(w.services, bu, Strand::voice, survey());
    const auto shown = read_activity(w.services, bu, Strand::voice, a.id);
    EXPECT_EQ(shown.activity.points.at(0).responded_on, Date::parse("2026-06-01"));
    EXPECT_FALSE(shown.activity.points.at(1).responded_on);
    EXPECT_NE(w.last_audit().after_json.find("\"responded_on\":\"2026-06-01\""), std::string::npos) << w.last_audit().after_json;
}

TEST(VoiceUseCases, ARecommendationFeedsAnActionOfThePartnershipsPlan) {
    World w;
    const auto action = add_action(w);
    ActivityInput in = visit();
    in.points[0].action = action.str();
    const auto a = record_activity(w.services, w.as(Role::business_unit), Strand::scrutiny, in);
    const auto shown = read_activity(w.services, w.as(Role::partner_lead), Strand::scrutiny, a.id);
    ASSERT_TRUE(shown.activity.points.at(0).action);
    EXPECT_EQ(*shown.activity.points[0].action, action);
    EXPECT_EQ(shown.actions.at(action), "Agree a definition of the voice of the child");
}

TEST(VoiceUseCases, TheTwoRegistersAreKeptApart) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto v = record_activity(w.services, bu, Strand::voice, survey());
    const auto s = record_activity(w.services, bu, Strand::scrutiny, visit());
    EXPECT_EQ(list_activities(w.services, bu, Strand::voice, {}, {}).items.size(), 1u);
    EXPECT_EQ(list_activities(w.services, bu, Strand::scrutiny, {}, {}).items.at(0).id, s.id);
    EXPECT_EQ(failure_of([&] { read_activity(w.services, bu, Strand::scrutiny, v.id); }), FailureCode::not_found);
    EXPECT_EQ(failure_of([&] { update_activity(w.services, bu, Strand::voice, s.id, 1, survey()); }), FailureCode::not_found);
}

TEST(VoiceUseCases, TheBusinessUnitChangesPartnerLeadsAndTheScrutineerRead) {
    World w;
    const auto a = record_activity(w.services, w.as(Role::business_unit), Strand::voice, survey());
    for (Role role : {Role::partner_lead, Role::scrutineer}) {
        EXPECT_EQ(read_activity(w.services, w.as(role), Strand::voice, a.id).activity.title, "Safeguarding survey of young people");
        EXPECT_EQ(failure_of([&] { record_activity(w.services, w.as(role), Strand::voice, survey()); }), FailureCode::forbidden) << role_key(role);
    }
    for (Role role : {Role::member, Role::agency_lead, Role::read_only, Role::administrator}) {
        EXPECT_EQ(failure_of([&] { list_activities(w.services, w.as(role), Strand::voice, {}, {}); }), FailureCode::forbidden) << role_key(role);
    }
}

TEST(VoiceUseCases, AStaleChangeIsAConflictAndAChangeIsAuditedWithBeforeAndAfter) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto a = record_activity(w.services, bu, Strand::voice, survey());
    ActivityInput in = survey();
    in.points[2].response = "A neglect strategy";
    in.points[2].responded_on = "2026-11-02";
    const auto changed = update_activity(w.services, bu, Strand::voice, a.id, 1, in);
    EXPECT_EQ(changed.version, 2);
    EXPECT_EQ(points_answered(changed), 2);
    const AuditEntry audit = w.last_audit();
    EXPECT_EQ(audit.action, "activity.update");
    EXPECT_EQ(audit.before_json.find("A neglect strategy"), std::string::npos);
    EXPECT_NE(audit.after_json.find("A neglect strategy"), std::string::npos);
    EXPECT_EQ(failure_of([&] { update_activity(w.services, bu, Strand::voice, a.id, 1, in); }), FailureCode::conflict);
}

TEST(VoiceUseCases, ListsFilterByYearKindAndPointsAwaitingAnAnswerAndFiguresCountTheYear) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    record_activity(w.services, bu, Strand::voice, survey());  // one of two points answered
    ActivityInput day = survey();
    day.kind = "challenge_day";
    day.title = "Challenge day";
    day.held_on = "2026-02-02";  // the year before
    day.children_heard = "40";
    day.points = {{"Feedback after a referral", "A letter to every referrer", "", false, "2026-03-01"}};
    record_activity(w.services, bu, Strand::voice, day);
    RegisterFilter f;
    f.awaiting = "yes";
    EXPECT_EQ(list_activities(w.services, bu, Strand::voice, f, {}).items.at(0).title, "Safeguarding survey of young people");
    EXPECT_EQ(list_activities(w.services, bu, Strand::voice, f, {}).items.size(), 1u);
    f = {};
    f.year = "2025-26";
    EXPECT_EQ(list_activities(w.services, bu, Strand::voice, f, {}).items.at(0).title, "Challenge day");
    f = {};
    f.kind = "survey";
    EXPECT_EQ(list_activities(w.services, bu, Strand::voice, f, {}).items.size(), 1u);
    f.kind = "audit";
    EXPECT_EQ(refusal([&] { list_activities(w.services, bu, Strand::voice, f, {}); }).at(0).field, "kind");
    f = {};
    f.awaiting = "maybe";
    EXPECT_EQ(refusal([&] { list_activities(w.services, bu, Strand::voice, f, {}); }).at(0).field, "awaiting");
    const auto figures = activity_year_figures(w.services, bu, Strand::voice, FinancialYear{2026});
    EXPECT_EQ(figures.total.activities, 1);
    EXPECT_EQ(figures.total.children, 1808);
    EXPECT_EQ(figures.total.points, 2);
    EXPECT_EQ(figures.answered_percent, 50);
    const auto before = activity_year_figures(w.services, bu, Strand::voice, FinancialYear{2025});
    EXPECT_EQ(before.total.children, 40);
    EXPECT_EQ(before.by_kind.back().kind, ActivityKind::challenge_day);
    EXPECT_EQ(before.by_kind.back().count.activities, 1);
    EXPECT_EQ(activity_year_figures(w.services, bu, Strand::scrutiny, FinancialYear{2026}).total.activities, 0);
}

// A child death overview panel shared by several partnerships: the administrator names it and
// its areas; each area sees its own figures and the panel's combined ones.
TEST(DeathPanelUseCases, EachAreaSeesItsOwnFiguresAndThePanelsCombinedOnes) {
    World w;
    const PartnershipId sefton = w.add_partnership("sefton", "Sefton Safeguarding Children Partnership");
    const auto death = [&](PartnershipId p, const std::string& ref, const char* died) {
        ChildDeath d;
        d.partnership = p;
        d.reference = ref;
        d.died_on = *Date::parse(died);
        d.sex = Sex::male;
        d.age_band = AgeBand::years_1_to_4;
        w.store.write([&](Transaction& tx) { tx.registers().insert_child_death(d); });
    };
    death(w.partnership, "K1", "2026-05-01");
    death(sefton, "S1", "2026-06-01");
    death(sefton, "S2", "2026-07-01");
    const Actor bu = w.as(Role::business_unit);
    EXPECT_FALSE(panel_death_figures(w.services, bu, FinancialYear{2026})) << "on no panel yet";

    const auto rows = w.audit_count();
    EXPECT_EQ(refusal([&] { set_death_panel(w.services, w.admin, "", {w.partnership.str()}); }).at(0).field, "name");
    EXPECT_EQ(refusal([&] { set_death_panel(w.services, w.admin, "Merseyside CDOP", {}); }).at(0).field, "partnerships");
    EXPECT_EQ(refusal([&] { set_death_panel(w.services, w.admin, "Merseyside CDOP", {"9999"}); }).at(0).field, "partnerships");
    EXPECT_EQ(failure_of([&] { set_death_panel(w.services, bu, "Merseyside CDOP", {w.partnership.str()}); }), FailureCode::forbidden);
    EXPECT_EQ(w.audit_count(), rows) << "nothing saved";

    const auto panel = set_death_panel(w.services, w.admin, "Merseyside CDOP", {sefton.str(), w.partnership.str()});
    ASSERT_EQ(panel.members.size(), 2u);
    EXPECT_EQ(panel.members[1].second, "Sefton Safeguarding Children Partnership");
    EXPECT_EQ(w.last_audit().action, "death_panel.create");
    EXPECT_NE(w.last_audit().after_json.find("\"name\":\"Merseyside CDOP\""), std::string::npos);

    EXPECT_EQ(child_death_year_figures(w.services, bu, FinancialYear{2026}).counts.deaths, 1) << "the area's own";
    const auto combined = panel_death_figures(w.services, bu, FinancialYear{2026});
    ASSERT_TRUE(combined);
    EXPECT_EQ(combined->figures.counts.deaths, 3);
    EXPECT_EQ(combined->panel.panel.name, "Merseyside CDOP");
    EXPECT_EQ(failure_of([&] { panel_death_figures(w.services, w.as(Role::member), FinancialYear{2026}); }), FailureCode::forbidden);

    set_death_panel(w.services, w.admin, "Merseyside CDOP", {w.partnership.str()});
    EXPECT_EQ(w.last_audit().action, "death_panel.update");
    EXPECT_EQ(panel_death_figures(w.services, bu, FinancialYear{2026})->figures.counts.deaths, 1) << "Sefton left the panel";
}
