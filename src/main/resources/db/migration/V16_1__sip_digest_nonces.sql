-- sip: digest nonces that no captured Authorization can be used with twice, on any node (docs/sip.md, "Digest nonces").
-- The key every node signs its nonces with (one row, made by the first node that starts; base64url of 32 random bytes).
CREATE TABLE sip_digest_keys (
    id          INT          PRIMARY KEY,
    secret      VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The highest nonce-count each nonce was used with (RFC 7616 s3.4, RFC 3261 s22.4): a request is taken only when its
-- nc is higher, decided by a conditional write. A row is written only for a request whose digest was right, and
-- goes once its nonce has expired.
CREATE TABLE sip_digest_nonces (
    nonce       VARCHAR(64)  PRIMARY KEY,
    nc          BIGINT       NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sip_digest_nonces_expires_idx ON sip_digest_nonces (expires_at);
