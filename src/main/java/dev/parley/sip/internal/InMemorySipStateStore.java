package dev.parley.sip.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@link SipStateStore} in memory: every write done at once, on the caller's thread. */
final class InMemorySipStateStore implements SipStateStore {

	private final Map<String, StoredSubscription> subscriptions = new ConcurrentHashMap<>();

	private final Map<String, StoredPublication> publications = new ConcurrentHashMap<>();

	@Override
	public void create(StoredSubscription subscription, Consumer<Boolean> stored) {
		subscriptions.put(subscription.key(), subscription);
		stored.accept(true);
	}

	@Override
	public void update(StoredSubscription subscription) {
		subscriptions.computeIfPresent(subscription.key(), (k, old) -> subscription);
	}

	@Override
	public void refresh(StoredSubscription subscription, Consumer<Boolean> stored) {
		update(subscription);
		stored.accept(true);
	}

	@Override
	public void delete(String dialogKey) {
		subscriptions.remove(dialogKey);
	}

	@Override
	public void savePublication(StoredPublication publication, String replaces) {
		if (replaces != null) {
			publications.remove(replaces);
		}
		publications.put(publication.etag(), publication);
	}

	@Override
	public void deletePublication(String etag) {
		publications.remove(etag);
	}

	@Override
	public List<StoredSubscription> subscriptions() {
		return List.copyOf(subscriptions.values());
	}

	@Override
	public List<StoredPublication> publications() {
		return List.copyOf(publications.values());
	}

	@Override
	public void flush() {
	}
}
