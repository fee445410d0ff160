// A partnership's settings on the real store: who may change them, that a change is checked,
// versioned and audited, that each partnership works to its own rules, and adding a
// partnership with its first administrator.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "app/access.hpp"
#include "app/governance.hpp"
#include "app/learning.hpp"
#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

SettingsChange values(std::map<std::string, std::string> v) {
    SettingsChange c;
    c.values = std::move(v);
    return c;
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

NewPartnershipInput halton() {
    NewPartnershipInput in;
    in.partnership = Partnership{PartnershipId{}, "halton", "Halton Children's Safeguarding Partnership", "Halton"};
    in.admin_name = "Harriet Admin";
    in.admin_job_title = "Business manager";
    in.admin_email = "harriet@halton.example";
    in.admin_password = "a long enough password";
    return in;
}

}  // namespace

TEST(SettingsUseCases, TheBusinessUnitChangesASettingWhichIsVersionedAndAudited) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto before = read_settings(w.services, bu);
    const auto after = change_settings(w.services, bu, before.partnership.version, values({{"max_thematic_audits_per_year", "4"}}));
    EXPECT_EQ(after.rules.learning.max_thematic_audits_per_year, 4);
    EXPECT_EQ(after.partnership.version, before.partnership.version + 1);
    EXPECT_EQ(read_settings(w.services, bu).rules.learning.max_thematic_audits_per_year, 4);
    const AuditEntry audit = w.last_audit();
    EXPECT_EQ(audit.action, "partnership.settings");
    EXPECT_EQ(audit.actor, bu.user);
    EXPECT_NE(audit.before_json.find("\"max_thematic_audits_per_year\":3"), std::string::npos) << audit.before_json;
    EXPECT_NE(audit.after_json.find("\"max_thematic_audits_per_year\":4"), std::string::npos) << audit.after_json;
}

TEST(SettingsUseCases, ABadOrStaleChangeSavesNothingAndAuditsNothing) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const auto before = read_settings(w.services, bu);
    const auto rows = w.audit_count();
    try {
        change_settings(w.services, bu, before.partnership.version, values({{"stale_days", "30"}, {"expected_attendance", "150"}}));
        ADD_FAILURE() << "an attendance of 150% was accepted";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "expected_attendance");
    }
    EXPECT_EQ(failure_of([&] { change_settings(w.services, bu, before.partnership.version + 7, values({{"stale_days", "30"}})); }),
              FailureCode::conflict);
    EXPECT_EQ(read_settings(w.services, bu).rules.learning.stale_days, before.rules.learning.stale_days);
    EXPECT_EQ(w.audit_count(), rows);
}

TEST(SettingsUseCases, OnlyTheBusinessUnitAndAdministratorChangeSettings) {
    World w;
    for (const Role role : {Role::read_only, Role::member, Role::partner_lead, Role::agency_lead, Role::scrutineer}) {
        const Actor who = w.as(role);
        EXPECT_EQ(read_settings(w.services, who).partnership.id, w.partnership) << "everyone reads their partnership's rules";
        EXPECT_EQ(failure_of([&] { change_settings(w.services, who, 1, values({{"stale_days", "30"}})); }), FailureCode::forbidden)
            << role_key(role);
    }
    EXPECT_NO_THROW(change_settings(w.services, w.admin, 1, values({{"area", "Knowsley"}})));
}

TEST(SettingsUseCases, EachPartnershipsForwardPlanAndAuditLimitAreItsOwn) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    SettingsChange cycle;
    cycle.annual_cycle = std::vector<SettingsChange::Milestone>{{"12", "Our own December milestone"}};
    change_settings(w.services, bu, 1, cycle);

    const PartnershipId other = w.add_partnership("sefton", "Sefton SCP");
    const PersonId person = w.add_person({PersonId{}, other, "Joanne Pritchard", "Business manager", AgencyId{}, "jp@sefton.example"});
    const Actor their_bu = w.add_user(person, Role::business_unit, other);

    auto labels = [&](const Actor& a) {
        std::vector<std::string> out;
        for (const auto& item : forward_plan(w.services, a, Date{2026, 12, 1}, 1)) out.push_back(item.label);
        return out;
    };
    EXPECT_EQ(labels(bu), std::vector<std::string>{"Our own December milestone"});
    EXPECT_TRUE(labels(their_bu).empty()) << "the shipped cycle has nothing in December";
    EXPECT_EQ(learning_calendar(w.services, bu, 2026).thematic_limit, 3);
    change_settings(w.services, their_bu, 1, values({{"max_thematic_audits_per_year", "5"}}));
    EXPECT_EQ(learning_calendar(w.services, their_bu, 2026).thematic_limit, 5);
    EXPECT_EQ(learning_calendar(w.services, bu, 2026).thematic_limit, 3);
}

