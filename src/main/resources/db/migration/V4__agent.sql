-- agent: agent groups (time zone, media, weekly opening hours, closures) and agents (id = account id).
-- media columns hold a comma-separated set of CHAT, VOICE, EMAIL, VIDEO.
CREATE TABLE agent_groups (
    group_key   VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(80)  NOT NULL,
    description VARCHAR(500),
    time_zone   VARCHAR(60)  NOT NULL,
    media       VARCHAR(40)  NOT NULL,
    version     BIGINT       NOT NULL
);

CREATE TABLE group_opening_hours (
    group_key   VARCHAR(40) NOT NULL REFERENCES agent_groups (group_key) ON DELETE CASCADE,
    day_of_week INT         NOT NULL,
    opens_at    TIME        NOT NULL,
    closes_at   TIME        NOT NULL,
    PRIMARY KEY (group_key, day_of_week, opens_at),
    CONSTRAINT group_opening_hours_day_ck CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT group_opening_hours_span_ck CHECK (closes_at > opens_at)
);

CREATE TABLE group_closures (
    group_key VARCHAR(40)  NOT NULL REFERENCES agent_groups (group_key) ON DELETE CASCADE,
    closed_on DATE         NOT NULL,
    note      VARCHAR(200),
    PRIMARY KEY (group_key, closed_on)
);

CREATE TABLE agents (
    id        UUID        PRIMARY KEY,
    group_key VARCHAR(40) NOT NULL REFERENCES agent_groups (group_key),
    media     VARCHAR(40) NOT NULL
);
CREATE INDEX agents_group_idx ON agents (group_key);

CREATE TABLE agent_skills (
    agent_id  UUID        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    skill_key VARCHAR(40) NOT NULL,
    level     INT         NOT NULL,
    PRIMARY KEY (agent_id, skill_key),
    CONSTRAINT agent_skills_level_ck CHECK (level BETWEEN 1 AND 5)
);
