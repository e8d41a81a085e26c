package dev.parley.chat.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Chat messages numbered and stored together on PostgreSQL: the messages that arrive while one group is being
 * committed make the next group, numbered and stored by two statements whatever its size (lock its chats' threads,
 * with its client ids they hold already; raise the threads and insert the messages) and committed once. Every
 * sender waits for the commit of its group, so a message is durable before it is acknowledged, as before; but a second
 * of 2,000 messages costs the database tens of commits (flushes of its log to disk), not 2,000. A commit took more of
 * the database's CPU than the statement (measured: 2,000 one-message transactions a second cost it 70-85% of a core,
 * the same messages five to a transaction 45%).
 * <p>
 * A group locks its chats' rows in the order of their interaction ids, so two nodes committing groups at once cannot
 * deadlock; a chat's messages are numbered in the order they came. A client id stored before is not stored again
 * (it gets no number). If the group's transaction fails anyway (two nodes storing one client id at once, a value the
 * table refuses), each message of it is stored in a transaction of its own, so that one bad message fails alone, with
 * the database's error. (One statement for the whole group, joining arrays in SQL, was tried first: the planner,
 * expecting ten rows from the arrays, joined them by nested loops, and a group of a few hundred cost the database tens
 * of milliseconds.)
 */
final class GroupCommit implements AutoCloseable {

	static final int MAX_GROUP = 256;
	private static final long WAIT_SECONDS = 30;

	/**
	 * The group's threads, locked in the order of their interaction ids, each with those of the group's client ids it
	 * holds already: each (chat, client id) pair of the group looked up by the unique index on both. (It was the
	 * thread's messages filtered by all the group's client ids: the index then served the chat only, and every group
	 * read every message of its chats, a cost that grew with each chat's length: 23 ms for a group of 32 chats of 330
	 * messages, 2.3 ms now.)
	 */
	static final String THREADS = """
			SELECT t.interaction_id, t.last_seq, t.customer_id, t.agent_id, t.customer_writes, t.agent_writes,
			(SELECT array_agg(m.client_id) FROM unnest(?::uuid[], ?::varchar[]) AS c(interaction_id, client_id)
			JOIN chat_messages m ON m.interaction_id = c.interaction_id AND m.client_id = c.client_id
			WHERE c.interaction_id = t.interaction_id) FROM chat_threads t
			WHERE t.interaction_id = ANY (?) ORDER BY t.interaction_id FOR UPDATE OF t""";

	/** The threads raised to their last numbers and the messages inserted, from arrays. */
	static final String WRITE = """
			WITH raised AS (UPDATE chat_threads t SET last_seq = v.last_seq
			FROM unnest(?::uuid[], ?::bigint[]) AS v(interaction_id, last_seq) WHERE t.interaction_id = v.interaction_id
			RETURNING 1)
			INSERT INTO chat_messages (interaction_id, seq, sender, sender_id, sender_name, body, client_id, sent_at)
			SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[],
			?::varchar[], ?::timestamptz[])""";

	/** A message waiting for its group's commit (since {@code queuedAt}, nanoseconds), and its number once committed. */
	record Pending(ChatMessage message, CompletableFuture<ChatStore.Appended> result, long queuedAt) {

		Pending(ChatMessage message) {
			this(message, new CompletableFuture<>(), System.nanoTime());
		}
	}

	/** What the committer measures, once metrics are bound ({@link #bind}). */
	private record Meters(Timer commit, DistributionSummary size, Timer waited) {
	}

	private volatile Meters meters;

	private final DataSource dataSource;
	private final SQLExceptionTranslator errors;
	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final Thread committer;
	private volatile boolean closed;

	GroupCommit(DataSource dataSource) {
		this.dataSource = dataSource;
		this.errors = new SQLErrorCodeSQLExceptionTranslator(dataSource);
		this.committer = new Thread(this::run, "chat-commit");
		this.committer.setDaemon(true);
		this.committer.start();
	}

