#pragma once
// Whether this server can do its work: /healthz (reads and writes) and /readyz (reads).
#include <string>

#include "app/context.hpp"

namespace assure {

struct Health {
    bool ok = true;
    std::string cause;  // when not ok: the database's own words (for the log, not the public)
};

// A write transaction that upserts the heartbeat row: fails as every write would on a
// read-only database, a full disk or a database out of reach.
Health check_writes(Services& s);
// A read transaction: the database answers.
Health check_reads(Services& s);

}  // namespace assure
