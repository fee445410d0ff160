#pragma once
// How the registers' entries are kept in rows. Strict: a stored key this version does not know
// is an error naming the table and column (store/sql/strict.hpp), never a default. The columns
// each register writes are listed once, so an INSERT and an UPDATE bind them alike.
#include "core/registers.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql::registers_rows {

// SELECT … FROM the table, with a space after, ready for WHERE.
extern const char* const kLadoColumns;
extern const char* const kLadoWritable;      // "adult_reference, referred_on, …" (what a person records, and what core derives)
extern const char* const kLadoPlaceholders;  // "?, ?, …", one per writable column
extern const char* const kLadoAssignments;   // "adult_reference = ?, …"
LadoReferral read_lado(const Statement& q);
// Binds the writable columns from 1; returns the next free placeholder.
int bind_lado(Statement& q, const LadoReferral& r);

extern const char* const kDeathColumns;
extern const char* const kDeathWritable;
extern const char* const kDeathPlaceholders;
extern const char* const kDeathAssignments;
ChildDeath read_death(const Statement& q);
int bind_death(Statement& q, const ChildDeath& d);

extern const char* const kFinanceColumns;
FinanceEntry read_finance(const Statement& q);
int bind_finance(Statement& q, const FinanceEntry& e);

}  // namespace assure::sql::registers_rows
