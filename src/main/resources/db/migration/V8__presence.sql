-- presence: each principal's access and visibility choices (RFC 5025 in miniature) and their chosen status.
-- principal_id is an account id (a customer's or an agent's); no foreign keys into other modules' tables.
-- handling: ALLOW, CONFIRM, POLITE_BLOCK, BLOCK; visibility: NOTHING, BASIC_ONLY, FULL.
CREATE TABLE presence_rule_sets (
    principal_id           UUID        PRIMARY KEY,
    agents_handling        VARCHAR(16) NOT NULL,
    agents_visibility      VARCHAR(16) NOT NULL,
    supervisors_handling   VARCHAR(16) NOT NULL,
    supervisors_visibility VARCHAR(16) NOT NULL,
    others_handling        VARCHAR(16) NOT NULL,
    others_visibility      VARCHAR(16) NOT NULL,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX presence_rule_sets_agents_idx ON presence_rule_sets (agents_handling);

-- one row per watcher the principal decided about (approve, deny, or a rule set on the page)
CREATE TABLE presence_watcher_rules (
    principal_id UUID         NOT NULL,
    watcher_uri  VARCHAR(300) NOT NULL,
    handling     VARCHAR(16)  NOT NULL,
    visibility   VARCHAR(16)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal_id, watcher_uri)
);

-- the status a principal set explicitly: OPEN (follow the portal) or CLOSED (appear offline), activities, note
CREATE TABLE presence_choices (
    principal_id UUID         PRIMARY KEY,
    status       VARCHAR(8)   NOT NULL,
    activities   VARCHAR(400) NOT NULL,
    note         VARCHAR(300),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT presence_choices_status_ck CHECK (status IN ('OPEN', 'CLOSED'))
);
