-- identity: accounts, API tokens, audit trail; and Spring Modulith's event publication registry.
CREATE TABLE accounts (
    id            UUID PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accounts_username_uk UNIQUE (username),
    CONSTRAINT accounts_role_ck CHECK (role IN ('CUSTOMER', 'AGENT', 'SUPERVISOR', 'ADMIN'))
);

CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    account_id   UUID         NOT NULL REFERENCES accounts (id),
    name         VARCHAR(80)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_hash_uk UNIQUE (token_hash)
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);

CREATE TABLE audit_entries (
    id          UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(120) NOT NULL,
    subject_id  UUID,
    entity_type VARCHAR(40)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    field       VARCHAR(80),
    old_value   VARCHAR(2000),
    new_value   VARCHAR(2000)
);
CREATE INDEX audit_entries_subject_idx ON audit_entries (subject_id, occurred_at);
CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id);

CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
