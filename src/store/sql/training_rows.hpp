#pragma once
// How training's records are kept in rows. Strict: a stored key this version does not know is
// an error naming the table and column (store/sql/strict.hpp), never a default.
#include "core/training.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql::training_rows {

// SELECT … FROM the table, with a space after, ready for WHERE.
extern const char* const kCourseColumns;
Course read_course(const Statement& q);
// Binds title … priorities from 1; returns the next free placeholder.
int bind_course(Statement& q, const Course& c);

// Sessions are read with their course's title and their booked and waiting counts (alias s).
extern const char* const kSessionColumns;
TrainingSession read_session(const Statement& q);
int bind_session(Statement& q, const TrainingSession& s);

// Bookings are read with their place on the waiting list (alias b).
extern const char* const kBookingColumns;
Booking read_booking(const Statement& q);

}  // namespace assure::sql::training_rows
