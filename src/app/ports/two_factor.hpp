#pragma once
// Ports of two-factor sign-in (docs/decisions/0031-two-factor.md): the accounts' sealed
// secrets, their hashed recovery codes and the half-signed-in state, reached from a Transaction
// by TwoFactorTransaction (as my_work's OwedRepo is, so the widely included Transaction is
// unchanged); and the one-time code computer (liboath in production).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

// An account's authenticator secret, sealed with the case key; pending until a code confirms it.
struct TwoFactorSecret {
    UserId user;
    std::string sealed_secret;  // the raw secret (20 bytes) sealed; never stored or logged in the clear
    std::string key_id;         // the key that sealed it, as review_cases.sealed_key_id
    bool enabled = false;
    std::int64_t last_step = 0;  // the last time step accepted: a code of that step or earlier is refused
    Instant created_at = 0;
    Instant enabled_at = 0;
};

struct RecoveryCode {
    std::int64_t id = 0;
    UserId user;
    std::string lookup;     // the code's first four characters
    std::string code_hash;  // the whole code, hashed as passwords are
    Instant used_at = 0;    // 0 while unused
};

// The half-signed-in state: a correct password, a code still owed. Stored by digest as sessions are.
struct SignInChallenge {
    std::string token_hash;
    UserId user;
    Instant created_at = 0;
    int failures = 0;
};

struct TwoFactorRepo {
    virtual ~TwoFactorRepo() = default;
    virtual std::optional<TwoFactorSecret> find(UserId user) = 0;
    // Stores a new pending secret, replacing a pending one; false (nothing stored) if the account
    // already has an enabled one.
    virtual bool put_pending(const TwoFactorSecret& secret) = 0;
    // Turns the pending secret on with the step its confirming code matched; false if none is pending.
    virtual bool enable(UserId user, std::int64_t step, Instant at) = 0;
    // Records `step` as the last accepted, only if it is later than the one recorded: false means
    // another request used this step (or a later one) first.
    virtual bool advance_step(UserId user, std::int64_t step) = 0;
    // Removes the secret and every recovery code of the account; false if it had no secret.
    virtual bool remove(UserId user) = 0;

    virtual void add_recovery_code(const RecoveryCode& code) = 0;
    virtual std::vector<RecoveryCode> unused_recovery_codes(UserId user, const std::string& lookup) = 0;
    virtual int count_unused_recovery_codes(UserId user) = 0;
    // Marks a code used, only if it was unused: false if another request used it first.
    virtual bool use_recovery_code(std::int64_t id, Instant at) = 0;

    virtual void insert_challenge(const SignInChallenge& challenge) = 0;
    virtual std::optional<SignInChallenge> find_challenge(const std::string& token_hash) = 0;
    virtual void count_challenge_failure(const std::string& token_hash) = 0;
    virtual void remove_challenge(const std::string& token_hash) = 0;
    // Ends every half-signed-in state of the account, and any begun before `before` (expired).
    virtual void remove_challenges(UserId user, Instant before) = 0;

    // For a case key rotation: every secret (one per account at most), and re-sealing one.
    virtual std::vector<TwoFactorSecret> all_secrets() = 0;
    virtual void reseal(UserId user, const std::string& sealed_secret, const std::string& key_id) = 0;
};

struct TwoFactorTransaction {
    virtual ~TwoFactorTransaction() = default;
    virtual TwoFactorRepo& two_factor() = 0;
};

// RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps).
struct OneTimeCodes {
    virtual ~OneTimeCodes() = default;
    [[nodiscard]] virtual std::string new_secret() const = 0;  // 20 random bytes (RFC 4226's 160 bits)
    [[nodiscard]] virtual std::string base32(const std::string& secret) const = 0;
    // The time step (RFC 6238's counter) whose code `code` is, searching `window` steps either
    // side of `now`'s; nothing if none matches.
    [[nodiscard]] virtual std::optional<std::int64_t> matching_step(const std::string& secret, const std::string& code,
                                                                    Instant now, int window) const = 0;
};

}  // namespace assure
