#pragma once
// The store contract for two-factor sign-in: a pending secret is replaced but an enabled one is
// not; a time step and a recovery code are each claimed once (the conditional updates that stop
// a code being used twice); the half-signed-in state counts failures and ends; removing a
// second factor takes its recovery codes with it.
#include "app/ports/two_factor.hpp"
#include "store/directory_contract.hpp"

namespace assure::testing {

template <class Factory>
class TwoFactorContract : public DirectoryContract<Factory> {
protected:
    UserId account(const std::string& name) { return this->member_account(this->person(name, AgencyId{}, name + "@x.org")); }
    template <class Work>
    void in_write(Work work) {
        this->store->write([&](Transaction& tx) { work(dynamic_cast<TwoFactorTransaction&>(tx).two_factor()); });
    }
    template <class Work>
    void in_read(Work work) {
        this->store->read([&](Transaction& tx) { work(dynamic_cast<TwoFactorTransaction&>(tx).two_factor()); });
    }
};

TYPED_TEST_SUITE_P(TwoFactorContract);

TYPED_TEST_P(TwoFactorContract, APendingSecretIsReplacedAnEnabledOneIsNot) {
    const UserId ann = this->account("Ann");
    bool first = false, second = false, third = true, enabled = false;
    this->in_write([&](TwoFactorRepo& r) { first = r.put_pending({ann, "sealed-1", "key-a", false, 0, 100, 0}); });
    this->in_write([&](TwoFactorRepo& r) { second = r.put_pending({ann, "sealed-2", "key-a", false, 0, 110, 0}); });
    EXPECT_TRUE(first);
    EXPECT_TRUE(second);
    this->in_read([&](TwoFactorRepo& r) {
        const auto s = r.find(ann);
        ASSERT_TRUE(s);
        EXPECT_EQ(s->sealed_secret, "sealed-2");
        EXPECT_EQ(s->key_id, "key-a");
        EXPECT_FALSE(s->enabled);
        EXPECT_EQ(s->created_at, 110);
    });
    this->in_write([&](TwoFactorRepo& r) { enabled = r.enable(ann, 4242, 120); });
    EXPECT_TRUE(enabled);
    this->in_write([&](TwoFactorRepo& r) { third = r.put_pending({ann, "sealed-3", "key-a", false, 0, 130, 0}); });
    EXPECT_FALSE(third) << "an enabled secret is turned off before another is set up";
    this->in_read([&](TwoFactorRepo& r) {
        const auto s = r.find(ann);
        EXPECT_EQ(s->sealed_secret, "sealed-2");
        EXPECT_TRUE(s->enabled);
        EXPECT_EQ(s->last_step, 4242);
        EXPECT_EQ(s->enabled_at, 120);
    });
}

TYPED_TEST_P(TwoFactorContract, ATimeStepIsAcceptedOnceAndNeverAnEarlierOne) {
    const UserId ann = this->account("Ann");
    this->in_write([&](TwoFactorRepo& r) {
        r.put_pending({ann, "s", "k", false, 0, 1, 0});
        r.enable(ann, 100, 2);
    });
    bool same = true, later = false, again = true, earlier = true;
    this->in_write([&](TwoFactorRepo& r) { same = r.advance_step(ann, 100); });
    this->in_write([&](TwoFactorRepo& r) { later = r.advance_step(ann, 101); });
    this->in_write([&](TwoFactorRepo& r) { again = r.advance_step(ann, 101); });
    this->in_write([&](TwoFactorRepo& r) { earlier = r.advance_step(ann, 99); });
    EXPECT_FALSE(same) << "the step that confirmed the set-up";
    EXPECT_TRUE(later);
    EXPECT_FALSE(again) << "a replayed code";
    EXPECT_FALSE(earlier);
    this->in_read([&](TwoFactorRepo& r) { EXPECT_EQ(r.find(ann)->last_step, 101); });
}

TYPED_TEST_P(TwoFactorContract, ARecoveryCodeIsUsedOnceAndRemovingTheSecretTakesTheCodes) {
    const UserId ann = this->account("Ann");
    const UserId bob = this->account("Bob");
    this->in_write([&](TwoFactorRepo& r) {
        r.put_pending({ann, "s", "k", false, 0, 1, 0});
        r.enable(ann, 1, 2);
        r.add_recovery_code({0, ann, "ABCD", "hash-1", 0});
        r.add_recovery_code({0, ann, "ABCD", "hash-2", 0});
        r.add_recovery_code({0, ann, "WXYZ", "hash-3", 0});
        r.put_pending({bob, "s", "k", false, 0, 1, 0});
        r.enable(bob, 1, 2);
        r.add_recovery_code({0, bob, "ABCD", "hash-b", 0});
    });
    std::vector<RecoveryCode> found;
    int left = 0;
    this->in_read([&](TwoFactorRepo& r) {
        found = r.unused_recovery_codes(ann, "ABCD");
        left = r.count_unused_recovery_codes(ann);
    });
    ASSERT_EQ(found.size(), 2u) << "Bob's code with the same lookup is not Ann's";
    EXPECT_EQ(found[0].code_hash, "hash-1");
    EXPECT_EQ(left, 3);
    bool first = false, again = true;
    this->in_write([&](TwoFactorRepo& r) { first = r.use_recovery_code(found[0].id, 500); });
    this->in_write([&](TwoFactorRepo& r) { again = r.use_recovery_code(found[0].id, 600); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(again);
    this->in_read([&](TwoFactorRepo& r) {
        ASSERT_EQ(r.unused_recovery_codes(ann, "ABCD").size(), 1u);
        EXPECT_EQ(r.count_unused_recovery_codes(ann), 2);
    });
    bool removed = false, removed_again = true;
    this->in_write([&](TwoFactorRepo& r) { removed = r.remove(ann); });
    this->in_write([&](TwoFactorRepo& r) { removed_again = r.remove(ann); });
    EXPECT_TRUE(removed);
    EXPECT_FALSE(removed_again);
    this->in_read([&](TwoFactorRepo& r) {
        EXPECT_FALSE(r.find(ann));
        EXPECT_EQ(r.count_unused_recovery_codes(ann), 0);
        EXPECT_EQ(r.count_unused_recovery_codes(bob), 1) << "another account's codes stay";
        EXPECT_TRUE(r.find(bob));
    });
}

TYPED_TEST_P(TwoFactorContract, TheHalfSignedInStateCountsFailuresAndEnds) {
    const UserId ann = this->account("Ann");
    const UserId bob = this->account("Bob");
    this->in_write([&](TwoFactorRepo& r) {
        r.insert_challenge({"c-old", ann, 100, 0});
        r.insert_challenge({"c-ann", ann, 1000, 0});
        r.insert_challenge({"c-bob", bob, 1000, 0});
        r.insert_challenge({"c-bob-old", bob, 100, 0});
    });
    this->in_write([&](TwoFactorRepo& r) {
        r.count_challenge_failure("c-ann");
        r.count_challenge_failure("c-ann");
    });
    this->in_read([&](TwoFactorRepo& r) {
        const auto c = r.find_challenge("c-ann");
        ASSERT_TRUE(c);
        EXPECT_EQ(c->user, ann);
        EXPECT_EQ(c->created_at, 1000);
        EXPECT_EQ(c->failures, 2);
        EXPECT_FALSE(r.find_challenge("c-nobody"));
    });
    // Ann's every state goes, and everyone's begun before 500 (expired).
    this->in_write([&](TwoFactorRepo& r) { r.remove_challenges(ann, 500); });
    this->in_read([&](TwoFactorRepo& r) {
        EXPECT_FALSE(r.find_challenge("c-old"));
        EXPECT_FALSE(r.find_challenge("c-ann"));
        EXPECT_FALSE(r.find_challenge("c-bob-old"));
        EXPECT_TRUE(r.find_challenge("c-bob"));
    });
    this->in_write([&](TwoFactorRepo& r) { r.remove_challenge("c-bob"); });
    this->in_read([&](TwoFactorRepo& r) { EXPECT_FALSE(r.find_challenge("c-bob")); });
}

TYPED_TEST_P(TwoFactorContract, ARotationReadsEverySecretAndResealsOne) {
    const UserId ann = this->account("Ann");
    const UserId bob = this->account("Bob");
    this->in_write([&](TwoFactorRepo& r) {
        r.put_pending({bob, "bob-sealed", "old", false, 0, 1, 0});
        r.put_pending({ann, "ann-sealed", "old", false, 0, 1, 0});
        r.enable(ann, 7, 2);
    });
    std::vector<TwoFactorSecret> all;
    this->in_read([&](TwoFactorRepo& r) { all = r.all_secrets(); });
    ASSERT_EQ(all.size(), 2u);
    EXPECT_LT(all[0].user.value, all[1].user.value) << "in account order";
    this->in_write([&](TwoFactorRepo& r) { r.reseal(ann, "ann-new", "new"); });
    this->in_read([&](TwoFactorRepo& r) {
        const auto s = r.find(ann);
        EXPECT_EQ(s->sealed_secret, "ann-new");
        EXPECT_EQ(s->key_id, "new");
        EXPECT_TRUE(s->enabled) << "re-sealing changes nothing else";
        EXPECT_EQ(s->last_step, 7);
        EXPECT_EQ(r.find(bob)->sealed_secret, "bob-sealed");
    });
}

REGISTER_TYPED_TEST_SUITE_P(TwoFactorContract, APendingSecretIsReplacedAnEnabledOneIsNot,
                            ATimeStepIsAcceptedOnceAndNeverAnEarlierOne,
                            ARecoveryCodeIsUsedOnceAndRemovingTheSecretTakesTheCodes,
                            TheHalfSignedInStateCountsFailuresAndEnds, ARotationReadsEverySecretAndResealsOne);

}  // namespace assure::testing
