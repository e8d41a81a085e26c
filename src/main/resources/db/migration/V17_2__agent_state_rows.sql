-- Every agent has a state row from the moment they are hired (logged out), so setting a state is always an update of
-- a locked row: two first changes at once no longer race to insert it.
INSERT INTO agent_states (agent_id, state, reason, since, version)
SELECT a.id, 'LOGGED_OUT', NULL, CURRENT_TIMESTAMP, 0 FROM agents a
WHERE NOT EXISTS (SELECT 1 FROM agent_states s WHERE s.agent_id = a.id);
