-- The broker: queues, interactions with their steps and offers (module routing), chat messages (module chat).

-- An agent handles a number of contacts of each medium at once (chat 3, voice 1, ...).
ALTER TABLE agent_media ADD COLUMN capacity INT DEFAULT 1 NOT NULL;
UPDATE agent_media SET capacity = 3 WHERE medium = 'CHAT';
UPDATE agent_media SET capacity = 5 WHERE medium = 'EMAIL';
ALTER TABLE agent_media ADD CONSTRAINT agent_media_capacity_ck CHECK (capacity BETWEEN 1 AND 20);

-- Offers an agent let expire in a row (reset when they accept one); too many sets them not ready.
ALTER TABLE agent_states ADD COLUMN missed_offers INT DEFAULT 0 NOT NULL;

CREATE TABLE queues (
    queue_key          VARCHAR(40)  PRIMARY KEY,
    name               VARCHAR(120) NOT NULL,
    description        VARCHAR(500),
    group_key          VARCHAR(40)  NOT NULL REFERENCES agent_groups (group_key),
    strategy           VARCHAR(20)  NOT NULL,
    priority           INT          NOT NULL,
    offer_timeout_s    INT          NOT NULL,
    max_missed_offers  INT          NOT NULL,
    wrap_up_s          INT          NOT NULL,
    service_level_s    INT          NOT NULL,
    is_default         BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT queues_strategy_ck CHECK (strategy IN ('MOST_SKILLED', 'LONGEST_IDLE', 'ROUND_ROBIN', 'LEAST_BUSY'))
);
CREATE TABLE queue_media (
    queue_key VARCHAR(40) NOT NULL REFERENCES queues (queue_key) ON DELETE CASCADE,
    medium    medium      NOT NULL,
    PRIMARY KEY (queue_key, medium)
);
CREATE TABLE queue_categories (
    queue_key    VARCHAR(40) NOT NULL REFERENCES queues (queue_key) ON DELETE CASCADE,
    category_key VARCHAR(40) NOT NULL,
    PRIMARY KEY (queue_key, category_key)
);
CREATE TABLE queue_skills (
    queue_key VARCHAR(40) NOT NULL REFERENCES queues (queue_key) ON DELETE CASCADE,
    skill_key VARCHAR(30) NOT NULL,
    min_level INT         NOT NULL,
    PRIMARY KEY (queue_key, skill_key)
);

-- One contact. Who wins it, and every move of its state, is decided by a conditional write on this row
-- (WHERE state = ? AND version = ?), so several nodes on one database never both decide.
CREATE TABLE interactions (
    id                UUID         PRIMARY KEY,
    customer_id       UUID         NOT NULL,
    medium            medium       NOT NULL,
    queue_key         VARCHAR(40)  NOT NULL,
    product_id        UUID,
    topic             VARCHAR(200),
    priority          INT          NOT NULL,
    state             VARCHAR(10)  NOT NULL,
    agent_id          UUID,
    offer_id          UUID,
    offered_to        UUID,
    offer_expires_at  TIMESTAMP WITH TIME ZONE,
    transfer_note     VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    enqueued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    enqueue_seq       BIGINT       NOT NULL,
    connected_at      TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE,
    closed_at         TIMESTAMP WITH TIME ZONE,
    disposition       VARCHAR(10),
    summary           VARCHAR(2000),
    wrap_up_deadline  TIMESTAMP WITH TIME ZONE,
    version           BIGINT       NOT NULL,
    CONSTRAINT interactions_state_ck CHECK (state IN ('QUEUED', 'OFFERED', 'CONNECTED', 'WRAP_UP', 'CLOSED', 'ABANDONED'))
);
CREATE INDEX interactions_customer_idx ON interactions (customer_id, created_at);
CREATE INDEX interactions_agent_idx ON interactions (agent_id, state);
CREATE INDEX interactions_state_idx ON interactions (state, offer_expires_at);
CREATE SEQUENCE interaction_enqueue_seq;

-- Every step of an interaction, time-stamped: queued, offered, accepted, rejected, expired, connected,
-- transferred, ended, closed, abandoned.
CREATE TABLE interaction_steps (
    interaction_id UUID         NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    position       INT          NOT NULL,
    step           VARCHAR(12)  NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    agent_id       UUID,
    queue_key      VARCHAR(40),
    note           VARCHAR(1000),
    PRIMARY KEY (interaction_id, position)
);

-- Offers made to agents; the interaction row says which one is open.
CREATE TABLE offers (
    id             UUID        PRIMARY KEY,
    interaction_id UUID        NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    agent_id       UUID        NOT NULL,
    state          VARCHAR(10) NOT NULL,
    offered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT offers_state_ck CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'))
);
CREATE INDEX offers_agent_idx ON offers (agent_id, state);

-- Chat: one thread per interaction, the last sequence number given and how far each side has read.
CREATE TABLE chat_threads (
    interaction_id         UUID   PRIMARY KEY,
    last_seq               BIGINT NOT NULL,
    customer_delivered_seq BIGINT NOT NULL,
    customer_read_seq      BIGINT NOT NULL,
    agent_delivered_seq    BIGINT NOT NULL,
    agent_read_seq         BIGINT NOT NULL
);
CREATE TABLE chat_messages (
    interaction_id UUID          NOT NULL REFERENCES chat_threads (interaction_id) ON DELETE CASCADE,
    seq            BIGINT        NOT NULL,
    sender         VARCHAR(8)    NOT NULL,
    sender_id      UUID,
    sender_name    VARCHAR(120),
    body           VARCHAR(4000) NOT NULL,
    client_id      VARCHAR(64),
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (interaction_id, seq),
    CONSTRAINT chat_messages_sender_ck CHECK (sender IN ('CUSTOMER', 'AGENT', 'SYSTEM'))
);
-- A message a client sends again after a cut (same client id) is stored once.
CREATE UNIQUE INDEX chat_messages_client_idx ON chat_messages (interaction_id, client_id);
