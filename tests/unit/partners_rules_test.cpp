// Lead and delegated safeguarding partners: who holds a role on a day, and what makes an
// appointment valid (issue 20 item 2).
#include <gtest/gtest.h>

#include <functional>

#include "core/partners.hpp"

using namespace assure;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

struct PartnersRules : ::testing::Test {
    const PartnershipId p{1};
    std::vector<Agency> agencies{
        {AgencyId{1}, p, "Knowsley Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"},
        {AgencyId{2}, p, "Knowsley Housing Trust", AgencyKind::relevant_agency, StatutoryRole::none, "housing"},
    };
    std::vector<Person> people{{PersonId{10}, p, "Mike Harden", "Chief Executive", AgencyId{1}, "mike@x.org"},
                               {PersonId{11}, p, "Rachel Ainsworth", "Director of Children's Services", AgencyId{1}, "rachel@x.org"},
                               {PersonId{12}, p, "Gone Person", "Former", AgencyId{1}, "gone@x.org", false}};
    PartnerAppointment check(const PartnerInput& in, const std::vector<PartnerAppointment>& existing = {}) {
        return check_appointment(in, p, agencies, people, existing);
    }
    static FieldErrors errors_of(const std::function<void()>& f) {
        try {
            f();
        } catch (const Failure& e) {
            return e.fields();
        }
        return {};
    }
};

}  // namespace

TEST(PartnerRoles, KeysWordsAndDays) {
    EXPECT_EQ(parse_partner_role(partner_role_key(PartnerRole::lead)), PartnerRole::lead);
    EXPECT_EQ(parse_partner_role("delegate"), PartnerRole::delegate);
    EXPECT_FALSE(parse_partner_role("chair"));
    EXPECT_EQ(partner_role_label(PartnerRole::delegate), "Delegated safeguarding partner");
    PartnerAppointment a;
    a.from = d("2024-04-01");
    a.to = d("2025-03-31");
    EXPECT_FALSE(holds_on(a, d("2024-03-31")));
    EXPECT_TRUE(holds_on(a, d("2024-04-01")));
    EXPECT_TRUE(holds_on(a, d("2025-03-31"))) << "the last day is theirs";
    EXPECT_FALSE(holds_on(a, d("2025-04-01")));
    a.to.reset();
    EXPECT_TRUE(holds_on(a, d("2030-01-01")));
}

TEST_F(PartnersRules, AValidAppointmentIsReadFromWhatWasTyped) {
    const auto a = check({"1", "10", "lead", "2024-04-01"});
    EXPECT_EQ(a.agency, AgencyId{1});
    EXPECT_EQ(a.person, PersonId{10});
    EXPECT_EQ(a.role, PartnerRole::lead);
    EXPECT_EQ(a.from.iso(), "2024-04-01");
    EXPECT_FALSE(a.to);
}

TEST_F(PartnersRules, EveryFieldWrongIsNamed) {
    const auto e = errors_of([&] { check({"", "", "", ""}); });
    ASSERT_EQ(e.size(), 4U);
    EXPECT_EQ(e[0], (FieldError{"agency_id", "Select one of the statutory partners"}));
    EXPECT_EQ(e[1], (FieldError{"person_id", "Select a person from the directory"}));
    EXPECT_EQ(e[2].field, "role");
    EXPECT_EQ(e[3].field, "from");
    EXPECT_EQ(errors_of([&] { check({"2", "10", "lead", "2024-04-01"}); })[0].field, "agency_id") << "not a statutory partner";
    EXPECT_EQ(errors_of([&] { check({"1", "12", "lead", "2024-04-01"}); })[0].field, "person_id") << "no longer active";
    EXPECT_EQ(errors_of([&] { check({"1", "10", "lead", "2024-02-30"}); })[0].field, "from");
}

TEST_F(PartnersRules, OneLeadPerPartnerAtATimeAndNoRoleHeldTwice) {
    PartnerAppointment mike;
    mike.agency = AgencyId{1};
    mike.person = PersonId{10};
    mike.role = PartnerRole::lead;
    mike.from = d("2020-04-01");
    const auto overlapping = errors_of([&] { check({"1", "11", "lead", "2024-04-01"}, {mike}); });
    ASSERT_EQ(overlapping.size(), 1U);
    EXPECT_EQ(overlapping[0].message,
              "Mike Harden is this partner's lead safeguarding partner from 1 April 2020. Record the day their role ended first");
    EXPECT_NO_THROW(check({"1", "11", "delegate", "2024-04-01"}, {mike})) << "a delegate beside the lead";
    mike.to = d("2024-03-31");
    EXPECT_NO_THROW(check({"1", "11", "lead", "2024-04-01"}, {mike})) << "after the last lead's last day";
    EXPECT_EQ(errors_of([&] { check({"1", "11", "lead", "2024-03-31"}, {mike}); })[0].field, "from") << "one day shared";
    const auto twice = errors_of([&] { check({"1", "10", "lead", "2021-01-01"}, {mike}); });
    EXPECT_EQ(twice[0].field, "person_id");
}

TEST(PartnerEnd, TheLastDayIsOnOrAfterTheFirstAndRecordedOnce) {
    PartnerAppointment a;
    a.from = d("2024-04-01");
    EXPECT_EQ(check_end(a, "2025-03-31").iso(), "2025-03-31");
    EXPECT_EQ(check_end(a, "2024-04-01").iso(), "2024-04-01") << "a single day";
    EXPECT_THROW(check_end(a, "2024-03-31"), Failure);
    EXPECT_THROW(check_end(a, ""), Failure);
    a.to = d("2025-03-31");
    try {
        check_end(a, "2025-06-30");
        FAIL() << "ended twice";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).message, "This role already ended on 31 March 2025");
    }
}
