-- The reminder sent to each delegate with a place shortly before their session (issue 16): one
-- row a booking, so that a reminder goes once, whichever server's mail worker sends it.
CREATE TABLE training_reminders (
    booking_id      INTEGER PRIMARY KEY REFERENCES training_bookings(id),
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    sent_at         INTEGER NOT NULL
);
