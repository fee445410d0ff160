// Links between agency records of different partnerships: the rules (core) and the use cases
// (app, on the real store, frozen clock). Sharing along them: learning_usecase_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/agency_links.hpp"
#include "app/partnership.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

namespace {

FieldErrors errors_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.fields();
    }
    return {};
}

struct TwoPartnerships : World {
    PartnershipId other = add_partnership("other", "Other Partnership");
    AgencyId police = add_agency({AgencyId{}, partnership, "Merseyside Police", AgencyKind::statutory_partner,
                                  StatutoryRole::police, "police", "", "MERPOL"});
    AgencyId their_police = add_agency({AgencyId{}, other, "Merseyside Police", AgencyKind::statutory_partner,
                                        StatutoryRole::police, "police", "", "MERPOL"});
    AgencyId their_school = add_agency({AgencyId{}, other, "Park School", AgencyKind::relevant_agency, StatutoryRole::none, "education"});
    Actor bu = as(Role::business_unit);
    Actor other_bu = add_user(add_person({PersonId{}, other, "Deborah Hughes", "Business manager", AgencyId{}, "dh@example.org"}),
                              Role::business_unit, other);
    std::vector<Agency> linked(AgencyId a) {
        return read([&](Transaction& tx) { return tx.agencies().linked(a); });
    }
    std::size_t rows(PartnershipId p, const std::string& action) {
        const auto trail = audit_trail(p);
        return static_cast<std::size_t>(std::count_if(trail.begin(), trail.end(), [&](const AuditEntry& e) { return e.action == action; }));
    }
};

}  // namespace

// An agency with only what the link rules look at.
Agency agency(AgencyId id, PartnershipId partnership, std::string name) {
    Agency a;
    a.id = id;
    a.partnership = partnership;
    a.name = std::move(name);
    return a;
}

TEST(AgencyLinkRules, AProposalIsFromOnesOwnActiveAgencyToAnotherPartnership) {
    const PartnershipId us{1};
    const PartnershipId them{2};
    const Agency ours = agency(AgencyId{5}, us, "Police");
    const Partnership there{them, "there", "There"};
    EXPECT_TRUE(validate_link_proposal(ours, us, there).empty());
    EXPECT_EQ(validate_link_proposal(ours, them, there).at(0).field, "agency_id") << "not the proposer's agency";
    Agency gone = ours;
    gone.active = false;
    EXPECT_EQ(validate_link_proposal(gone, us, there).at(0).field, "agency_id");
    EXPECT_EQ(validate_link_proposal(ours, us, std::nullopt).at(0).field, "partnership");
    EXPECT_EQ(validate_link_proposal(ours, us, Partnership{us, "us", "Us"}).at(0).field, "partnership") << "not with itself";
}

TEST(AgencyLinkRules, OnlyTheReceivingPartnershipAcceptsAProposalWithItsOwnAgency) {
    AgencyLink l;
    l.from_partnership = PartnershipId{1};
    l.from_agency = AgencyId{5};
    l.to_partnership = PartnershipId{2};
    const Agency theirs = agency(AgencyId{9}, PartnershipId{2}, "Police");
    EXPECT_TRUE(validate_link_acceptance(l, PartnershipId{2}, theirs).empty());
    EXPECT_EQ(validate_link_acceptance(l, PartnershipId{1}, theirs).at(0).field, "link") << "the proposer cannot accept";
    EXPECT_EQ(validate_link_acceptance(l, PartnershipId{2}, agency(AgencyId{5}, PartnershipId{1}, "Police")).at(0).field, "agency_id");
    EXPECT_EQ(validate_link_acceptance(l, PartnershipId{2}, std::nullopt).at(0).field, "agency_id");
    l.status = AgencyLinkStatus::accepted;
    EXPECT_EQ(validate_link_acceptance(l, PartnershipId{2}, theirs).at(0).field, "link");
    EXPECT_TRUE(l.shares());
    EXPECT_EQ(l.other_partnership(PartnershipId{2}), PartnershipId{1});
}

