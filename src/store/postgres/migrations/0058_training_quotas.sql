-- Agency quotas on training sessions (issue 16 item 2): the most places any one agency may hold
-- on a session, where the partnership sets one. A session without a row has no limit.
CREATE TABLE training_session_quotas (
    session_id      BIGINT PRIMARY KEY REFERENCES training_sessions(id),
    partnership_id  BIGINT NOT NULL REFERENCES partnerships(id),
    per_agency      INTEGER NOT NULL CHECK (per_agency >= 1)
);
-- An agency's live bookings on a session are counted at each booking.
CREATE INDEX training_bookings_by_agency ON training_bookings(session_id, agency_id, status);
