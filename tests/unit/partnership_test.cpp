// Directory rules (core) and use cases (app, on the real store).
#include <gtest/gtest.h>

#include "app/partnership.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

namespace {

AgencyInput school() { return {"Knowsley Park Primary School", "relevant_agency", "none", "education"}; }

std::vector<Agency> agencies_of(World& w) {
    return w.read([&](Transaction& tx) { return tx.agencies().list(w.partnership, true); });
}

FieldErrors errors_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& failure) {
        return failure.fields();
    }
    ADD_FAILURE() << "expected a Failure";
    return {};
}

}  // namespace

TEST(AgencyRules, AcceptsAndTrimsAValidRelevantAgency) {
    Agency out;
    AgencyInput in = school();
    in.name = "  Knowsley Park Primary School  ";
    EXPECT_TRUE(validate_agency(in, out).empty());
    EXPECT_EQ(out.name, "Knowsley Park Primary School");
    EXPECT_EQ(out.kind, AgencyKind::relevant_agency);
}

TEST(AgencyRules, StatutoryPartnerNeedsItsStatutoryRole) {
    Agency out;
    const auto errors = validate_agency({"Merseyside Police", "statutory_partner", "none", "police"}, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "statutory_role");
}

TEST(AgencyRules, RelevantAgencyCannotClaimAStatutoryRole) {
    Agency out;
    const auto errors = validate_agency({"A school", "relevant_agency", "police", "education"}, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message, "Only a statutory partner has a statutory role");
}

TEST(AgencyRules, ReportsEveryMissingFieldAtOnce) {
    Agency out;
    const auto errors = validate_agency({"", "", "", ""}, out);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0], (FieldError{"name", "Enter the agency name"}));
    EXPECT_EQ(errors[1].field, "kind");
    EXPECT_EQ(errors[2], (FieldError{"sector", "Select the agency's sector"}));
}

TEST(AgencyRules, RefusesAnUnknownSectorAndOverlongName) {
    Agency out;
    const auto errors = validate_agency({std::string(201, 'x'), "relevant_agency", "none", "banking"}, out);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].message, "Agency name must be 200 characters or fewer");
    EXPECT_EQ(errors[1].message, "Select a sector from the list");
}

TEST(PersonRules, EmailIsLowercasedAndCheckedForShape) {
    Agency a;
    a.id = AgencyId{3};
    Person out;
    EXPECT_TRUE(validate_person({"Ann Lee", "Head", "3", " Ann.Lee@Example.ORG "}, {a}, out).empty());
    EXPECT_EQ(out.email, "ann.lee@example.org");
    const auto errors = validate_person({"Ann Lee", "Head", "3", "ann.lee"}, {a}, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "email");
}

TEST(PersonRules, AgencyMustBelongToThePartnershipOrBeIndependent) {
    Agency a;
    a.id = AgencyId{3};
    Person out;
    EXPECT_EQ(validate_person({"Ann", "Head", "99", "a@b.org"}, {a}, out)[0].message,
              "Select an agency in this partnership");
    EXPECT_TRUE(validate_person({"Ann", "Independent chair", "none", "a@b.org"}, {a}, out).empty());
    EXPECT_FALSE(out.agency.valid());
}

TEST(CreateAgency, SavesAndAuditsInOneStep) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    EXPECT_TRUE(a.id.valid());
    const auto trail = w.audit_trail();
    ASSERT_EQ(trail.size(), 1u);
    const auto& row = trail[0];
    EXPECT_EQ(row.action, "agency.create");
    EXPECT_EQ(row.entity_id, a.id.str());
    EXPECT_EQ(row.at, w.clock.at);
    EXPECT_NE(row.after_json.find("Knowsley Park Primary School"), std::string::npos);
    EXPECT_TRUE(row.before_json.empty());
}

TEST(CreateAgency, InvalidInputSavesNothing) {
    World w;
    const auto errors = errors_of([&] { create_agency(w.services, w.admin, {"", "relevant_agency", "none", "x"}); });
    EXPECT_EQ(errors.size(), 2u);
    EXPECT_TRUE(agencies_of(w).empty());
    EXPECT_EQ(w.audit_count(), 0u);
}

TEST(CreateAgency, ReadOnlyRoleIsRefused) {
    World w;
    EXPECT_THROW(create_agency(w.services, w.as(Role::read_only), school()), Failure);
    EXPECT_TRUE(agencies_of(w).empty());
}

TEST(UpdateAgency, StaleVersionIsRefusedAndNothingChanges) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    auto in = school();
    in.name = "Renamed";
    update_agency(w.services, w.admin, a.id, 1, in);
    try {
        in.name = "Lost update";
        update_agency(w.services, w.admin, a.id, 1, in);
        FAIL() << "a stale version was accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::conflict);
    }
    const auto stored = agencies_of(w);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].name, "Renamed");
    EXPECT_EQ(stored[0].version, 2);
    EXPECT_EQ(w.audit_count(), 2u);
}

TEST(UpdateAgency, RecordsBeforeAndAfter) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    set_agency_active(w.services, w.admin, a.id, 1, false);
    const auto row = w.last_audit();
    EXPECT_EQ(row.action, "agency.deactivate");
    EXPECT_NE(row.before_json.find("\"active\":true"), std::string::npos);
    EXPECT_NE(row.after_json.find("\"active\":false"), std::string::npos);
}

