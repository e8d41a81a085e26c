-- Status history (module status): one row per queue per sample (parley.status.sample-interval, a minute), the
-- wallboard's charts of the last hours. Several nodes sample the same minute: the first row written wins (the
-- figures are the same tables' either way). Answered waits are read from interactions by when they connected.
CREATE TABLE status_samples (
    sampled_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    queue_key              VARCHAR(40)  NOT NULL,
    contacts_waiting       INT          NOT NULL,
    agents_available       INT          NOT NULL,
    estimated_wait_s       BIGINT,
    answered               INT          NOT NULL,
    answered_wait_s        DOUBLE PRECISION,
    PRIMARY KEY (sampled_at, queue_key),
    CONSTRAINT status_samples_counts_ck CHECK (contacts_waiting >= 0 AND agents_available >= 0 AND answered >= 0)
);
CREATE INDEX interactions_connected_idx ON interactions (queue_key, connected_at);
