#pragma once
// Fakes for the remaining ports: a clock that moves only when told, a fast reversible "hasher"
// and predictable tokens. Use-case tests never touch libsodium, SQLite or HTTP.
#include <string>

#include "app/context.hpp"
#include "fakes/memory_store.hpp"

namespace assure::testing {

struct FrozenClock final : Clock {
    Instant at = 1'795'000'000;  // 2026-11-18
    [[nodiscard]] Instant now() const override { return at; }
};

struct PlainHasher final : PasswordHasher {
    [[nodiscard]] std::string hash(const std::string& p) const override { return "hashed:" + p; }
    [[nodiscard]] bool verify(const std::string& h, const std::string& p) const override { return h == "hashed:" + p; }
};

struct CountingTokens final : TokenSource {
    mutable int next = 0;
    [[nodiscard]] std::string random_token() const override { return "token-" + std::to_string(++next); }
    [[nodiscard]] std::string digest(const std::string& t) const override { return "digest:" + t; }
};

// Marks what it seals so a test can see that nothing identifiable is stored in the clear.
struct MarkingSealer final : Sealer {
    [[nodiscard]] std::string seal(const std::string& p) const override {
        return "sealed:" + std::string(p.rbegin(), p.rend());
    }
    [[nodiscard]] std::string open(const std::string& s) const override {
        if (s.rfind("sealed:", 0) != 0) throw Failure(FailureCode::unavailable, "not sealed with this key");
        return {s.rbegin(), s.rend() - 7};
    }
};

// One partnership, an administrator actor and the fakes wired into Services.
struct World {
    MemoryStore store;
    FrozenClock clock;
    PlainHasher hasher;
    CountingTokens tokens;
    MarkingSealer sealer;
    Services services{store, clock, hasher, tokens, SessionPolicy{}, &sealer};
    PartnershipId partnership{1};
    Actor admin{UserId{99}, PartnershipId{1}, Role::administrator, "Admin <admin@example.org>"};

    World() { store.state.partnerships.push_back({PartnershipId{1}, "test", "Test Partnership"}); }
    [[nodiscard]] Actor as(Role role) const { return Actor{UserId{2}, partnership, role, "Someone"}; }
};

}  // namespace assure::testing
