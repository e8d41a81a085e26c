package dev.parley.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.common.NotFoundException;
import dev.parley.identity.SignInLock.Scope;
import dev.parley.identity.internal.AccountStore;
import dev.parley.identity.internal.ThrottleStore;
import dev.parley.identity.internal.ThrottleStore.Key;

/**
 * Slows down guessing: every sign-in adapter (the form, API tokens, SIP digest) asks {@link #refusal} before it
 * checks a secret, and reports each wrong one ({@link #failed}) and each right one ({@link #succeeded}). Failures
 * are counted per account from one address, per account from anywhere and per address (settings in
 * {@link IdentitySettings.Throttle}); past the free ones, each failure locks its key for a while, twice as long as
 * the last, never longer than the longest delay. A lock ends by itself or when an administrator lifts it, and a
 * guesser at one address locks only that address out of the account (others reach it until a spread-out attack
 * passes the per-account count). Unknown usernames are counted like known ones, so a lock says nothing of who has
 * an account. Counts live in the database, so every node sees every failure; each failure, lock and lift goes into
 * the audit trail.
 * <p>
 * A node keeps what it read of a username and address for {@code check-ttl} (a request that follows reads no
 * table); its own failures and lifts forget that at once, so only a lock made on another node is seen up to
 * {@code check-ttl} late there.
 */
@Service
public class SignInThrottle {

	/** How the secret was presented. */
	public enum Channel {
		FORM("the sign-in form"), TOKEN("an API token"), SIP("SIP digest");

		private final String text;

		Channel(String text) {
			this.text = text;
		}
	}

	private static final int MAX_KEPT = 10_000;

	private record Kept(ThrottleStore.State state, long readAt) {

		Instant lockedUntil() {
			return state.lockedUntil();
		}
	}

	private final ThrottleStore store;
	private final AccountStore accounts;
	private final AuditLog audit;
	private final TransactionTemplate ownTransaction;
	private final IdentitySettings.Throttle settings;
	private final Clock clock;
	private final Map<String, Kept> kept = new ConcurrentHashMap<>();
	private final AtomicLong lastPurge = new AtomicLong();

