-- history: one row per past interaction between a customer and an agent, with the customer's rating.
-- customer_id and agent_id are account ids, product_id a catalog product (null: a general interaction);
-- no foreign keys into other modules' tables: modules refer to each other by id only.
CREATE TABLE interaction_records (
    id             UUID PRIMARY KEY,
    customer_id    UUID          NOT NULL,
    product_id     UUID,
    agent_id       UUID          NOT NULL,
    medium         VARCHAR(10)   NOT NULL,
    direction      VARCHAR(10)   NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(20)   NOT NULL,
    summary        VARCHAR(2000) NOT NULL,
    transcript     VARCHAR(100000),
    rating         INT,
    rating_comment VARCHAR(1000),
    rated_at       TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL,
    CONSTRAINT interaction_records_medium_ck CHECK (medium IN ('CHAT', 'VOICE', 'EMAIL', 'VIDEO')),
    CONSTRAINT interaction_records_direction_ck CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    CONSTRAINT interaction_records_outcome_ck CHECK (outcome IN ('RESOLVED', 'FOLLOW_UP', 'ESCALATED', 'NO_ANSWER')),
    CONSTRAINT interaction_records_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    CONSTRAINT interaction_records_times_ck CHECK (ended_at >= started_at)
);
CREATE INDEX interaction_records_customer_idx ON interaction_records (customer_id, started_at);
