#pragma once
// Port: the case key check, a known text sealed with the case key and kept in the database, so
// a start-up can tell whether its key is the one the database's sealed details were sealed with;
// and the sealed details themselves, by the key that sealed them, for the check and a rotation.
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace assure {

struct CaseKeyCanary {
    std::string sealed;  // the known text, sealed with the key (never the key itself)
    Instant made_at = 0;
    std::string key_id{};           // the key's id ('' in a check stored before ids were kept)
    std::string sealed_digest_key{};  // after a rotation: the dataset's pseudonym key, sealed with the key
};

// One case's sealed details, as a rotation reads them.
struct SealedDetails {
    CaseId id;
    PartnershipId partnership;
    std::string reference;
    std::string sealed;
    std::string key_id;
};

// How many cases' details one key sealed ('' for those sealed before ids were kept).
struct KeyIdCount {
    std::string key_id;
    int cases = 0;
};

struct CaseKeyRepo {
    virtual ~CaseKeyRepo() = default;
    // Stores `canary` if the database has none yet, and returns the canary the database holds
    // afterwards: the first one ever stored, which is `canary` only if this call stored it.
    virtual CaseKeyCanary keep_first(const CaseKeyCanary& canary) = 0;
    virtual std::optional<CaseKeyCanary> find() = 0;
    // The earliest case's sealed details, if any case has some: in a database upgraded from
    // before the check existed, the key the first check is sealed with must be able to open them.
    virtual std::optional<std::string> earliest_sealed_details() = 0;
    // Cases with sealed details, counted by the id of the key that sealed them, in key id order.
    virtual std::vector<KeyIdCount> sealed_by_key() = 0;
    // Up to `limit` cases with sealed details after `after`, in id order (every partnership's:
    // the key is the server's).
    virtual std::vector<SealedDetails> sealed_after(CaseId after, int limit) = 0;
    // Replaces one case's sealed details, and the check; both only in a rotation's transaction.
    virtual void reseal(CaseId id, const std::string& sealed, const std::string& key_id) = 0;
    virtual void replace(const CaseKeyCanary& canary) = 0;
};

}  // namespace assure
