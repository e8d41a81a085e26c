-- Reports (module reports): one row per contact once it is over (answered and closed, or abandoned), written from
-- the broker's events; ratings are added from history's. local_day is the contact's day in the reporting time
-- zone (parley.reports.zone), so a report by day is an indexed GROUP BY on both databases.
CREATE TABLE contact_facts (
    id                UUID         PRIMARY KEY,
    local_day         DATE         NOT NULL,
    queue_key         VARCHAR(40)  NOT NULL,
    medium            medium       NOT NULL,
    product_id        UUID,
    agent_id          UUID,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    connected_at      TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    abandoned         BOOLEAN      NOT NULL,
    wait_s            BIGINT       NOT NULL,
    handle_s          BIGINT,
    target_s          INT          NOT NULL,
    in_target         BOOLEAN      NOT NULL,
    rating            INT,
    CONSTRAINT contact_facts_wait_ck CHECK (wait_s >= 0),
    CONSTRAINT contact_facts_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
CREATE INDEX contact_facts_day ON contact_facts (local_day);
CREATE INDEX contact_facts_queue_day ON contact_facts (queue_key, local_day);
CREATE INDEX contact_facts_agent_day ON contact_facts (agent_id, local_day);
CREATE INDEX contact_facts_product_day ON contact_facts (product_id, local_day);
