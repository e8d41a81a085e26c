-- Status alerts (module alerts). alert_rules: what one account asked to be alerted about. kind names the rule
-- (queue-agent-available, order-status, queue-wait, ...); subject is what the owner named (a queue key, a product,
-- an agent's or a customer's id, an order number; NULL for "any" or "my own"); match_key is what the in-memory index
-- files the rule under (the queue, the product's category, the agent, the customer, '*' for any).
-- alerts: the inbox. An alert's id is derived from its rule and the event that raised it, so an event delivered
-- twice (the event publication registry redelivers) stores it once. dismissed_at is set once by a conditional write.
CREATE TABLE alert_rules (
    id          UUID         PRIMARY KEY,
    account_id  UUID         NOT NULL,
    side        VARCHAR(12)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    subject     VARCHAR(80),
    match_key   VARCHAR(80)  NOT NULL,
    position    INTEGER,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_rules_side_ck CHECK (side IN ('CUSTOMER', 'AGENT', 'SUPERVISOR'))
);
CREATE INDEX alert_rules_account ON alert_rules (account_id);

CREATE TABLE alerts (
    id           UUID         PRIMARY KEY,
    account_id   UUID         NOT NULL,
    rule_id      UUID         NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    subject      VARCHAR(80),
    subject_name VARCHAR(200),
    detail       VARCHAR(200),
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    dismissed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alerts_inbox ON alerts (account_id, dismissed_at, raised_at);
