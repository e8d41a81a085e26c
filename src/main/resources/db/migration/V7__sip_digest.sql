-- identity: digest credentials (RFC 3261 s22 / RFC 7616 / RFC 8760). Passwords are kept as bcrypt, which a
-- digest cannot be checked against, so the digest HA1 = H(username:realm:secret) is kept for the configured
-- realm, one row per algorithm, for the account's password and for each API token (a token is a SIP password).
CREATE TABLE digest_credentials (
    id         UUID PRIMARY KEY,
    account_id UUID         NOT NULL REFERENCES accounts (id),
    token_id   UUID         REFERENCES api_tokens (id),
    realm      VARCHAR(100) NOT NULL,
    algorithm  VARCHAR(20)  NOT NULL,
    ha1        VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT digest_credentials_algorithm_ck CHECK (algorithm IN ('MD5', 'SHA-256'))
);
CREATE INDEX digest_credentials_account_idx ON digest_credentials (account_id, realm, algorithm);
