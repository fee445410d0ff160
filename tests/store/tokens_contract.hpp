#pragma once
// The store contract for API tokens: ids, expiry and last use round trip; one user's tokens page
// newest first and never show another's; revoking one, or all of a user's, counts what it did.
#include "store/directory_contract.hpp"

namespace assure::testing {

template <class Factory>
class TokensContract : public DirectoryContract<Factory> {
protected:
    ApiToken token(UserId user, const std::string& digest, const std::string& name, Instant created) {
        ApiToken t{digest, user, name, created, false};
        t.expires_at = created + 1000;
        this->store->write([&](Transaction& tx) {
            tx.api_tokens().insert(t);
            t = *tx.api_tokens().find(digest);
        });
        return t;
    }
    UserId account(const std::string& name) { return this->member_account(this->person(name, AgencyId{}, name + "@x.org")); }
};

TYPED_TEST_SUITE_P(TokensContract);

TYPED_TEST_P(TokensContract, ATokenRoundTripsWithItsIdExpiryAndLastUse) {
    const UserId ann = this->account("Ann");
    const ApiToken made = this->token(ann, "d-1", "reporting", 500);
    EXPECT_GT(made.id, 0);
    EXPECT_EQ(made.user, ann);
    EXPECT_EQ(made.name, "reporting");
    EXPECT_EQ(made.created_at, 500);
    EXPECT_EQ(made.expires_at, 1500);
    EXPECT_EQ(made.last_used_at, 0);
    EXPECT_FALSE(made.revoked);
    this->store->write([&](Transaction& tx) { tx.api_tokens().touch(made.id, 700); });
    this->store->read([&](Transaction& tx) {
        const auto by_id = tx.api_tokens().find_by_id(made.id);
        ASSERT_TRUE(by_id);
        EXPECT_EQ(by_id->token_hash, "d-1");
        EXPECT_EQ(by_id->last_used_at, 700);
        EXPECT_FALSE(tx.api_tokens().find_by_id(made.id + 1000));
    });
}

TYPED_TEST_P(TokensContract, TwoTokensCannotShareADigest) {
    const UserId ann = this->account("Ann");
    this->token(ann, "same", "one", 1);
    EXPECT_THROW(this->token(ann, "same", "two", 2), sql::Error);
}

TYPED_TEST_P(TokensContract, AUsersTokensPageNewestFirstAndShowNoOneElses) {
    const UserId ann = this->account("Ann");
    const UserId bob = this->account("Bob");
    std::vector<std::int64_t> anns;
    for (int i = 0; i < 7; ++i) {
        anns.push_back(this->token(ann, "ann-" + std::to_string(i), "t", 10 + i).id);
        this->token(bob, "bob-" + std::to_string(i), "t", 10 + i);
    }
    const auto listed = this->template every_page<ApiToken>(
        3, [&](Transaction& tx, const PageRequest& page) { return tx.api_tokens().list_for_user(ann, page); });
    std::vector<std::int64_t> ids;
    for (const auto& t : listed) {
        EXPECT_EQ(t.user, ann);
        ids.push_back(t.id);
    }
    std::reverse(anns.begin(), anns.end());
    EXPECT_EQ(ids, anns);
}

TYPED_TEST_P(TokensContract, RevokingOneTokenRecordsWhenAndOnlyOnce) {
    const UserId ann = this->account("Ann");
    const ApiToken one = this->token(ann, "d-1", "one", 1);
    const ApiToken two = this->token(ann, "d-2", "two", 2);
    bool first = false, again = true;
    this->store->write([&](Transaction& tx) { first = tx.api_tokens().revoke(one.id, 900); });
    this->store->write([&](Transaction& tx) { again = tx.api_tokens().revoke(one.id, 950); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(again) << "already revoked";
    this->store->read([&](Transaction& tx) {
        const auto revoked = tx.api_tokens().find_by_id(one.id);
        EXPECT_TRUE(revoked->revoked);
        EXPECT_EQ(revoked->revoked_at, 900) << "the first revocation's time stays";
        EXPECT_FALSE(tx.api_tokens().find_by_id(two.id)->revoked);
    });
    int all = 0;
    this->store->write([&](Transaction& tx) { all = tx.api_tokens().revoke_for_user(ann, 1000); });
    EXPECT_EQ(all, 1) << "only the one not yet revoked";
    this->store->read([&](Transaction& tx) { EXPECT_EQ(tx.api_tokens().find_by_id(two.id)->revoked_at, 1000); });
}

REGISTER_TYPED_TEST_SUITE_P(TokensContract, ATokenRoundTripsWithItsIdExpiryAndLastUse, TwoTokensCannotShareADigest,
                            AUsersTokensPageNewestFirstAndShowNoOneElses, RevokingOneTokenRecordsWhenAndOnlyOnce);

}  // namespace assure::testing
