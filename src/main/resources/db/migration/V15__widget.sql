-- Web widget sessions (module widget): a visitor on a company's site who filled in the pre-chat form holds a
-- token (only its SHA-256 is kept) that reaches one interaction of one customer, until it expires.
CREATE TABLE widget_sessions (
    token_hash     VARCHAR(64)  PRIMARY KEY,
    customer_id    UUID         NOT NULL,
    interaction_id UUID         NOT NULL,
    origin         VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX widget_sessions_expiry ON widget_sessions (expires_at);
