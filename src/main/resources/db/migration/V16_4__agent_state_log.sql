-- Every change of an agent's routing state (module agent), written in the transaction that changes agent_states:
-- the supervisor's state history of an agent (time ready, busy, in wrap-up, not ready by reason, logged out).
CREATE TABLE agent_state_log (
    agent_id   UUID         NOT NULL,
    since      TIMESTAMP WITH TIME ZONE NOT NULL,
    seq        BIGINT       NOT NULL,
    state      VARCHAR(12)  NOT NULL,
    reason     VARCHAR(20),
    PRIMARY KEY (agent_id, since, seq),
    CONSTRAINT agent_state_log_state_ck CHECK (state IN ('LOGGED_OUT', 'NOT_READY', 'READY', 'BUSY', 'WRAP_UP'))
);
CREATE SEQUENCE agent_state_log_seq;
