-- One account per e-mail address (module customer): the address a customer registered with, lower case, unique,
-- so two registrations with one address cannot both commit (on any node). Rows from before stay empty; they are
-- still found through their capabilities. A widget visitor's record (opened from the chat widget with an e-mail
-- nobody verified) does not hold its address against a registration.
ALTER TABLE customers ADD COLUMN registered_email VARCHAR(254);
CREATE UNIQUE INDEX customers_registered_email ON customers (registered_email);
ALTER TABLE customers ADD COLUMN visitor BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE customers SET visitor = TRUE WHERE id IN (SELECT id FROM accounts WHERE username LIKE 'visitor-%');
