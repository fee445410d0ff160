// The risk register's and escalations' use cases on the real store (a SQLite file per test)
// with a frozen clock (18 November 2026): who may record and read, that a likelihood off the
// scale and an owner or action not the partnership's save nothing, every change audited in its
// own shape, stale versions refused, escalation reads logged, stage deadlines from the
// partnership's timescales, and the heat map and figures a year gives.
#include <gtest/gtest.h>

#include "app/registers.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct Directory {
    AgencyId police, health, school;
    PersonId owner;
    ImprovementId action;
};

Directory directory(World& w) {
    const auto agency = [&](const char* name) {
        Agency a;
        a.name = name;
        a.kind = AgencyKind::relevant_agency;
        a.sector = "education";
        return w.add_agency(a);
    };
    Directory d{agency("Merseyside Police"), agency("Clinical Commissioning Group"), agency("Schools"), {}, {}};
    Person p;
    p.name = "Deborah Hughes";
    p.job_title = "Partnership manager";
    p.email = "deborah@example.org";
    d.owner = w.add_person(p);
    ImprovementAction a;
    a.partnership = w.partnership;
    a.text = "Agree each partner's contribution before January";
    a.agency = d.police;
    a.due = *Date::parse("2027-01-31");
    a.created_on = *Date::parse("2026-06-01");
    w.store.write([&](Transaction& tx) { d.action = tx.learning().insert_improvement(a); });
    return d;
}

RiskInput risk(const Directory& d) {
    RiskInput in;
    in.title = "Partner contributions not agreed";
    in.cause = "Budgets are set late";
    in.effect = "Reviews and training cannot be planned";
    in.owner = d.owner.str();
    in.likelihood_before = "4";
    in.impact_before = "5";
    in.likelihood_after = "2";
    in.impact_after = "5";
    in.controls = "Finance sub-group meets monthly";
    in.actions = {d.action.str()};
    in.raised_on = "2026-10-01";
    in.review_on = "2026-11-01";
    return in;
}

