#pragma once
// Helpers shared by the dataset's use cases; not part of the app's interface.
#include "app/context.hpp"

namespace assure {

// A partnership works to the default catalogue and benchmarks until it changes them: the first
// import or change stores them as the partnership's own, audited, in the caller's transaction.
void adopt_catalogue_if_none(Transaction& tx, const Actor& actor, Instant at);

}  // namespace assure
