// A business-unit member who declares an interest loses sight of the case like anyone else; a
// partner lead may let them keep it when the unit has no one else, named, reasoned and audited.
#include <gtest/gtest.h>

#include "app/reviews.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

CaseId notify(World& w, const Actor& by) {
    IncidentInput in;
    in.became_aware_on = "2026-11-16";
    in.incident_on = "2026-11-15";
    in.kind = "serious_harm";
    in.summary = "Admitted to hospital";
    in.children = {{"Child T", "Taylor Example", "2020-02-02", ""}};
    return notify_incident(w.services, by, in).record.id;
}

bool sees(World& w, const Actor& who, CaseId id) {
    try {
        (void)read_case(w.services, who, id);
        return true;
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found) << "not there and not yours look the same";
        return false;
    }
}

}  // namespace

TEST(ReviewInterestsUseCase, ABusinessUnitMemberWhoDeclaresLosesSightLikeAnyoneElse) {
    World w;
    const Actor unit = w.as(Role::business_unit);
    const CaseId id = notify(w, unit);
    ASSERT_TRUE(sees(w, unit, id));
    declare_conflict(w.services, unit, id, "I manage the family's social worker");
    EXPECT_FALSE(sees(w, unit, id));
    EXPECT_TRUE(list_cases(w.services, unit, {}, {}).items.empty()) << "the list follows the rule, in SQL";
    EXPECT_EQ(review_stats(w.services, unit).open, 0);
    EXPECT_THROW(record_event(w.services, unit, id, 2, CaseEvent{}), Failure) << "and no change either";
    EXPECT_TRUE(sees(w, w.as(Role::partner_lead), id)) << "the lead still sees it";
}

TEST(ReviewInterestsUseCase, APartnerLeadsOverrideGivesSightBackWhenTheUnitHasNoOneElse) {
    World w;
    const Actor unit = w.as(Role::business_unit);
    const Actor lead = w.as(Role::partner_lead);
    const CaseId id = notify(w, unit);
    declare_conflict(w.services, unit, id, "I manage the family's social worker");
    const auto audit_before = w.audit_count();
    w.clock.at += 86'400;  // the next day: the override carries its own date

    override_interest(w.services, lead, id, 2, unit.user.str(), "  The unit's only officer is on this case  ");
    EXPECT_TRUE(sees(w, unit, id));
    const CaseView v = read_case(w.services, unit, id);
    EXPECT_TRUE(v.identities_shown);
    ASSERT_EQ(v.record.conflicts.size(), 1U);
    const auto& o = v.record.conflicts[0].override_by_lead;
    ASSERT_TRUE(o);
    EXPECT_EQ(o->by, lead.user);
    EXPECT_EQ(o->by_label, lead.name());
    EXPECT_EQ(o->on, *Date::parse("2026-11-19"));
    EXPECT_EQ(o->reason, "The unit's only officer is on this case");
    EXPECT_EQ(list_cases(w.services, unit, {}, {}).items.size(), 1U);

    EXPECT_EQ(w.audit_count(), audit_before + 1);
    const AuditEntry row = w.last_audit();
    EXPECT_EQ(row.action, "case.interest_override");
    EXPECT_EQ(row.actor, lead.user);
    EXPECT_NE(row.after_json.find("The unit's only officer is on this case"), std::string::npos) << row.after_json;
}

TEST(ReviewInterestsUseCase, AnOverrideIsRefusedWhileSomeoneElseInTheUnitCouldRunTheCase) {
    World w;
    const Actor unit = w.as(Role::business_unit);
    const PersonId second = w.add_person({PersonId{}, w.partnership, "Second Officer", "Officer", AgencyId{}, "second@example.org"});
    (void)w.add_user(second, Role::business_unit);
    const CaseId id = notify(w, unit);
    declare_conflict(w.services, unit, id, "I manage the family's social worker");
    const auto audit_before = w.audit_count();
    try {
        override_interest(w.services, w.as(Role::partner_lead), id, 2, unit.user.str(), "Quicker");
        ADD_FAILURE() << "overridden while the unit had someone else";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        ASSERT_FALSE(f.fields().empty());
        EXPECT_NE(f.fields()[0].message.find("second@example.org of the business unit"), std::string::npos)
            << f.fields()[0].message;
    }
    EXPECT_EQ(w.audit_count(), audit_before) << "a refusal changes nothing";
    EXPECT_FALSE(sees(w, unit, id));
}

TEST(ReviewInterestsUseCase, OnlyAPartnerLeadMayOverride) {
    World w;
    const Actor unit = w.as(Role::business_unit);
    const CaseId id = notify(w, unit);
    declare_conflict(w.services, unit, id, "I manage the family's social worker");
    for (Role role : {Role::business_unit, Role::administrator, Role::scrutineer, Role::member}) {
        try {
            override_interest(w.services, w.as(role), id, 2, unit.user.str(), "Reason");
            ADD_FAILURE() << role_key(role) << " overrode an interest";
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::forbidden) << role_key(role);
        }
    }
    EXPECT_FALSE(sees(w, unit, id));
}

TEST(ReviewInterestsUseCase, SomeoneWhoDeclaredAnInterestIsNotAddedToThePanelUntilItIsDecided) {
    World w;
    const Actor unit = w.as(Role::business_unit);
    const Actor lead = w.as(Role::partner_lead);
    const CaseId id = notify(w, unit);
    declare_conflict(w.services, lead, id, "My team holds the family's case");
    const CaseView before = read_case(w.services, unit, id);
    try {
        add_panel_member(w.services, unit, id, before.record.version, lead.user.str());
        FAIL() << "added";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1U);
        EXPECT_EQ(f.fields()[0].field, "user_id");
        EXPECT_NE(f.fields()[0].message.find("declared an interest in this case on 18 November 2026"), std::string::npos)
            << f.fields()[0].message;
    }
    const CaseView after = read_case(w.services, unit, id);
    EXPECT_TRUE(after.record.panel.empty()) << "nothing saved";
    EXPECT_EQ(after.record.version, before.record.version);
}
