#pragma once
// How the registers' entries are kept in rows. Strict: a stored key this version does not know
// is an error naming the table and column (store/sql/strict.hpp), never a default. The columns
// each register writes are listed once, so an INSERT and an UPDATE bind them alike.
#include "core/registers.hpp"
#include "core/registers_risks.hpp"
#include "core/registers_voice.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql::registers_rows {

// The pieces every register's mapping uses: optional dates and keys bound as NULL, keys and
// 0/1 flags read strictly.
inline void bind_date(Statement& q, int i, const std::optional<Date>& d) {
    if (d) q.bind(i, d->iso());
    else q.bind_null(i);
}

template <class E, class Key>
void bind_key(Statement& q, int i, const std::optional<E>& v, Key key) {
    if (v) q.bind(i, key(*v));
    else q.bind_null(i);
}

template <class Parse>
auto optional_enum(const Statement& q, int i, std::string_view table, std::string_view column, Parse parse)
    -> std::optional<std::remove_cvref_t<decltype(*parse(std::string_view()))>> {
    if (q.is_null(i)) return std::nullopt;
    return strict_enum(table, column, q.text(i), parse);
}

inline bool strict_flag(const Statement& q, int i, std::string_view table, std::string_view column) {
    const auto v = q.int64(i);
    if (v != 0 && v != 1) unknown_value(table, column, std::to_string(v));
    return v == 1;
}

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

// Risks: the columns a person records and core's scores; the linked actions are a child table.
extern const char* const kRiskColumns;
extern const char* const kRiskWritable;
extern const char* const kRiskPlaceholders;
extern const char* const kRiskAssignments;
Risk read_risk(const Statement& q);
int bind_risk(Statement& q, const Risk& r);

// Escalations: the columns recorded and core's timescales; the agencies involved are a child table.
extern const char* const kEscalationColumns;
extern const char* const kEscalationWritable;
extern const char* const kEscalationPlaceholders;
extern const char* const kEscalationAssignments;
Escalation read_escalation(const Statement& q);
int bind_escalation(Statement& q, const Escalation& e);

// Voice and scrutiny activities: the columns recorded and core's counts of points answered and
// linked; the points are a child table.
extern const char* const kActivityColumns;
extern const char* const kActivityWritable;
extern const char* const kActivityPlaceholders;
extern const char* const kActivityAssignments;
Activity read_activity(const Statement& q);
int bind_activity(Statement& q, const Activity& a);

}  // namespace assure::sql::registers_rows
