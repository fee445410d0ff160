#pragma once
// Use cases: agency quotas on training sessions (issue 16 item 2). The business unit sets the
// most places any one agency may hold on a session; every booking (a place or the waiting list,
// one person or a group, signed in or from the public calendar) is then refused, naming the
// agency, when it would pass it. Places already held are kept when a quota is lowered.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "core/training.hpp"

namespace assure {

std::optional<int> session_quota(Services& s, const Actor& actor, TrainingSessionId session);
// "" for no limit; audited; not found outside the actor's partnership (field "quota" when wrong).
std::optional<int> set_session_quota(Services& s, const Actor& actor, TrainingSessionId session, const std::string& typed);

}  // namespace assure
