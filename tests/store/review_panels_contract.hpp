#pragma once
// The store contract for review panels and reviewers' invitations (issue 20 item 4): the review
// group is one per partnership, changed and cleared; the interests of the people asked come
// back, oldest first, and only the partnership's; an invitation comes back whole by its token's
// digest, is accepted once, and a case's invitations come back oldest first, only its own.
#include <functional>
#include <type_traits>

#include "app/ports/review_panels.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class ReviewPanelsContract : public StoreContract<Factory> {
protected:
    static ReviewPanelRepo& repo(Transaction& tx) { return dynamic_cast<ReviewPanelTransaction&>(tx).review_panels(); }
    template <class Work>
    auto write(Work work) {
        std::invoke_result_t<Work, ReviewPanelRepo&> answer{};
        this->store->write([&](Transaction& tx) { answer = work(repo(tx)); });
        return answer;
    }
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, ReviewPanelRepo&> answer{};
        this->store->read([&](Transaction& tx) { answer = question(repo(tx)); });
        return answer;
    }
    // A second partnership on the store, made on first use.
    PartnershipId other_partnership() {
        if (!other_.valid()) {
            this->store->write([&](Transaction& tx) { other_ = tx.partnerships().insert({PartnershipId{}, "o", "O"}, shipped_rules()); });
        }
        return other_;
    }
    PartnershipId other_;
    GroupId group(const char* name, PartnershipId in = {}) {
        Group g;
        g.partnership = in.valid() ? in : this->partnership;
        g.name = name;
        g.active_from = Date{2020, 1, 1};
        GroupId id;
        this->store->write([&](Transaction& tx) { id = tx.governance().insert_group(g); });
        return id;
    }
    PersonId person(const char* email, PartnershipId in = {}) {
        Person p;
        p.partnership = in.valid() ? in : this->partnership;
        p.name = email;
        p.email = email;
        PersonId id;
        this->store->write([&](Transaction& tx) { id = tx.people().insert(p); });
        return id;
    }
    UserId user(PersonId person, const char* email) {
        User u;
        u.partnership = this->partnership;
        u.person = person;
        u.email = email;
        u.role = Role::commissioned_reviewer;
        UserId id;
        this->store->write([&](Transaction& tx) { id = tx.users().insert(u); });
        return id;
    }
    CaseId add_case(const char* reference) {
        Case c;
        c.partnership = this->partnership;
        c.reference = reference;
        c.became_aware_on = Date{2026, 9, 1};
        c.incident_on = c.became_aware_on;
        c.children = {{"Child X"}};
        CaseId id;
        this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, WorkingCalendar{})); });
        return id;
    }
    AccountInvitation invitation(UserId user, CaseId c, const char* digest, Instant sent) {
        AccountInvitation i;
        i.partnership = this->partnership;
        i.user = user;
        i.case_id = c;
        i.token_digest = digest;
        i.sent_at = sent;
        i.expires_at = sent + 7 * 86400;
        i.invited_by = user;
        return i;
    }
};

TYPED_TEST_SUITE_P(ReviewPanelsContract);

TYPED_TEST_P(ReviewPanelsContract, TheReviewGroupIsOnePerPartnershipChangedAndCleared) {
    const GroupId srlg = this->group("Safeguarding Review and Learning Group");
    const GroupId other = this->group("Core Business Group");
    EXPECT_FALSE(this->read([&](ReviewPanelRepo& r) { return r.review_group(this->partnership); }));
    this->store->write([&](Transaction& tx) { this->repo(tx).set_review_group(this->partnership, srlg); });
    EXPECT_EQ(this->read([&](ReviewPanelRepo& r) { return r.review_group(this->partnership); }), srlg);
    this->store->write([&](Transaction& tx) { this->repo(tx).set_review_group(this->partnership, other); });
    EXPECT_EQ(this->read([&](ReviewPanelRepo& r) { return r.review_group(this->partnership); }), other);
    const PartnershipId elsewhere = this->other_partnership();
    EXPECT_FALSE(this->read([&](ReviewPanelRepo& r) { return r.review_group(elsewhere); }));
    this->store->write([&](Transaction& tx) { this->repo(tx).set_review_group(this->partnership, std::nullopt); });
    EXPECT_FALSE(this->read([&](ReviewPanelRepo& r) { return r.review_group(this->partnership); }));
}

