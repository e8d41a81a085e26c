-- sip: what the SIP SIMPLE adapter keeps across a restart (docs/sip.md, decision 0006).
-- One row per subscription dialog (presence, presence.winfo): enough to send an in-dialog NOTIFY without the stack.
-- cseq_reserved: every CSeq Parley sent in the dialog is below it (reserved in blocks); route_set: one per line.
CREATE TABLE sip_subscriptions (
    dialog_key     VARCHAR(530)  PRIMARY KEY,
    call_id        VARCHAR(400)  NOT NULL,
    local_tag      VARCHAR(128)  NOT NULL,
    local_uri      VARCHAR(600)  NOT NULL,
    remote_tag     VARCHAR(128)  NOT NULL,
    remote_uri     VARCHAR(600)  NOT NULL,
    remote_target  VARCHAR(600)  NOT NULL,
    route_set      VARCHAR(2000) NOT NULL,
    transport      VARCHAR(8)    NOT NULL,
    cseq_reserved  BIGINT        NOT NULL,
    event_package  VARCHAR(32)   NOT NULL,
    event_id       VARCHAR(64),
    account_id     UUID          NOT NULL,
    watcher_uri    VARCHAR(300)  NOT NULL,
    watcher_class  VARCHAR(16)   NOT NULL,
    presentity     VARCHAR(200)  NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_state     VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sip_subscriptions_expires_idx ON sip_subscriptions (expires_at);

-- One row per PUBLISH publication (RFC 3903): its current entity tag, presentity, tuples as PIDF, expiry.
CREATE TABLE sip_publications (
    etag        VARCHAR(64)     PRIMARY KEY,
    presentity  VARCHAR(200)    NOT NULL,
    pidf        VARCHAR(100000) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
