package dev.parley.presence;

import java.util.UUID;

/** Where a principal's stored access and visibility choices come from (the database, behind a cache). */
public interface PrivacyRuleSource {

	PrivacyRules rules(UUID principal);

	/** Stores a rule for one watcher (an approval or a denial turned into a rule, RFC 5025). */
	void remember(UUID principal, WatcherRule rule);
}
