-- Review panels drawn from the review group, and commissioned reviewers invited by email (issue
-- 20 item 4; docs/decisions/0041). The partnership names the group whose members sit on its case
-- panels. A commissioned reviewer's account is made by an invitation naming its one case; the
-- emailed link's token is kept only as a digest, and the link works once, until it expires.
CREATE TABLE review_groups (
    partnership_id  INTEGER PRIMARY KEY REFERENCES partnerships(id),
    group_id        INTEGER NOT NULL REFERENCES governance_groups(id)
);

CREATE TABLE account_invitations (
    id              INTEGER PRIMARY KEY,
    partnership_id  INTEGER NOT NULL REFERENCES partnerships(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    case_id         INTEGER NOT NULL REFERENCES review_cases(id),
    token_digest    TEXT NOT NULL,
    sent_at         INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    accepted_at     INTEGER,
    invited_by      INTEGER NOT NULL REFERENCES users(id),
    CONSTRAINT account_invitations_token_once UNIQUE (token_digest)
);
CREATE INDEX account_invitations_by_case ON account_invitations(partnership_id, case_id, id);
CREATE INDEX account_invitations_by_user ON account_invitations(user_id, id);