	/**
	 * Registers the committer's meters: {@code parley.chat.commit} (a group's time on the database, its statements and
	 * commit), {@code parley.chat.commit.messages} (messages per group) and {@code parley.chat.commit.wait} (a
	 * message's time from its arrival at the committer to its group's commit: what its sender waits), the timers with
	 * histogram buckets so that a scraper can take percentiles over any window.
	 */
	void bind(MeterRegistry registry) {
		meters = new Meters(
				Timer.builder("parley.chat.commit").description("a group of chat messages' statements and commit")
					.publishPercentileHistogram().register(registry),
				DistributionSummary.builder("parley.chat.commit.messages").description("chat messages per committed group")
					.register(registry),
				Timer.builder("parley.chat.commit.wait")
					.description("a chat message's wait from its arrival at the committer to its group's commit")
					.publishPercentileHistogram().register(registry));
	}

	/**
	 * Numbers and stores the message once its group is committed: its number and chat, or null when its sender may not
	 * write in the chat now (or it has no thread yet, or the message's client id is stored already).
	 */
	ChatStore.Appended append(ChatMessage message) {
		if (closed) {
			throw new DataAccessResourceFailureException("Chat messages are not taken while the application stops");
		}
		var pending = new Pending(message);
		queue.add(pending);
		try {
			return pending.result.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new DataAccessResourceFailureException("Chat message not stored", e.getCause());
		}
		catch (TimeoutException e) {
			throw new DataAccessResourceFailureException("Chat message not stored within " + WAIT_SECONDS + " s");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while the chat message was stored");
		}
	}

