-- Who may write in a chat now, kept by the chat in the transaction of each step of its interaction (queued,
-- connected, transferred, ended, closed, abandoned): a message is numbered only while its sender may write, decided by
-- the same conditional update that numbers it. A thread made before this version fills them in from its interaction
-- at its next message.
ALTER TABLE chat_threads ADD COLUMN customer_id UUID;
ALTER TABLE chat_threads ADD COLUMN agent_id UUID;
ALTER TABLE chat_threads ADD COLUMN customer_writes BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE chat_threads ADD COLUMN agent_writes BOOLEAN DEFAULT FALSE NOT NULL;