TEST(AgencyLinkUseCases, AProposalJoinsNothingUntilTheOtherPartnershipAcceptsIt) {
    TwoPartnerships w;
    const auto proposed = propose_agency_link(w.services, w.bu, {w.police.str(), w.other.str()});
    EXPECT_EQ(proposed.link.status, AgencyLinkStatus::proposed);
    EXPECT_EQ(proposed.link.proposed_at, w.clock.at);
    EXPECT_TRUE(w.linked(w.police).empty()) << "the same organisation code joins nothing";
    EXPECT_EQ(w.rows(w.partnership, "agency_link.propose"), 1u);
    EXPECT_EQ(w.rows(w.other, "agency_link.propose"), 1u) << "the other partnership's trail shows it too";

    // The other side sees it waiting; the proposer cannot accept its own proposal.
    const auto theirs = list_agency_links(w.services, w.other_bu, {});
    ASSERT_EQ(theirs.items.size(), 1u);
    EXPECT_TRUE(theirs.items[0].incoming);
    EXPECT_EQ(theirs.items[0].their_partnership, "Test Partnership");
    EXPECT_EQ(errors_of([&] { accept_agency_link(w.services, w.bu, proposed.link.id, 1, w.police.str()); }).at(0).field, "link");
    EXPECT_EQ(errors_of([&] { accept_agency_link(w.services, w.other_bu, proposed.link.id, 1, w.police.str()); }).at(0).field,
              "agency_id") << "not an agency of the accepting partnership";
    EXPECT_THROW(accept_agency_link(w.services, w.other_bu, proposed.link.id, 3, w.their_police.str()), Failure) << "stale";
    // A third partnership neither sees nor answers it.
    const PartnershipId third = w.add_partnership("third", "Third");
    const Actor third_bu = w.add_user(w.add_person({PersonId{}, third, "T", "BU", AgencyId{}, "t@example.org"}), Role::business_unit, third);
    EXPECT_THROW(get_agency_link(w.services, third_bu, proposed.link.id), Failure);

    w.clock.at += 3600;
    const auto accepted = accept_agency_link(w.services, w.other_bu, proposed.link.id, 1, w.their_police.str());
    EXPECT_EQ(accepted.link.accepted_at, w.clock.at);
    EXPECT_EQ(accepted.their_agency, "Merseyside Police");
    ASSERT_EQ(w.linked(w.police).size(), 1u);
    EXPECT_EQ(w.linked(w.police)[0].id, w.their_police);
    EXPECT_EQ(w.rows(w.partnership, "agency_link.accept"), 1u);
    EXPECT_EQ(w.rows(w.other, "agency_link.accept"), 1u);

    // Proposing again is refused with the reason; either side may end it.
    EXPECT_EQ(errors_of([&] { propose_agency_link(w.services, w.bu, {w.police.str(), w.other.str()}); }).at(0).field, "partnership");
    remove_agency_link(w.services, w.bu, proposed.link.id, 2);
    EXPECT_TRUE(w.linked(w.police).empty());
    EXPECT_EQ(w.rows(w.other, "agency_link.end"), 1u);
}

TEST(AgencyLinkUseCases, OnlyAnAdministratorOfTheServerSetsALinkAtOnce) {
    TwoPartnerships w;
    const auto refused = errors_of([&] { propose_agency_link(w.services, w.bu, {w.police.str(), w.other.str(), "merpol"}); });
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused.at(0).field, "their_organisation_code");
    EXPECT_TRUE(w.read([&](Transaction& tx) { return tx.agency_links().query({w.partnership, {}}).items; }).empty()) << "nothing saved";

    EXPECT_EQ(errors_of([&] { propose_agency_link(w.services, w.admin, {w.police.str(), w.other.str(), "RW4"}); }).at(0).field,
              "their_organisation_code");
    const auto set = propose_agency_link(w.services, w.admin, {w.police.str(), w.other.str(), "merpol"});
    EXPECT_TRUE(set.link.shares());
    EXPECT_EQ(set.link.to_agency, w.their_police);
    EXPECT_EQ(w.rows(w.other, "agency_link.set"), 1u);
    EXPECT_EQ(w.linked(w.their_police)[0].id, w.police);
}

TEST(AgencyLinkUseCases, ADeclinedProposalLeavesNothingButItsTrail) {
    TwoPartnerships w;
    const auto proposed = propose_agency_link(w.services, w.bu, {w.police.str(), w.other.str()});
    EXPECT_THROW(remove_agency_link(w.services, w.other_bu, proposed.link.id, 2), Failure) << "stale";
    remove_agency_link(w.services, w.other_bu, proposed.link.id, 1);
    EXPECT_EQ(w.rows(w.partnership, "agency_link.decline"), 1u);
    EXPECT_TRUE(list_agency_links(w.services, w.bu, {}).items.empty());
    EXPECT_THROW(list_agency_links(w.services, w.as(Role::member), {}), Failure) << "the directory's editors only";
}
