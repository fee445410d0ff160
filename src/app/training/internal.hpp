#pragma once
// What training's use cases share: loading a record of the actor's partnership (not_found
// otherwise), promoting those waiting into free places, and the audit trail's record types.
#include "app/training.hpp"

namespace assure::training_detail {

constexpr const char* kCourseType = "training_course";
constexpr const char* kSessionType = "training_session";
constexpr const char* kBookingType = "training_booking";

Course load_course(Transaction& tx, const Actor& actor, CourseId id);
TrainingSession load_session(Transaction& tx, const Actor& actor, TrainingSessionId id);
// Gives the session's free places to the first on its waiting list, in order; returns how many
// were promoted. Called inside the write that freed the places, with the session locked.
int promote_waiting(Transaction& tx, const TrainingSession& session, Instant at);
// Adds the agency's refusal (field "agency_id") when `adding` more bookings of it would pass the
// session's agency quota (app/training_quotas.hpp). Called with the session's row locked.
void check_agency_quota(Transaction& tx, const TrainingSession& t, const std::optional<AgencyId>& agency, int adding, FieldErrors& e);

}  // namespace assure::training_detail
