-- One vocabulary: a medium of contact and the kind of an address are column types of their own, each with
-- its constraint, used by every table that stores one.
CREATE DOMAIN medium AS VARCHAR(5) CHECK (VALUE IN ('CHAT', 'VOICE', 'EMAIL', 'VIDEO'));
CREATE DOMAIN address_kind AS VARCHAR(5) CHECK (VALUE IN ('PHONE', 'SIP', 'EMAIL', 'CHAT', 'VIDEO'));

-- A customer's address has a kind (what it is); their preferred medium is what they want to use it for.
ALTER TABLE customer_capabilities RENAME COLUMN medium TO kind;
ALTER TABLE customer_capabilities ALTER COLUMN kind SET DATA TYPE address_kind;
UPDATE customers SET preferred_medium = 'VOICE' WHERE preferred_medium IN ('PHONE', 'SIP');
ALTER TABLE customers ALTER COLUMN preferred_medium SET DATA TYPE medium;

-- History kept its own CHECK; the column type carries it now.
ALTER TABLE interaction_records DROP CONSTRAINT interaction_records_medium_ck;
ALTER TABLE interaction_records ALTER COLUMN medium SET DATA TYPE medium;

-- Media sets were comma-separated text; now one row per medium.
CREATE TABLE agent_group_media (
    group_key VARCHAR(40) NOT NULL REFERENCES agent_groups (group_key) ON DELETE CASCADE,
    medium    medium      NOT NULL,
    PRIMARY KEY (group_key, medium)
);
CREATE TABLE agent_media (
    agent_id UUID   NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    medium   medium NOT NULL,
    PRIMARY KEY (agent_id, medium)
);
INSERT INTO agent_group_media (group_key, medium)
    SELECT group_key, 'CHAT' FROM agent_groups WHERE ',' || media || ',' LIKE '%,CHAT,%';
INSERT INTO agent_group_media (group_key, medium)
    SELECT group_key, 'VOICE' FROM agent_groups WHERE ',' || media || ',' LIKE '%,VOICE,%';
INSERT INTO agent_group_media (group_key, medium)
    SELECT group_key, 'EMAIL' FROM agent_groups WHERE ',' || media || ',' LIKE '%,EMAIL,%';
INSERT INTO agent_group_media (group_key, medium)
    SELECT group_key, 'VIDEO' FROM agent_groups WHERE ',' || media || ',' LIKE '%,VIDEO,%';
INSERT INTO agent_media (agent_id, medium) SELECT id, 'CHAT' FROM agents WHERE ',' || media || ',' LIKE '%,CHAT,%';
INSERT INTO agent_media (agent_id, medium) SELECT id, 'VOICE' FROM agents WHERE ',' || media || ',' LIKE '%,VOICE,%';
INSERT INTO agent_media (agent_id, medium) SELECT id, 'EMAIL' FROM agents WHERE ',' || media || ',' LIKE '%,EMAIL,%';
INSERT INTO agent_media (agent_id, medium) SELECT id, 'VIDEO' FROM agents WHERE ',' || media || ',' LIKE '%,VIDEO,%';
ALTER TABLE agent_groups DROP COLUMN media;
ALTER TABLE agents DROP COLUMN media;

-- Agents' routing states, kept across restarts (they were held in memory only).
CREATE TABLE agent_states (
    agent_id UUID        PRIMARY KEY,
    state    VARCHAR(10) NOT NULL,
    reason   VARCHAR(20),
    since    TIMESTAMP WITH TIME ZONE NOT NULL,
    version  BIGINT      NOT NULL,
    CONSTRAINT agent_states_state_ck CHECK (state IN ('LOGGED_OUT', 'NOT_READY', 'READY', 'BUSY', 'WRAP_UP')),
    CONSTRAINT agent_states_reason_ck CHECK (reason IS NULL OR state = 'NOT_READY')
);
