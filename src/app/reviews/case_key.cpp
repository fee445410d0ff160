// The case key check (migration 0012). Several servers on one database, or a database restored
// beside the wrong key file, would otherwise each seal children's details that the others
// cannot open, and nothing would say so until someone needed them.
#include <optional>

#include "app/reviews.hpp"
#include "app/reviews/case_key_internal.hpp"

namespace assure {
namespace case_key_detail {

std::optional<std::string> opened(const Sealer& sealer, const std::string& sealed) {
    try {
        return sealer.open(sealed);
    } catch (const Failure&) {
        return std::nullopt;
    }
}

}  // namespace case_key_detail

using namespace case_key_detail;

namespace {

constexpr const char* kWhatToDo =
    "Give every server on this database the same case key (the same ASSURE_CASE_KEY, or a copy of the same "
    "case_key_file); after restoring a database, restore the case key that was backed up with it.";

Failure wrong_key_for_details() {
    return {FailureCode::unavailable,
            std::string("This server's case key cannot open the children's details already sealed in this database, "
                        "so Assure will not start: children's details sealed with one key cannot be opened with another. ") +
                kWhatToDo,
            {},
            "the earliest case's sealed_identities did not open with the configured key"};
}

Failure wrong_key(const CaseKeyCanary& stored) {
    return {FailureCode::unavailable,
            "This server's case key is not the database's case key (the one its key check was sealed with on " +
                display_instant(stored.made_at) +
                "), so Assure will not start: children's details sealed with one key cannot be opened with another. " +
                kWhatToDo,
            {},
            "case_key_check did not open with the configured key"};
}

// Cases whose details a key other than this one sealed (by their stored key id): a database
// whose details were sealed under two keys, or under a key other than its check's, cannot be
// read whole by any server, so it is refused rather than half served.
Failure details_under_another_key(const KeyIdCount& other, const std::string& ours) {
    return {FailureCode::unavailable,
            "The children's details of " + std::to_string(other.cases) + " case(s) in this database were sealed with another case key (key id " +
                other.key_id + "; this server's is " + ours +
                "), so Assure will not start: children's details sealed with one key cannot be opened with another. " + kWhatToDo,
            {},
            "review_cases.sealed_key_id names a key other than the configured one"};
}

}  // namespace

CaseKeyCheck check_case_key(Services& s) {
    if (s.sealer == nullptr) return CaseKeyCheck::no_key;
    const CaseKeyCanary ours{s.sealer->seal(kCanaryText), s.clock.now(), s.sealer->key_id(), ""};
    CaseKeyCanary stored;
    std::vector<KeyIdCount> by_key;
    bool first = false;
    // In a write transaction: two servers starting together both offer theirs, the first is
    // kept, and each checks its key against the one kept.
    s.store.write([&](Transaction& tx) {
        first = !tx.case_key().find();
        if (first) {
            // The first check of a database that may already hold sealed details (upgraded from
            // before the check, or restored): a key that cannot open them must not become the
            // database's key.
            if (const auto earlier = tx.case_key().earliest_sealed_details(); earlier && !opened(*s.sealer, *earlier)) {
                throw wrong_key_for_details();
            }
        }
        // A database that has its check is only read, so a server can start on a database it
        // cannot write (and then report that on /healthz) rather than fail here.
        stored = first ? tx.case_key().keep_first(ours) : *tx.case_key().find();
        by_key = tx.case_key().sealed_by_key();
    });
    if (opened(*s.sealer, stored.sealed) != kCanaryText) throw wrong_key(stored);
    for (const auto& k : by_key) {
        // '' is a case sealed before key ids were kept: by the database's key, as the check says.
        if (!k.key_id.empty() && k.key_id != ours.key_id) throw details_under_another_key(k, ours.key_id);
    }
    return first ? CaseKeyCheck::stored : CaseKeyCheck::matched;
}

std::optional<std::string> kept_digest_key(Services& s) {
    if (s.sealer == nullptr) return std::nullopt;
    std::optional<CaseKeyCanary> stored;
    s.store.read([&](Transaction& tx) { stored = tx.case_key().find(); });
    if (!stored || stored->sealed_digest_key.empty()) return std::nullopt;
    return s.sealer->open(stored->sealed_digest_key);
}

}  // namespace assure
