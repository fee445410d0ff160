// Declared interests remove sight of a case for everyone, the business unit's members included,
// and a partner lead's override is for a business unit with no one else (issue 14, item 13).
// Core rules only: dates are fixed, nothing reads a clock.
#include <gtest/gtest.h>

#include "core/reviews.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

const UserId kUnit{1}, kLead{2}, kMember{3};

Case case_with_interest_of(UserId who, const std::string& label) {
    Case c;
    c.became_aware_on = d("2026-03-02");
    c.incident_on = d("2026-02-27");
    c.children = {{"Child O", "", "", ""}};
    c.conflicts.push_back({who, label, d("2026-03-03"), "Line manager of the social worker"});
    return c;
}

std::string message_for(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors) if (e.field == field) return e.message;
    return "";
}

}  // namespace

TEST(ReviewInterests, TheBusinessUnitLosesSightOfACaseItDeclaredAnInterestIn) {
    Case c = case_with_interest_of(kUnit, "Unit Officer");
    const CaseState st = replay(c);
    EXPECT_FALSE(may_see_case(c, st, kUnit, Role::business_unit));
    EXPECT_FALSE(may_see_identities(c, st, kUnit, Role::business_unit));
    EXPECT_TRUE(may_see_case(c, st, UserId{9}, Role::business_unit)) << "the rest of the unit still sees it";
    EXPECT_EQ(case_reach(Role::business_unit), CaseReach::unless_excluded);

    c.conflicts[0].panel = ConflictView::take_part;  // the panel's recommendation brings sight back
    EXPECT_TRUE(may_see_case(c, replay(c), kUnit, Role::business_unit));
}

TEST(ReviewInterests, APartnerLeadsOverrideBringsSightBack) {
    Case c = case_with_interest_of(kUnit, "Unit Officer");
    c.conflicts[0].override_by_lead = InterestOverride{kLead, "Pat Lead", d("2026-03-04"), "The unit's only officer"};
    EXPECT_FALSE(c.conflicts[0].excludes());
    EXPECT_TRUE(may_see_case(c, replay(c), kUnit, Role::business_unit));
    EXPECT_TRUE(may_see_identities(c, replay(c), kUnit, Role::business_unit));
}

TEST(ReviewInterests, AnOverrideIsForAUnitWithNoOneElseAndNeedsAReason) {
    const Case c = case_with_interest_of(kUnit, "Unit Officer");
    EXPECT_TRUE(check_interest_override(c, kUnit, true, {}, "The unit's only officer").empty());

    auto errors = check_interest_override(c, kUnit, true, {"colleague@example.org"}, "Busy");
    EXPECT_EQ(message_for(errors, "user_id_override"),
              "colleague@example.org of the business unit has no interest in this case and can run it: an override is only "
              "for a unit with no one else");

    errors = check_interest_override(c, kUnit, true, {}, "   ");
    EXPECT_EQ(message_for(errors, "reason"), "Say why the business unit has no one else to run this case");
    errors = check_interest_override(c, kUnit, true, {}, std::string(2001, 'x'));
    EXPECT_EQ(message_for(errors, "reason"), "Reason must be 2000 characters or fewer");

    errors = check_interest_override(c, kMember, true, {}, "Reason");
    EXPECT_EQ(message_for(errors, "user_id_override"), "Select the member of the business unit who declared the interest");

    const Case member_case = case_with_interest_of(kMember, "Morgan Member");
    errors = check_interest_override(member_case, kMember, false, {}, "Reason");
    EXPECT_EQ(message_for(errors, "user_id_override"),
              "Morgan Member is not in the business unit: the panel recommends whether they take part");

    Case overridden = c;
    overridden.conflicts[0].override_by_lead = InterestOverride{kLead, "Pat Lead", d("2026-03-04"), "Only officer"};
    errors = check_interest_override(overridden, kUnit, true, {}, "Again");
    EXPECT_EQ(message_for(errors, "user_id_override"), "Unit Officer's interest was already overridden by Pat Lead");

    Case allowed = c;
    allowed.conflicts[0].panel = ConflictView::take_part;
    errors = check_interest_override(allowed, kUnit, true, {}, "Reason");
    EXPECT_EQ(message_for(errors, "user_id_override"), "Unit Officer may already take part, as the panel recommended");
}

TEST(ReviewInterests, OnlyAPartnerLeadMayOverride) {
    for (Role role : all_roles()) {
        EXPECT_EQ(role_allows(role, Permission::override_interest), role == Role::partner_lead) << role_key(role);
    }
}