TYPED_TEST_P(ReviewPanelsContract, TheInterestsOfThePeopleAskedComeBackOldestFirst) {
    const PersonId tom = this->person("tom@example.org"), claire = this->person("claire@example.org"), aisha = this->person("aisha@example.org");
    const PartnershipId elsewhere = this->other_partnership();
    const PersonId stranger = this->person("stranger@example.org", elsewhere);
    this->store->write([&](Transaction& tx) {
        tx.governance().insert_interest({InterestId{}, this->partnership, tom, "Trustee", Date{2026, 3, 1}, MeetingId{}, 0, "BU"});
        tx.governance().insert_interest({InterestId{}, this->partnership, claire, "Governor", Date{2026, 1, 5}, MeetingId{}, 0, "BU"});
        tx.governance().insert_interest({InterestId{}, this->partnership, aisha, "Not asked", Date{2026, 1, 1}, MeetingId{}, 0, "BU"});
        tx.governance().insert_interest({InterestId{}, elsewhere, stranger, "Elsewhere", Date{2026, 1, 1}, MeetingId{}, 0, "BU"});
    });
    const auto found = this->read([&](ReviewPanelRepo& r) { return r.interests_of(this->partnership, {tom, claire, stranger}); });
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].interest, "Governor");
    EXPECT_EQ(found[0].person, claire);
    EXPECT_EQ(found[1].interest, "Trustee");
    EXPECT_EQ(found[1].declared_on, (Date{2026, 3, 1}));
    EXPECT_TRUE(this->read([&](ReviewPanelRepo& r) { return r.interests_of(this->partnership, {}); }).empty());
}

TYPED_TEST_P(ReviewPanelsContract, AnInvitationComesBackWholeIsAcceptedOnceAndListedByItsCase) {
    const UserId ruth = this->user(this->person("ruth@example.org"), "ruth@example.org");
    const CaseId c = this->add_case("SI-2026-08"), other = this->add_case("SI-2026-09");
    const auto first = this->write([&](ReviewPanelRepo& r) { return r.insert_invitation(this->invitation(ruth, c, "d1", 1000)); });
    this->write([&](ReviewPanelRepo& r) { return r.insert_invitation(this->invitation(ruth, other, "d2", 2000)); });
    const auto second = this->write([&](ReviewPanelRepo& r) { return r.insert_invitation(this->invitation(ruth, c, "d3", 3000)); });
    EXPECT_GT(second, first);

    const auto found = this->read([&](ReviewPanelRepo& r) { return r.find_invitation("d1"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, first);
    EXPECT_EQ(found->partnership, this->partnership);
    EXPECT_EQ(found->user, ruth);
    EXPECT_EQ(found->case_id, c);
    EXPECT_EQ(found->sent_at, 1000);
    EXPECT_EQ(found->expires_at, 1000 + 7 * 86400);
    EXPECT_FALSE(found->accepted_at);
    EXPECT_EQ(found->invited_by, ruth);
    EXPECT_FALSE(this->read([&](ReviewPanelRepo& r) { return r.find_invitation("d9"); }));

    const auto listed = this->read([&](ReviewPanelRepo& r) { return r.invitations_for_case(this->partnership, c); });
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].token_digest, "d1");
    EXPECT_EQ(listed[1].token_digest, "d3");
    EXPECT_TRUE(this->read([&](ReviewPanelRepo& r) { return r.invitations_for_case(this->other_partnership(), c); }).empty());

    EXPECT_TRUE(this->write([&](ReviewPanelRepo& r) { return r.mark_accepted(first, 5000); }));
    EXPECT_FALSE(this->write([&](ReviewPanelRepo& r) { return r.mark_accepted(first, 6000); })) << "once";
    EXPECT_EQ(this->read([&](ReviewPanelRepo& r) { return r.find_invitation("d1"); })->accepted_at, 5000);
    // A digest is one invitation's: a second with it is refused by the store.
    EXPECT_THROW(this->write([&](ReviewPanelRepo& r) { return r.insert_invitation(this->invitation(ruth, c, "d1", 7000)); }), std::exception);
}

REGISTER_TYPED_TEST_SUITE_P(ReviewPanelsContract, TheReviewGroupIsOnePerPartnershipChangedAndCleared,
                            TheInterestsOfThePeopleAskedComeBackOldestFirst, AnInvitationComesBackWholeIsAcceptedOnceAndListedByItsCase);

}  // namespace assure::testing