	SignInThrottle(ThrottleStore store, AccountStore accounts, AuditLog audit, PlatformTransactionManager transactions,
			IdentitySettings settings, Optional<Clock> clock) {
		this.store = store;
		this.accounts = accounts;
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings.throttle();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * How long sign-ins as this username (null when the secret names no account, as a bearer token) from this
	 * address are refused, if they are: ask before checking the secret, and refuse without checking it. Asked on every
	 * API request, so not through a transactional proxy: the kept answer is a map read, a missing one one statement.
	 */
	public Optional<Duration> refusal(String username, String source) {
		Instant now = Instant.now(clock);
		String memo = usernameKey(username) + "\n" + source(source);
		long nanos = System.nanoTime();
		Kept k = kept.get(memo);
		if (k == null || nanos - k.readAt() >= settings.checkTtl().toNanos()) {
			k = new Kept(store.read(keys(username, source), now), nanos);
			if (kept.size() >= MAX_KEPT) {
				kept.clear();
			}
			if (!settings.checkTtl().isZero() && !settings.checkTtl().isNegative()) {
				kept.put(memo, k);
			}
		}
		return k.lockedUntil() == null || !k.lockedUntil().isAfter(now) ? Optional.empty()
				: Optional.of(roundUp(Duration.between(now, k.lockedUntil())));
	}

	/** A wrong secret: counts it against every key it touches, locks those past their free failures, audits both. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void failed(String username, String source, Channel channel) {
		Instant now = Instant.now(clock);
		kept.clear();
		List<Key> locked = new ArrayList<>();
		Instant latest = null;
		for (Key key : keys(username, source)) {
			Duration window = key.scope() == Scope.ACCOUNT ? settings.accountWindow() : settings.window();
			int failures = store.fail(key, now, now.minus(window));
			int excess = failures - free(key.scope());
			if (excess > 0) {
				Instant until = now.plus(delay(excess));
				store.lock(key, until);
				locked.add(key);
				latest = latest == null || until.isAfter(latest) ? until : latest;
			}
		}
		Optional<Account> account = username == null ? Optional.empty() : accounts.findByUsername(username);
		String entity = username == null ? "api-token" : account.map(Account::username).orElse("unknown username");
		UUID subject = account.map(a -> a.id().value()).orElse(null);
		String from = channel.text + " from " + source(source);
		Instant until = latest;
		ownTransaction.executeWithoutResult(s -> {
			audit.record(AuditChange.of(null, subject, "sign-in", entity, "sign-in-failed").field("source", null, from));
			if (until != null) {
				audit.record(AuditChange.of(null, subject, "sign-in", entity, "sign-in-locked")
					.field("locked-until", null, until + " (" + describe(locked, entity) + ")"));
			}
		});
		purgeNowAndThen(now);
	}

	/** A right secret: the account's counts start again (the address's does not: it may be guessing others). */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void succeeded(String username, String source) {
		if (username == null || usernameKey(username).isEmpty()) {
			return;
		}
		String memo = usernameKey(username) + "\n" + source(source);
		Kept k = kept.get(memo);
		if (k != null && !k.state().accountCounted() && System.nanoTime() - k.readAt() < settings.checkTtl().toNanos()) {
			return; // nothing counted when this node read it, and every failure here since would have forgotten the read
		}
		store.clear(new Key(Scope.ACCOUNT_SOURCE, usernameKey(username), source(source)));
		store.clear(new Key(Scope.ACCOUNT, usernameKey(username), ""));
		kept.remove(memo);
	}

	/** Every lock in force now, the longest first. */
	public List<SignInLock> locks() {
		return store.locked(Instant.now(clock));
	}

	/** Lifts a lock and forgets its count (audited under the administrator's name). */
	@Transactional
	public void lift(AccountId admin, Scope scope, String username, String source) {
		if (scope == null) {
			throw new NotFoundException("lock");
		}
		var key = new Key(scope, scope == Scope.SOURCE ? "" : usernameKey(username), scope == Scope.ACCOUNT ? "" : source(source));
		if (!store.clear(key)) {
			throw new NotFoundException("lock");
		}
		kept.clear();
		Optional<Account> account = key.usernameKey().isEmpty() ? Optional.empty() : accounts.findByUsername(key.usernameKey());
		String entity = key.usernameKey().isEmpty() ? key.source() : account.map(Account::username).orElse(key.usernameKey());
		audit.record(AuditChange.of(admin, account.map(a -> a.id().value()).orElse(null), "sign-in", entity,
				"sign-in-lock-lifted").field("lock", describe(List.of(key), entity), null));
	}

	private List<Key> keys(String username, String source) {
		String user = usernameKey(username);
		String from = source(source);
		List<Key> keys = new ArrayList<>(3);
		if (!user.isEmpty()) {
			keys.add(new Key(Scope.ACCOUNT_SOURCE, user, from));
			keys.add(new Key(Scope.ACCOUNT, user, ""));
		}
		keys.add(new Key(Scope.SOURCE, "", from));
		return keys;
	}

	private int free(Scope scope) {
		return switch (scope) {
			case ACCOUNT_SOURCE -> settings.perAccountAndSource();
			case ACCOUNT -> settings.perAccount();
			case SOURCE -> settings.perSource();
		};
	}

	/** The first delay doubled for each failure past the first locked one, at most the longest delay. */
	Duration delay(int excess) {
		int doublings = Math.min(excess - 1, 30);
		Duration d = settings.firstDelay().multipliedBy(1L << doublings);
		return d.compareTo(settings.longestDelay()) > 0 ? settings.longestDelay() : d;
	}

	private void purgeNowAndThen(Instant now) {
		long minute = now.toEpochMilli() / 60_000;
		if (lastPurge.getAndSet(minute) != minute) {
			Duration longest = settings.window().compareTo(settings.accountWindow()) > 0 ? settings.window()
					: settings.accountWindow();
			store.purge(now.minus(longest), now);
		}
	}

	/** The case-blind username as counted ("" when none fits the column: such a name has no account either). */
	private static String usernameKey(String username) {
		if (username == null || username.isBlank()) {
			return "";
		}
		String key = AccountStore.key(username);
		return key.length() > 100 ? key.substring(0, 100) : key;
	}

	private static String source(String source) {
		return source == null ? "" : source.length() > 64 ? source.substring(0, 64) : source;
	}

	private static Duration roundUp(Duration d) {
		return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
	}

	/** The keys for the audit trail, the username as {@code user} says it (never an unknown username as typed). */
	private static String describe(List<Key> keys, String user) {
		return String.join(", ", keys.stream().map(k -> switch (k.scope()) {
			case ACCOUNT_SOURCE -> user + " from " + k.source();
			case ACCOUNT -> user;
			case SOURCE -> "address " + k.source();
		}).toList());
	}
}
