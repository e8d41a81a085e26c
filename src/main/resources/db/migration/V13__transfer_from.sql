-- Who last transferred an interaction away: routing does not offer it back to them.
ALTER TABLE interactions ADD COLUMN transferred_from UUID;
