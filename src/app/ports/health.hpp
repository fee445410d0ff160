#pragma once
// Port: the heartbeat, a one-row write that proves the database takes writes (/healthz).
#include "core/date.hpp"

namespace assure {

struct HealthRepo {
    virtual ~HealthRepo() = default;
    // Records that a write was possible at `at`. Fails as every write would: read-only file,
    // full disk, database out of reach.
    virtual void beat(Instant at) = 0;
};

}  // namespace assure
