#pragma once
// Port: the case key check, a known text sealed with the case key and kept in the database, so
// a start-up can tell whether its key is the one the database's sealed details were sealed with.
#include <optional>
#include <string>

#include "core/date.hpp"

namespace assure {

struct CaseKeyCanary {
    std::string sealed;  // the known text, sealed with the key (never the key itself)
    Instant made_at = 0;
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
};

}  // namespace assure
