-- Reminders beyond the statutory ones, and each person's choices of what mail they are sent
-- (issue 19 item 3; docs/decisions/0032-reminders-and-email-preferences.md).

-- One reminder per item, stage and due date, whoever (which server, which run) queues it: the
-- unique key is the rule. The due date is in the key so that a reminder missed on its day is
-- still sent once later, and an item given a new date is reminded again.
CREATE TABLE mail_due_reminders (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    record          TEXT NOT NULL,              -- "meeting_action:12", "improvement:4", "audit_return:3:9"
    stage           TEXT NOT NULL,              -- core's ReminderStage key
    due_on          TEXT NOT NULL,              -- YYYY-MM-DD
    reminded_on     TEXT NOT NULL,              -- the day it was queued
    CONSTRAINT mail_due_reminders_once UNIQUE (partnership_id, record, stage, due_on),
    CONSTRAINT mail_due_reminders_stage CHECK (stage IN ('coming_due', 'overdue'))
);

-- A person's choices; no row means everything, one message at a time.
CREATE TABLE mail_preferences (
    user_id           INTEGER PRIMARY KEY REFERENCES users(id),
    partnership_id    INTEGER NOT NULL REFERENCES partnerships(id),
    digest            INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
    action_reminders  INTEGER NOT NULL DEFAULT 1 CHECK (action_reminders IN (0, 1)),
    return_reminders  INTEGER NOT NULL DEFAULT 1 CHECK (return_reminders IN (0, 1)),
    agenda_published  INTEGER NOT NULL DEFAULT 1 CHECK (agenda_published IN (0, 1)),
    updated_at        INTEGER NOT NULL
);
CREATE INDEX mail_preferences_by_partnership ON mail_preferences(partnership_id, user_id);

-- Messages waiting for the day's digest of a person who chose one; taken (and removed) when
-- the digest is queued in the outbox.
CREATE TABLE mail_digest_items (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    kind            TEXT NOT NULL,              -- core's MailKind key
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX mail_digest_items_by_user ON mail_digest_items(partnership_id, user_id, id);

-- A meeting's agenda published to its group, once.
CREATE TABLE mail_agenda_published (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    meeting_id      INTEGER NOT NULL REFERENCES governance_meetings(id),
    published_at    INTEGER NOT NULL,
    published_by    TEXT NOT NULL,              -- the actor's label
    CONSTRAINT mail_agenda_published_once UNIQUE (partnership_id, meeting_id)
);
