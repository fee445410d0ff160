#include "store/postgres/errors.hpp"

#include <string>

namespace assure::postgres {

sql::Error::Kind kind_of_sqlstate(std::string_view s) {
    using Kind = sql::Error::Kind;
    if (s.substr(0, 2) == "23") return Kind::constraint;
    if (s.substr(0, 2) == "08" || s == "57P01" || s == "57P02" || s == "57P03") return Kind::unavailable;
    if (s == "40001" || s == "40P01" || s == "55P03") return Kind::busy;
    return Kind::other;
}

namespace {

std::string field(const PGresult* result, int code) {
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : "";
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

sql::Error error_of(PGconn* conn, const PGresult* result, std::string_view what) {
    std::string message = result ? PQresultErrorMessage(result) : "";
    if (message.empty() && conn) message = PQerrorMessage(conn);
    message = std::string(what) + ": " + trimmed(message);
    if (!conn || PQstatus(conn) != CONNECTION_OK) return sql::Error(sql::Error::Kind::unavailable, message);
    const std::string sqlstate = field(result, PG_DIAG_SQLSTATE);
    if (sqlstate.empty()) return sql::Error(sql::Error::Kind::other, message);  // refused by libpq itself
    const auto kind = kind_of_sqlstate(sqlstate);
    if (kind != sql::Error::Kind::constraint) return sql::Error(kind, message);
    // A named constraint, or (NOT NULL) "table.column" as SQLite names it.
    std::string constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
    if (constraint.empty()) {
        const auto table = field(result, PG_DIAG_TABLE_NAME), column = field(result, PG_DIAG_COLUMN_NAME);
        if (!table.empty() && !column.empty()) constraint = table + "." + column;
    }
    return sql::Error(kind, message, constraint);
}

}  // namespace assure::postgres
