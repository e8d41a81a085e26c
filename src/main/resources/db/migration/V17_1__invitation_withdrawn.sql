-- A customer may withdraw their own pending request for an agent (to stop waiting, to go to a queue instead, or to
-- ask another agent): state WITHDRAWN, answered_by the customer, interaction_id the queued contact they went to
-- (NULL when they only withdrew it). Decided like every answer, by UPDATE ... WHERE state = 'PENDING'.
ALTER TABLE invitations DROP CONSTRAINT invitations_state_ck;
ALTER TABLE invitations ADD CONSTRAINT invitations_state_ck
    CHECK (state IN ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'));
