-- Invitations in supervisors' reports (module reports reads them through invitations.InvitationOutcomes): a report
-- covers the invitations sent within a range of days, so it reads them by their sending time.
CREATE INDEX invitations_created ON invitations (created_at);
