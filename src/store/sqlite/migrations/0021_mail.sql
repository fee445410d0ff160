-- Mail (docs/decisions/0015-mail.md): the outbox, one row per message to one address, kept
-- until a mail server has taken it; the sender's whole state (when to try next, how many
-- attempts failed, the last error) is here, so a restart carries on where it stopped.
CREATE TABLE mail_outbox (
    id               INTEGER PRIMARY KEY,
    partnership_id   INTEGER NOT NULL REFERENCES partnerships(id),
    kind             TEXT NOT NULL,             -- core's MailKind key
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,             -- plain text
    created_at       INTEGER NOT NULL,           -- instants are seconds
    next_attempt_at  INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    sent_at          INTEGER,
    CONSTRAINT mail_outbox_attempts CHECK (attempts >= 0)
);
-- The outbox page: newest first, by status.
CREATE INDEX mail_outbox_by_created ON mail_outbox(partnership_id, created_at, id);
-- The sender: the unsent, soonest due first, across partnerships.
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at, id) WHERE sent_at IS NULL;

-- One statutory milestone reminder per case, milestone and day, whoever (which server, which
-- run) queues it: the unique key is the rule, not a check in C++ that two servers could race.
CREATE TABLE mail_milestone_reminders (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    case_id         INTEGER NOT NULL REFERENCES review_cases(id),
    milestone       TEXT NOT NULL,              -- core's milestone key, "rapid_review"
    reminded_on     TEXT NOT NULL,              -- the day it was queued, YYYY-MM-DD
    CONSTRAINT mail_milestone_reminders_once UNIQUE (partnership_id, case_id, milestone, reminded_on)
);
