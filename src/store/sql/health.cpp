#include "store/sql/repos.hpp"

namespace assure::sql {

void SqlHealth::beat(Instant at) {
    auto& q = db_.cached(
        "INSERT INTO heartbeat(id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at");
    q.bind(1, at).run();
}

}  // namespace assure::sql
