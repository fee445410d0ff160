// Rotating the case key (`assure key rotate`): every sealed detail, the key check and the
// dataset's pseudonym key are sealed anew with the new key in one write transaction, so a
// database is never left with details under two keys. The audit rows carry counts and key ids
// only: the details themselves never leave their seal except in this process's memory.
#include <map>

#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "app/reviews/case_key_internal.hpp"
#include "app/two_factor.hpp"

namespace assure {

using namespace case_key_detail;

namespace {

// Cases read at a time: a partnership's years of cases are re-sealed without holding them all.
constexpr int kBatch = 200;

Failure cannot_open(const SealedDetails& d) {
    return {FailureCode::unavailable,
            "The children's details of case " + d.reference + " (id " + d.id.str() + ") cannot be opened with the current case key" +
                (d.key_id.empty() ? std::string() : " (they name key id " + d.key_id + ")") +
                ", so nothing was re-sealed and the database is as it was. Start with the key that sealed them, or "
                "see \"The case key\" in docs/admin.md.",
            {},
            "rotation stopped at review_cases " + d.id.str()};
}

}  // namespace

CaseKeyRotation rotate_case_key(Services& s, const Sealer& next) {
    if (s.sealer == nullptr) {
        throw Failure(FailureCode::unavailable, "No case key is configured, so there is nothing to rotate from");
    }
    const Sealer& current = *s.sealer;
    CaseKeyRotation out{current.key_id(), next.key_id(), 0};
    if (out.from_key_id == out.to_key_id) {
        throw Failure::invalid({{"new_key", "The new case key is the key in use (key id " + out.to_key_id + "): give another key"}});
    }
    const Instant now = s.clock.now();
    s.store.write([&](Transaction& tx) {
        const auto stored = tx.case_key().find();
        if (!stored || opened(current, stored->sealed) != kCanaryText) {
            throw Failure(FailureCode::unavailable,
                          "The current case key is not the database's case key, so it cannot be rotated: start with the database's key");
        }
        std::map<PartnershipId, int> per_partnership;
        for (CaseId after{0};;) {
            const auto batch = tx.case_key().sealed_after(after, kBatch);
            for (const auto& d : batch) {
                std::string plain;
                try {
                    plain = current.open(d.sealed);
                } catch (const Failure&) {
                    throw cannot_open(d);  // the transaction is rolled back: every earlier re-seal undone
                }
                tx.case_key().reseal(d.id, next.seal(plain), out.to_key_id);
                ++per_partnership[d.partnership];
                ++out.cases;
            }
            if (batch.size() < static_cast<std::size_t>(kBatch)) break;
            after = batch.back().id;
        }
        // Accounts' authenticator secrets are sealed with the same key (decision 0031).
        const int secrets = reseal_two_factor_secrets(tx, current, next);
        // The pseudonym key in use now (derived from the first key, or kept from an earlier
        // rotation) stays the dataset's, sealed with the new key.
        tx.case_key().replace({next.seal(kCanaryText), now, out.to_key_id, next.seal(current.digest_key())});
        for (const auto& p : tx.partnerships().list()) {
            const nlohmann::json before{{"key_id", out.from_key_id}};
            const nlohmann::json after{{"key_id", out.to_key_id},
                                       {"cases_resealed", per_partnership[p.id]},
                                       {"cases_resealed_all_partnerships", out.cases},
                                       {"two_factor_secrets_resealed_all_partnerships", secrets}};
            record_audit(tx, Actor::system(p.id), now, "case_key.rotate", "case_key", out.to_key_id, before.dump(), after.dump());
        }
    });
    return out;
}

}  // namespace assure
