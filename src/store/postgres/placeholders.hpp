#pragma once
// The repositories write placeholders as SQLite does (`?` and `?N`); PostgreSQL wants `$N`.
#include <string>
#include <string_view>

namespace assure::postgres {

struct Rewritten {
    std::string sql;
    int parameters = 0;  // the highest placeholder number
};

// Rewrites `?` and `?N` to `$N`, leaving string literals, quoted names and comments alone.
// A bare `?` takes the number after the highest used so far, as in SQLite.
Rewritten rewrite_placeholders(std::string_view sql);

// A connection URL fit for messages and logs: the password, in the user part or as a
// `password=` parameter, is left out.
std::string without_password(std::string_view url);

}  // namespace assure::postgres