	private void run() {
		List<Pending> group = new ArrayList<>(MAX_GROUP);
		while (!closed || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, MAX_GROUP - 1);
				long start = System.nanoTime();
				commit(group);
				measure(group, start);
			}
			catch (InterruptedException e) {
				// nothing interrupts it: close() lets it store what is queued and stop
			}
			catch (RuntimeException | Error e) {
				group.forEach(p -> p.result.completeExceptionally(e));
			}
			finally {
				group.clear();
			}
		}
	}

	private void measure(List<Pending> group, long start) {
		Meters m = meters;
		if (m == null) {
			return;
		}
		long end = System.nanoTime();
		m.commit.record(end - start, TimeUnit.NANOSECONDS);
		m.size.record(group.size());
		for (Pending p : group) {
			m.waited.record(end - p.queuedAt, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Stores a group in one transaction (two statements whatever its size, and the commit: each a round trip, which
	 * cost the database more CPU than the work in it); if that fails, each message of it in a transaction of its own,
	 * so that one bad message fails alone.
	 */
	void commit(List<Pending> group) {
		if (group.isEmpty()) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				ChatStore.Appended[] numbers;
				try {
					numbers = number(connection, group);
					connection.commit();
				}
				catch (SQLException e) {
					connection.rollback();
					for (Pending p : group) {
						try {
							ChatStore.Appended one = number(connection, List.of(p))[0];
							connection.commit();
							p.result.complete(one);
						}
						catch (SQLException alone) {
							connection.rollback();
							p.result.completeExceptionally(translate(alone));
						}
					}
					return;
				}
				for (int i = 0; i < numbers.length; i++) {
					group.get(i).result.complete(numbers[i]);
				}
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			DataAccessException failure = translate(e);
			group.forEach(p -> p.result.completeExceptionally(failure));
		}
	}

	/** A thread as locked: its last number (raised as the group is numbered) and who may write. */
	private static final class Locked {
		long last;
		final long first;
		final UUID customer;
		final UUID agent;
		final boolean customerWrites;
		final boolean agentWrites;

		Locked(long last, UUID customer, UUID agent, boolean customerWrites, boolean agentWrites) {
			this.last = last;
			this.first = last;
			this.customer = customer;
			this.agent = agent;
			this.customerWrites = customerWrites;
			this.agentWrites = agentWrites;
		}

		boolean writes(ChatMessage m) {
			return m.sender() == Sender.CUSTOMER ? customerWrites && m.senderId() != null && m.senderId().equals(customer)
					: m.sender() == Sender.AGENT && agentWrites && m.senderId() != null && m.senderId().equals(agent);
		}
	}

	/**
	 * Numbers and stores the group's messages in the connection's transaction, in the group's order (null: not
	 * stored): the threads are locked first (in interaction order, so two nodes' groups cannot deadlock), so the
	 * numbers and who may write are decided under the locks, on any node.
	 */
	private static ChatStore.Appended[] number(Connection connection, List<Pending> group) throws SQLException {
		int n = group.size();
		Map<UUID, Locked> threads = new HashMap<>();
		Set<UUID> ids = new LinkedHashSet<>();
		List<UUID> clientChats = new ArrayList<>();
		List<String> clients = new ArrayList<>();
		for (Pending p : group) {
			ids.add(p.message.interaction().value());
			if (p.message.clientId() != null) {
				clientChats.add(p.message.interaction().value());
				clients.add(p.message.clientId());
			}
		}
		Set<String> stored = new HashSet<>();
		try (PreparedStatement lock = connection.prepareStatement(THREADS)) {
			lock.setArray(1, connection.createArrayOf("uuid", clientChats.toArray()));
			lock.setArray(2, connection.createArrayOf("varchar", clients.toArray()));
			lock.setArray(3, connection.createArrayOf("uuid", ids.toArray()));
			try (ResultSet rows = lock.executeQuery()) {
				while (rows.next()) {
					UUID id = rows.getObject(1, UUID.class);
					threads.put(id, new Locked(rows.getLong(2), rows.getObject(3, UUID.class),
							rows.getObject(4, UUID.class), rows.getBoolean(5), rows.getBoolean(6)));
					java.sql.Array held = rows.getArray(7);
					if (held != null) {
						for (Object client : (Object[]) held.getArray()) {
							stored.add(id + "/" + client);
						}
					}
				}
			}
		}
		ChatStore.Appended[] numbers = new ChatStore.Appended[n];
		List<ChatMessage> insert = new ArrayList<>(n);
		List<Long> seqs = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			ChatMessage m = group.get(i).message;
			Locked thread = threads.get(m.interaction().value());
			if (thread == null || !thread.writes(m)
					|| (m.clientId() != null && !stored.add(m.interaction().value() + "/" + m.clientId()))) {
				continue; // may not write (or no thread), or its client id is stored already (or came earlier)
			}
			long seq = ++thread.last;
			numbers[i] = new ChatStore.Appended(seq, thread.customer, thread.agent);
			insert.add(m);
			seqs.add(seq);
		}
		if (insert.isEmpty()) {
			return numbers;
		}
		List<UUID> raised = new ArrayList<>();
		List<Long> lasts = new ArrayList<>();
		threads.forEach((id, t) -> {
			if (t.last != t.first) {
				raised.add(id);
				lasts.add(t.last);
			}
		});
		int k = insert.size();
		Object[] chats = new Object[k];
		String[] senders = new String[k];
		Object[] senderIds = new Object[k];
		String[] names = new String[k];
		String[] bodies = new String[k];
		String[] clientIds = new String[k];
		Timestamp[] times = new Timestamp[k];
		for (int i = 0; i < k; i++) {
			ChatMessage m = insert.get(i);
			chats[i] = m.interaction().value();
			senders[i] = m.sender().name();
			senderIds[i] = m.senderId();
			names[i] = m.senderName();
			bodies[i] = m.body();
			clientIds[i] = m.clientId();
			times[i] = Timestamp.from(m.sentAt());
		}
		try (PreparedStatement write = connection.prepareStatement(WRITE)) {
			write.setArray(1, connection.createArrayOf("uuid", raised.toArray()));
			write.setArray(2, connection.createArrayOf("bigint", lasts.toArray()));
			write.setArray(3, connection.createArrayOf("uuid", chats));
			write.setArray(4, connection.createArrayOf("bigint", seqs.toArray()));
			write.setArray(5, connection.createArrayOf("varchar", senders));
			write.setArray(6, connection.createArrayOf("uuid", senderIds));
			write.setArray(7, connection.createArrayOf("varchar", names));
			write.setArray(8, connection.createArrayOf("varchar", bodies));
			write.setArray(9, connection.createArrayOf("varchar", clientIds));
			write.setArray(10, connection.createArrayOf("timestamptz", times));
			write.executeUpdate();
		}
		return numbers;
	}

	private DataAccessException translate(SQLException e) {
		DataAccessException translated = errors.translate("chat messages", WRITE, e);
		return translated != null ? translated : new DataAccessResourceFailureException(e.getMessage(), e);
	}

	/** Stores what is queued, then takes no more. */
	@Override
	public void close() {
		closed = true;
		try {
			committer.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
