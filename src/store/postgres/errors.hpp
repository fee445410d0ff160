#pragma once
// PostgreSQL's errors in the store's terms (sql::Error kinds), by SQLSTATE.
#include <libpq-fe.h>

#include <string_view>

#include "store/sql/connection.hpp"

namespace assure::postgres {

// The kind for a SQLSTATE: class 23 constraint; class 08 and 57P01-57P03 unavailable;
// 40001, 40P01 and 55P03 busy; anything else other.
sql::Error::Kind kind_of_sqlstate(std::string_view sqlstate);

// The error a failed command raised (`result` may be null when the connection was lost). A
// connection that is no longer usable is always `unavailable`, so the store drops it.
sql::Error error_of(PGconn* conn, const PGresult* result, std::string_view what);

}  // namespace assure::postgres