TEST(UpdateAgency, AnotherPartnershipsAgencyIsNotFound) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    Actor outsider = w.admin;
    outsider.partnership = w.add_partnership("other", "Other");
    try {
        update_agency(w.services, outsider, a.id, 1, school());
        FAIL();
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::not_found);
    }
}

TEST(CreatePerson, DuplicateEmailIsAFieldError) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    create_person(w.services, w.admin, {"Ann Lee", "Head", a.id.str(), "ann@example.org"});
    const auto errors =
        errors_of([&] { create_person(w.services, w.admin, {"Ann Other", "Deputy", a.id.str(), "ANN@example.org"}); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "email");
    PersonFilter of_the_agency;
    of_the_agency.agency = a.id;
    of_the_agency.include_inactive = true;
    EXPECT_EQ(w.read([&](Transaction& tx) { return tx.people().list(w.partnership, of_the_agency); }).size(), 1u);
}

TEST(AgencyRules, AnOrganisationCodeIsUpperCasedAndCheckedForShape) {
    Agency out;
    AgencyInput in{"Merseyside Police", "statutory_partner", "police", "police", "", " merpol "};
    EXPECT_TRUE(validate_agency(in, out).empty());
    EXPECT_EQ(out.organisation_code, "MERPOL");
    in.organisation_code = "RW4 trust";
    auto errors = validate_agency(in, out);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], (FieldError{"organisation_code", "Organisation code must use only letters, numbers, hyphens and full stops"}));
    in.organisation_code = std::string(33, 'A');
    EXPECT_EQ(validate_agency(in, out).at(0).message, "Organisation code must be 32 characters or fewer");
}

TEST(CreateAgency, AnOrganisationCodeIsUsedOnceInAPartnership) {
    World w;
    AgencyInput police{"Merseyside Police", "statutory_partner", "police", "police", "", "MERPOL"};
    const auto first = create_agency(w.services, w.admin, police);
    police.name = "Merseyside Police (Knowsley)";
    const auto errors = errors_of([&] { create_agency(w.services, w.admin, police); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message, "Organisation code MERPOL is already used by Merseyside Police");
    EXPECT_EQ(agencies_of(w).size(), 1u);
    // Changing the agency that holds the code keeps it; another partnership may use it too.
    EXPECT_NO_THROW(update_agency(w.services, w.admin, first.id, first.version, {"Merseyside Police", "statutory_partner", "police", "police", "Chief Constable", "merpol"}));
    const PartnershipId elsewhere = w.add_partnership("other", "Other");
    const Actor other = w.add_user(w.add_person({PersonId{}, elsewhere, "Admin", "Officer", AgencyId{}, "a2@example.org"}),
                                   Role::administrator, elsewhere);
    EXPECT_NO_THROW(create_agency(w.services, other, police));
}

// ---- reading the directory a page at a time --------------------------------------------

TEST(FindAgencies, AnswersOnlyTheActorsPartnershipWhateverTheQuerySays) {
    World w;
    const auto other = w.add_partnership("other", "Other Partnership");
    w.add_agency({AgencyId{}, other, "Other Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    const auto ours = create_agency(w.services, w.admin, school());
    AgencyQuery asked;
    asked.partnership = other;  // ignored: the actor's partnership is used
    const auto found = find_agencies(w.services, w.as(Role::read_only), asked);
    ASSERT_EQ(found.items.size(), 1u);
    EXPECT_EQ(found.items[0].id, ours.id);
}

TEST(FindPeople, PagesThroughEveryoneOnceWithTheCursorItGives) {
    World w;
    const auto agency = create_agency(w.services, w.admin, school());
    for (const std::string name : {"Dee", "Al", "Cat", "Bo", "Eve"}) {
        create_person(w.services, w.admin, {name, "Teacher", agency.id.str(), name + "@school.example"});
    }
    PersonQuery query;
    query.agency = agency.id;
    query.page.limit = 2;
    std::vector<std::string> seen;
    for (int pages = 1;; ++pages) {
        const auto found = find_people(w.services, w.as(Role::member), query);
        for (const auto& p : found.items) seen.push_back(p.name);
        if (!found.next) {
            EXPECT_EQ(pages, 3);
            break;
        }
        query.page.after = *found.next;
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"Al", "Bo", "Cat", "Dee", "Eve"}));
}

TEST(AgencyNames, LabelsOnlyTheIdsAskedForInTheActorsPartnership) {
    World w;
    const auto a = create_agency(w.services, w.admin, school());
    AgencyInput college = school();
    college.name = "Knowsley College";
    const auto b = create_agency(w.services, w.admin, college);
    const auto other = w.add_partnership("other", "Other Partnership");
    const auto theirs = w.add_agency({AgencyId{}, other, "Theirs", AgencyKind::relevant_agency, StatutoryRole::none, "other"});
    const auto names = agency_names(w.services, w.as(Role::read_only), {b.id, theirs});
    EXPECT_EQ(names, (std::map<AgencyId, std::string>{{b.id, "Knowsley College"}}));
    EXPECT_FALSE(names.contains(a.id));
}