EscalationInput escalation(const Directory& d, const std::string& reference) {
    EscalationInput in;
    in.reference = reference;
    in.raised_by = d.health.str();
    in.raised_by_role = "Health visitor";
    in.agencies = {d.police.str()};
    in.concern = "Whether a strategy discussion was needed";
    in.stage1_on = "2026-11-02";  // a Monday
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

TEST(RiskUseCases, ARiskIsRecordedWithItsScoresAndAnAuditRowOfItsOwnShape) {
    World w;
    const auto d = directory(w);
    const auto r = record_risk(w.services, w.as(Role::business_unit), risk(d));
    EXPECT_TRUE(r.id.valid());
    EXPECT_EQ(score_before(r), 20);
    EXPECT_EQ(score_after(r), 10);
    const AuditEntry a = w.last_audit();
    EXPECT_EQ(a.action, "risk.create");
    EXPECT_EQ(a.entity_type, "risk");
    EXPECT_EQ(a.entity_id, r.id.str());
    EXPECT_NE(a.after_json.find("\"with_controls\":{\"impact\":5,\"likelihood\":2}"), std::string::npos) << a.after_json;
    const auto shown = read_risk(w.services, w.as(Role::scrutineer), r.id);
    EXPECT_EQ(shown.owner, "Deborah Hughes");
    ASSERT_EQ(shown.actions.size(), 1u);
    EXPECT_EQ(shown.actions[0].text, "Agree each partner's contribution before January");
}

TEST(RiskUseCases, ALikelihoodOutsideOneToFiveIsAFieldErrorAndNothingIsSaved) {
    World w;
    const auto d = directory(w);
    const auto rows = w.audit_count();
    RiskInput in = risk(d);
    in.likelihood_before = "6";
    const auto errors = refusal([&] { record_risk(w.services, w.as(Role::business_unit), in); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "likelihood_before");
    EXPECT_EQ(errors[0].message, "Likelihood before controls must be a whole number from 1 to 5");
    in.likelihood_before = "four";
    EXPECT_EQ(refusal([&] { record_risk(w.services, w.as(Role::business_unit), in); }).at(0).field, "likelihood_before");
    EXPECT_EQ(w.audit_count(), rows);
    EXPECT_TRUE(list_risks(w.services, w.as(Role::business_unit), {}, {}).risks.items.empty());
}

TEST(RiskUseCases, AnOwnerOrActionThatIsNotThePartnershipsSavesNothing) {
    World w;
    const auto d = directory(w);
    RiskInput in = risk(d);
    in.owner = std::to_string(d.owner.value + 100);
    EXPECT_EQ(refusal([&] { record_risk(w.services, w.as(Role::business_unit), in); }).at(0).field, "owner");
    in = risk(d);
    in.actions = {std::to_string(d.action.value + 100)};
    const auto errors = refusal([&] { record_risk(w.services, w.as(Role::business_unit), in); });
    EXPECT_EQ(errors.at(0).field, "actions");
    EXPECT_NE(errors.at(0).message.find("no action " + std::to_string(d.action.value + 100)), std::string::npos);
    EXPECT_TRUE(list_risks(w.services, w.as(Role::business_unit), {}, {}).risks.items.empty());
}

TEST(RiskUseCases, PartnerLeadsAndTheScrutineerReadOnlyTheBusinessUnitChanges) {
    World w;
    const auto d = directory(w);
    const auto r = record_risk(w.services, w.as(Role::business_unit), risk(d));
    for (Role role : {Role::partner_lead, Role::scrutineer}) {
        EXPECT_EQ(read_risk(w.services, w.as(role), r.id).risk.title, "Partner contributions not agreed");
        EXPECT_EQ(failure_of([&] { record_risk(w.services, w.as(role), risk(d)); }), FailureCode::forbidden) << role_key(role);
    }
    for (Role role : {Role::member, Role::agency_lead, Role::read_only, Role::administrator}) {
        EXPECT_EQ(failure_of([&] { list_risks(w.services, w.as(role), {}, {}); }), FailureCode::forbidden) << role_key(role);
    }
}

TEST(RiskUseCases, AStaleChangeIsAConflictAndAChangeIsAuditedWithBeforeAndAfter) {
    World w;
    const auto d = directory(w);
    const Actor bu = w.as(Role::business_unit);
    const auto r = record_risk(w.services, bu, risk(d));
    RiskInput in = risk(d);
    in.status = "closed";
    in.closed_on = "2026-11-10";
    in.actions.clear();
    const auto changed = update_risk(w.services, bu, r.id, 1, in);
    EXPECT_EQ(changed.version, 2);
    const AuditEntry a = w.last_audit();
    EXPECT_EQ(a.action, "risk.update");
    EXPECT_NE(a.before_json.find("\"status\":\"open\""), std::string::npos);
    EXPECT_NE(a.after_json.find("\"status\":\"closed\""), std::string::npos);
    EXPECT_EQ(failure_of([&] { update_risk(w.services, bu, r.id, 1, in); }), FailureCode::conflict);
}

TEST(RiskUseCases, ListsFilterByBandAndOverdueReviewAgainstTodayInEngland) {
    World w;
    const auto d = directory(w);
    const Actor bu = w.as(Role::business_unit);
    record_risk(w.services, bu, risk(d));  // review 1 November: overdue on 18 November
    RiskInput low = risk(d);
    low.title = "Website out of date";
    low.likelihood_before = "2";
    low.impact_before = "2";
    low.likelihood_after = "1";
    low.impact_after = "2";
    low.review_on = "2026-12-01";
    record_risk(w.services, bu, low);
    RegisterFilter f;
    f.band = "high";
    const auto high = list_risks(w.services, bu, f, {});
    ASSERT_EQ(high.risks.items.size(), 1u);
    EXPECT_EQ(high.owners.at(d.owner), "Deborah Hughes");
    f = {};
    f.review_overdue = "yes";
    EXPECT_EQ(list_risks(w.services, bu, f, {}).risks.items.at(0).title, "Partner contributions not agreed");
    f = {};
    f.band = "purple";
    EXPECT_EQ(refusal([&] { list_risks(w.services, bu, f, {}); }).at(0).field, "band");
    const auto map = risk_heat_map(w.services, bu, "after");
    EXPECT_EQ(map.open, 2);
    EXPECT_EQ(map.rows[0][1].risks, 1) << "impact 5, likelihood 2";
    EXPECT_EQ(map.rows[3][0].risks, 1) << "impact 2, likelihood 1";
    EXPECT_EQ(refusal([&] { risk_heat_map(w.services, bu, "sideways"); }).at(0).field, "basis");
    const auto figures = risk_year_figures(w.services, bu, FinancialYear{2026});
    EXPECT_EQ(figures.counts.raised, 2);
    EXPECT_EQ(figures.by_band_after[2].second, 1) << "high";
    EXPECT_EQ(figures.by_band_after[0].second, 1) << "low";
}

TEST(EscalationUseCases, AnEscalationGetsItsStageDeadlinesFromThePartnershipsTimescales) {
    World w;
    const auto d = directory(w);
    const Actor bu = w.as(Role::business_unit);
    EscalationInput in = escalation(d, "ESC-1");
    in.stage2_on = "2026-11-12";  // stage 1 was due by Monday 9 November: three days late
    const auto x = record_escalation(w.services, bu, in);
    EXPECT_EQ(x.stage_due[0], Date::parse("2026-11-09"));
    EXPECT_EQ(x.stage_late[0], true);
    EXPECT_EQ(x.stage_due[1], Date::parse("2026-11-19"));
    EXPECT_EQ(w.last_audit().action, "escalation.create");
    EXPECT_NE(w.last_audit().after_json.find("\"stages_reached_on\":[\"2026-11-02\",\"2026-11-12\",null,null]"), std::string::npos);
    EXPECT_EQ(refusal([&] { record_escalation(w.services, bu, escalation(d, "ESC-1")); }).at(0).field, "reference");
    EscalationInput bad = escalation(d, "ESC-2");
    bad.agencies = {"99999"};
    EXPECT_EQ(refusal([&] { record_escalation(w.services, bu, bad); }).at(0).field, "agencies");
    bad = escalation(d, "ESC-2");
    bad.stage3_on = "2026-11-10";
    EXPECT_EQ(refusal([&] { record_escalation(w.services, bu, bad); }).at(0).field, "stage3_on");
    EXPECT_EQ(list_escalations(w.services, bu, {}, {}).escalations.items.size(), 1u) << "nothing else saved";
    EscalationInput resolved = in;
    resolved.outcome = "resolved";
    resolved.closed_on = "2026-11-16";
    EXPECT_EQ(failure_of([&] { update_escalation(w.services, bu, x.id, 2, resolved); }), FailureCode::conflict);
    const auto after = update_escalation(w.services, bu, x.id, 1, resolved);
    EXPECT_EQ(after.stage_late[1], false);
    EXPECT_EQ(w.last_audit().action, "escalation.update");
}

TEST(EscalationUseCases, OnlyTheBusinessUnitAndPartnerLeadsReadThemAndEveryReadIsLogged) {
    World w;
    const auto d = directory(w);
    const auto x = record_escalation(w.services, w.as(Role::business_unit), escalation(d, "ESC-1"));
    for (Role role : {Role::member, Role::agency_lead, Role::scrutineer, Role::read_only, Role::administrator}) {
        EXPECT_EQ(failure_of([&] { read_escalation(w.services, w.as(role), x.id); }), FailureCode::forbidden) << role_key(role);
    }
    const Actor lead = w.as(Role::partner_lead);
    const auto shown = read_escalation(w.services, lead, x.id);
    EXPECT_EQ(shown.agencies.at(d.health), "Clinical Commissioning Group");
    list_escalations(w.services, lead, {}, {});
    escalation_year_figures(w.services, lead, FinancialYear{2026});  // figures show no record: not logged
    w.store.access_log().flush();
    AccessQuery q;
    q.partnership = w.partnership;
    const auto log = w.read([&](Transaction& tx) { return tx.access_entries().query(q).items; });
    ASSERT_EQ(log.size(), 2u);
    for (const auto& e : log) {
        EXPECT_EQ(e.record_type, "escalation");
        EXPECT_EQ(e.record_ids, std::vector<std::string>{x.id.str()});
    }
}

TEST(EscalationUseCases, FiguresCountByStageAndAgencyForTheYear) {
    World w;
    const auto d = directory(w);
    const Actor bu = w.as(Role::business_unit);
    EscalationInput a = escalation(d, "ESC-1");
    a.stage2_on = "2026-11-04";
    a.outcome = "resolved";
    a.closed_on = "2026-11-05";
    record_escalation(w.services, bu, a);
    EscalationInput b = escalation(d, "ESC-2");
    b.raised_by = d.school.str();
    b.agencies = {d.health.str(), d.police.str()};
    record_escalation(w.services, bu, b);
    const auto f = escalation_year_figures(w.services, bu, FinancialYear{2026});
    EXPECT_EQ(f.counts.raised, 2);
    EXPECT_EQ(f.resolved, 1);
    EXPECT_EQ(f.stages[1].resolved, 1);
    EXPECT_EQ(f.stages[0].on_time_percent, 100) << "ESC-1 moved on within its five working days";
    EXPECT_EQ(f.counts.open_at_year_end, 1);
    ASSERT_EQ(f.agencies.size(), 3u);
    EXPECT_EQ(f.agencies[0].raised, 1);
    const auto police = std::find_if(f.agencies.begin(), f.agencies.end(), [](const AgencyLine& l) { return l.name == "Merseyside Police"; });
    ASSERT_NE(police, f.agencies.end());
    EXPECT_EQ(police->involved, 2);
}
