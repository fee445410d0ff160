-- No-shows told to their agency (issue 16 item 3): what the partnership charges for a place not
-- used, and each booking whose agency was told, once, with the charge told then.
CREATE TABLE training_charges (
    partnership_id           INTEGER PRIMARY KEY REFERENCES partnerships(id),
    no_show_pence            INTEGER NOT NULL DEFAULT 0 CHECK (no_show_pence >= 0),
    late_cancellation_pence  INTEGER NOT NULL DEFAULT 0 CHECK (late_cancellation_pence >= 0),
    version                  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE training_no_show_notices (
    booking_id      INTEGER PRIMARY KEY REFERENCES training_bookings(id),
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    told_at         INTEGER NOT NULL,
    charged_pence   INTEGER NOT NULL DEFAULT 0
);
