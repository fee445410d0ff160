#pragma once
// Agency quotas on a training session (issue 16 item 2: "agency quotas where the partnership
// sets them"): at most so many places on one session for any one agency, so that a large agency
// cannot fill a multi-agency course. Places held are the agency's live bookings, booked or
// waiting; a booking that names no agency is not counted against any.
#include <optional>
#include <string>

#include "core/failure.hpp"

namespace assure {

// The quota as typed: "" for none, else a whole number from 1 to the session's places (field "quota").
std::optional<int> check_quota(const std::string& typed, int capacity, FieldErrors& errors);

// Why `adding` more bookings for the agency would pass its quota; "" when they fit.
std::string quota_refusal(std::optional<int> quota, int held, int adding, const std::string& agency_name);

}  // namespace assure
