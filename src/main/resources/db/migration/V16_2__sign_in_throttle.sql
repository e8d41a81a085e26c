-- Failed sign-ins (module identity), counted per account from one source, per account from any source and per
-- source for any account: the form, API tokens and SIP digest alike. Shared by every node: each failure raises its
-- rows' counts in one UPDATE (the row is the unit of agreement between nodes), and a lock only ever moves later
-- (locked_until = the greater of the old and the new). A row without an active lock whose window has passed is
-- forgotten. username_key is the case-blind username (empty for the SOURCE scope), source the client's address
-- (empty for the ACCOUNT scope).
CREATE TABLE sign_in_throttle (
    scope             VARCHAR(16)  NOT NULL CHECK (scope IN ('ACCOUNT_SOURCE', 'ACCOUNT', 'SOURCE')),
    username_key      VARCHAR(100) NOT NULL,
    source            VARCHAR(64)  NOT NULL,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, username_key, source)
);
CREATE INDEX sign_in_throttle_locked ON sign_in_throttle (locked_until);
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
