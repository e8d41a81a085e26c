package dev.parley.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * How many accounts one address may open by registering ({@code parley.security.registrations-per-hour}, default
 * 10, refilled evenly over the hour): the page and the API ask {@link #refusal} before a registration and
 * {@link #opened} after one succeeds, so a form refused for a typo costs nothing. Per node, in memory (a token
 * bucket per address, forgotten when more than 50,000 addresses are kept): with several nodes an address gets each
 * node's allowance, which still bounds a flood.
 */
@Component
public class RegistrationLimit {

	private static final int MAX_SOURCES = 50_000;

	private final int perHour;

	private final Map<String, Bucket> bySource = new ConcurrentHashMap<>();

	RegistrationLimit(@Value("${parley.security.registrations-per-hour:10}") int perHour) {
		this.perHour = Math.max(1, perHour);
	}

	/** How long this address must wait before it may register again, if it must. */
	public Optional<Duration> refusal(String source) {
		Bucket bucket = bySource.get(key(source));
		if (bucket == null || bucket.getAvailableTokens() >= 1) {
			return Optional.empty();
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Optional.of(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
	}

	/** An account was opened from this address. */
	public void opened(String source) {
		if (bySource.size() >= MAX_SOURCES) {
			bySource.clear();
		}
		bySource.computeIfAbsent(key(source), k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build())
			.tryConsume(1);
	}

	private static String key(String source) {
		return source == null ? "?" : source;
	}
}