TEST(SettingsUseCases, ACaseKeepsTheReviewRulesItWasNotifiedUnder) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    change_settings(w.services, bu, 1, values({{"rules_name", "local-2026"}, {"rapid_review_working_days", "10"}}));
    IncidentInput in;
    in.became_aware_on = "2026-11-16";
    in.incident_on = "2026-11-15";
    in.kind = "serious_harm";
    in.summary = "Admitted to hospital";
    in.children = {{"Child T", "", "", ""}};
    const CaseView notified = notify_incident(w.services, bu, in);
    EXPECT_EQ(notified.record.rules.name, "local-2026");
    EXPECT_EQ(notified.record.rules.rapid_review_working_days, 10);
    change_settings(w.services, bu, 2, values({{"rules_name", "local-2027"}, {"rapid_review_working_days", "15"}}));
    const auto stored = w.read([&](Transaction& tx) { return tx.cases().find(w.partnership, notified.record.id); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->rules.name, "local-2026");
    EXPECT_EQ(stored->rules.rapid_review_working_days, 10);
}

TEST(SettingsUseCases, AnAdministratorAddsAPartnershipWithItsFirstAdministrator) {
    World w;
    const auto made = create_partnership(w.services, w.admin, halton());
    EXPECT_EQ(made.partnership.slug, "halton");
    EXPECT_EQ(made.rules.learning.priorities, w.services.defaults.learning.priorities);
    const auto signed_in = sign_in(w.services, "harriet@halton.example", "a long enough password");
    EXPECT_EQ(signed_in.user.partnership, made.partnership.id);
    EXPECT_EQ(signed_in.user.role, Role::administrator);
    const auto trail = w.audit_actions(made.partnership.id);
    EXPECT_NE(std::find(trail.begin(), trail.end(), "partnership.create"), trail.end());
    EXPECT_NE(std::find(trail.begin(), trail.end(), "user.create"), trail.end());
    EXPECT_EQ(w.last_audit().action, "partnership.create") << "the asking partnership's trail records it too";
}

TEST(SettingsUseCases, AddingAPartnershipRefusesATakenShortNameOrEmailAndSavesNothing) {
    World w;
    create_partnership(w.services, w.admin, halton());
    const auto rows = w.audit_count();
    auto again = halton();
    again.admin_password = "short";
    try {
        create_partnership(w.services, w.admin, again);
        ADD_FAILURE() << "a taken short name was accepted";
    } catch (const Failure& f) {
        std::vector<std::string> fields;
        for (const auto& e : f.fields()) fields.push_back(e.field);
        EXPECT_EQ(fields, (std::vector<std::string>{"slug", "admin_password", "admin_email"}));
    }
    EXPECT_EQ(w.audit_count(), rows);
    EXPECT_EQ(w.read([](Transaction& tx) { return tx.partnerships().list().size(); }), 2u);
    EXPECT_EQ(failure_of([&] { create_partnership(w.services, w.as(Role::business_unit), halton()); }), FailureCode::forbidden);
}

TEST(SettingsUseCases, APartnershipFromBeforeSettingsAdoptsTheDefaultsOnce) {
    World w;
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(w.database.path().c_str(), &db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(db, "DELETE FROM partnership_rules", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    EXPECT_EQ(failure_of([&] { read_settings(w.services, w.admin); }), FailureCode::unavailable);
    w.services.defaults.learning.stale_days = 21;
    EXPECT_EQ(adopt_default_rules(w.services), 1);
    EXPECT_EQ(read_settings(w.services, w.admin).rules.learning.stale_days, 21);
    EXPECT_EQ(w.last_audit().action, "partnership.settings_adopted");
    EXPECT_EQ(adopt_default_rules(w.services), 0);
}
