package dev.parley.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.parley.alerts.internal.AlertStore;
import dev.parley.alerts.internal.RuleIndex;
import dev.parley.common.NotFoundException;

/**
 * Alert rules and the alert inbox of one account. Rules are replaced as a whole set (checked first, every field;
 * nothing stored when one is wrong) and filed in this node's {@link RuleIndex} once they are committed. Alerts are
 * raised from events ({@code AlertTriggers}), kept in the inbox until dismissed.
 */
@Service
public class Alerts implements SmartInitializingSingleton {

	/** How many alerts the inbox lists at most (newest first). */
	public static final int INBOX = 100;

	private final AlertStore store;
	private final RuleIndex index;
	private final AlertRuleCheck check;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Alerts(AlertStore store, RuleIndex index, AlertRuleCheck check, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.store = store;
		this.index = index;
		this.check = check;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public void afterSingletonsInstantiated() {
		index.load(store.allRules());
	}

	public List<AlertRule> rules(UUID account, AlertSide side) {
		return store.rules(account, side);
	}

	/** The account's rules of the side become {@code input}: all checked before any is stored. */
	@Transactional
	public List<AlertRule> replaceRules(UUID account, AlertSide side, List<NewAlertRule> input) {
		List<AlertRule> rules = check.check(account, side, input, clock.instant());
		store.replaceRules(account, side, rules);
		afterCommit(() -> index.replace(account, side, rules));
		return rules;
	}

	/** The account's alerts not dismissed, newest first. */
	public List<Alert> inbox(UUID account) {
		return store.inbox(account, INBOX);
	}

	/** How many alerts wait in the account's inbox. */
	public int unread(UUID account) {
		return store.unread(account);
	}

	/** Takes one of the account's alerts out of the inbox; another account's, or one dismissed already, is 404. */
	@Transactional
	public Alert dismiss(UUID account, AlertId id) {
		Instant now = clock.instant();
		if (!store.dismiss(account, id, now)) {
			throw new NotFoundException("alert");
		}
		Alert a = store.find(account, id).orElseThrow();
		events.publishEvent(new AlertRaised(a.id(), account, a.kind(), a.text(), true, now));
		return a;
	}

	/** Stores what the matches raise (each once, whatever the redeliveries) and announces the new ones. */
	@Transactional
	void raise(List<AlertMatcher.Match> matches, Instant at) {
		for (AlertMatcher.Match m : matches) {
			AlertRule r = m.rule();
			Alert a = new Alert(AlertId.of(r.id(), m.eventKey()), r.account(), r.id(), r.kind(), r.subject(),
					m.subjectName(), m.detail(), at, null);
			if (store.insert(a)) {
				events.publishEvent(new AlertRaised(a.id(), a.account(), a.kind(), a.text(), false, at));
			}
		}
	}

	/** How many rules this node holds. */
	public int ruleCount() {
		return index.size();
	}

	private static void afterCommit(Runnable task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			task.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				task.run();
			}
		});
	}
}
