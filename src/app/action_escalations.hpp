#pragma once
// Use case: an overdue meeting action's escalations, for its page (issue 20 item 7; decision 0036).
// They are made by the daily round (app/mail/due_reminders.cpp); this reads them.
#include <vector>

#include "app/context.hpp"
#include "app/ports/action_escalations.hpp"

namespace assure {

// The action's escalations in the order they were made; empty for an action never escalated
// (or one the actor's partnership does not have).
std::vector<ActionEscalation> escalations_of_action(Services& s, const Actor& actor, ActionId action);

}  // namespace assure
