-- Invitations (module invitations): an agent invites a customer, or a customer asks for a named agent. Each row
-- is the whole record of one invitation and its outcome (who, when, medium, topic, accepted or not, by whom).
-- Its answer is decided once by a conditional write (UPDATE ... WHERE state = 'PENDING' AND expires_at > now).
-- open_pair is "<customer>:<agent>" while the invitation is pending and NULL once it is answered or expired: the
-- unique constraint lets at most one open invitation exist per customer and agent, whichever node writes it
-- (NULLs do not collide, on H2 and PostgreSQL alike).
CREATE TABLE invitations (
    id             UUID         PRIMARY KEY,
    direction      VARCHAR(20)  NOT NULL,
    customer_id    UUID         NOT NULL,
    agent_id       UUID         NOT NULL,
    medium         medium       NOT NULL,
    topic          VARCHAR(200),
    order_number   VARCHAR(40),
    product_id     UUID,
    state          VARCHAR(10)  NOT NULL,
    open_pair      VARCHAR(80),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE,
    answered_by    UUID,
    interaction_id UUID,
    version        BIGINT       NOT NULL,
    CONSTRAINT invitations_open_pair_uk UNIQUE (open_pair),
    CONSTRAINT invitations_direction_ck CHECK (direction IN ('TO_CUSTOMER', 'TO_AGENT')),
    CONSTRAINT invitations_state_ck CHECK (state IN ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED'))
);
CREATE INDEX invitations_customer ON invitations (customer_id, created_at);
CREATE INDEX invitations_agent ON invitations (agent_id, created_at);
CREATE INDEX invitations_pending ON invitations (state, expires_at);
