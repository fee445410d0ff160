#pragma once
// Reminders before training sessions (issue 16): the mail worker's daily pass queues one to each
// delegate with a place, from two working days before their session (core/training_notice).
#include "app/context.hpp"

namespace assure {

// For every partnership, in one transaction each: a reminder to each booking that holds a place
// on a session whose reminder is due today and not yet sent. Sent once a booking, whatever the
// number of passes or servers. Returns how many were queued.
int queue_session_reminders(Services& s, Date today);

}  // namespace assure
