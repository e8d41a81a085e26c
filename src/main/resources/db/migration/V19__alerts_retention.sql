-- Alerts (module alerts) are pruned: raised longer ago than parley.alerts.retention, or dismissed longer ago than
-- parley.alerts.dismissed-retention. Each node's sweep finds them by these indexes, a bounded batch at a time.
CREATE INDEX alerts_raised ON alerts (raised_at);
CREATE INDEX alerts_dismissed ON alerts (dismissed_at);
