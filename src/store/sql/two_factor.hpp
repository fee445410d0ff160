#pragma once
// Two-factor sign-in's rows over sql::Connection (see app/ports/two_factor.hpp).
#include "app/ports/two_factor.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlTwoFactor final : public TwoFactorRepo {
public:
    explicit SqlTwoFactor(Connection& db) : db_(db) {}
    std::optional<TwoFactorSecret> find(UserId user) override;
    bool put_pending(const TwoFactorSecret& secret) override;
    bool enable(UserId user, std::int64_t step, Instant at) override;
    bool advance_step(UserId user, std::int64_t step) override;
    bool remove(UserId user) override;
    void add_recovery_code(const RecoveryCode& code) override;
    std::vector<RecoveryCode> unused_recovery_codes(UserId user, const std::string& lookup) override;
    int count_unused_recovery_codes(UserId user) override;
    bool use_recovery_code(std::int64_t id, Instant at) override;
    void insert_challenge(const SignInChallenge& challenge) override;
    std::optional<SignInChallenge> find_challenge(const std::string& token_hash) override;
    void count_challenge_failure(const std::string& token_hash) override;
    void remove_challenge(const std::string& token_hash) override;
    void remove_challenges(UserId user, Instant before) override;
    std::vector<TwoFactorSecret> all_secrets() override;
    void reseal(UserId user, const std::string& sealed_secret, const std::string& key_id) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
