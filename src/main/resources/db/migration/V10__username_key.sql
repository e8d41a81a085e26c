-- identity: sign-in and SIP digest find an account by its username whatever the case, through an index
-- (LOWER(username) in a WHERE clause scanned every account on each sign-in and each SIP request).
ALTER TABLE accounts ADD COLUMN username_key VARCHAR(100);
UPDATE accounts SET username_key = LOWER(username);
ALTER TABLE accounts ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX accounts_username_key_uk ON accounts (username_key);
