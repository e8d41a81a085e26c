package dev.parley.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Receipts;
import dev.parley.chat.Sender;
import dev.parley.common.Databases;
import dev.parley.routing.InteractionId;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * chat_threads and chat_messages. A sequence number is given by raising the thread's {@code last_seq} in the
 * sender's transaction, only where the sender may write now (the thread keeps who may: {@link ThreadParticipants}):
 * the row stays locked until commit, so two senders on two nodes get two numbers, and the primary key
 * (interaction, seq) would refuse a second message with the same one. On PostgreSQL the messages that arrive together
 * are numbered and committed together ({@link GroupCommit}); elsewhere each in a transaction of its own.
 */
@Repository
public class ChatStore implements DisposableBean {

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final GroupCommit groups;

	private final TransactionTemplate tx;

	ChatStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.postgres = Databases.isPostgres(dataSource);
		this.groups = postgres ? new GroupCommit(dataSource) : null;
	}

	/** Registers the group committer's meters (PostgreSQL only: elsewhere there is none). */
	void bindMetrics(MeterRegistry registry) {
		if (groups != null) {
			groups.bind(registry);
		}
	}

	@Override
	public void destroy() {
		if (groups != null) {
			groups.close();
		}
	}

	/** A message numbered in its chat, and the chat's customer and agent (from its thread) to tell. */
	public record Appended(long seq, UUID customer, UUID agent) {
	}

	/**
	 * Numbers and stores the message, if its sender may write in the chat now, and returns once it is committed: null
	 * when they may not (or the interaction has no thread, or, on PostgreSQL, the message's client id is stored
	 * already). On PostgreSQL with the others that arrive meanwhile ({@link GroupCommit}); elsewhere in a transaction
	 * (the caller's, if it has one), where a client id stored before fails the insert
	 * ({@code DuplicateKeyException}), which takes the number back with the transaction.
	 */
	public Appended append(ChatMessage m) {
		return postgres ? groups.append(m) : tx.execute(s -> appendAlone(m));
	}

	private Appended appendAlone(ChatMessage m) {
		if (m.sender() == Sender.SYSTEM) {
			return null;
		}
		String may = m.sender() == Sender.CUSTOMER ? " AND customer_id = ? AND customer_writes"
				: " AND agent_id = ? AND agent_writes";
		int rows = jdbc.sql("UPDATE chat_threads SET last_seq = last_seq + 1 WHERE interaction_id = ?" + may)
			.params(m.interaction().value(), m.senderId()).update();
		if (rows == 0) {
			return null;
		}
		Appended appended = jdbc.sql("SELECT last_seq, customer_id, agent_id FROM chat_threads WHERE interaction_id = ?")
			.param(m.interaction().value())
			.query((rs, n) -> new Appended(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
			.single();
		insert(new ChatMessage(m.interaction(), appended.seq(), m.sender(), m.senderId(), m.senderName(), m.body(),
				m.clientId(), m.sentAt()));
		return appended;
	}

	/**
	 * Who may write in the chat now, in the transaction of its interaction's step: the thread is made if
	 * {@code create} and it has none yet, else only an existing one changes.
	 */
	public void participants(InteractionId id, UUID customer, UUID agent, boolean customerWrites, boolean agentWrites,
			boolean create) {
		int rows = jdbc.sql("""
				UPDATE chat_threads SET customer_id = ?, agent_id = ?, customer_writes = ?, agent_writes = ?
				WHERE interaction_id = ?""").params(customer, agent, customerWrites, agentWrites, id.value()).update();
		if (rows == 0 && create) {
			insertThread(id, customer, agent, customerWrites, agentWrites, false);
		}
	}

	/**
	 * Who may write, from the interaction just read, for a thread that does not know yet (made before the chat kept
	 * it); makes the thread if there is none. A thread that knows is left as it is: its interaction's steps keep it.
	 * In a transaction of its own.
	 */
	public void adopt(InteractionId id, UUID customer, UUID agent, boolean customerWrites, boolean agentWrites) {
		int rows = jdbc.sql("""
				UPDATE chat_threads SET customer_id = ?, agent_id = ?, customer_writes = ?, agent_writes = ?
				WHERE interaction_id = ? AND customer_id IS NULL""")
			.params(customer, agent, customerWrites, agentWrites, id.value()).update();
		if (rows == 0) {
			insertThread(id, customer, agent, customerWrites, agentWrites, true);
		}
	}

	/** A new thread; one made meanwhile by another is kept (PostgreSQL: without failing the transaction). */
	private void insertThread(InteractionId id, UUID customer, UUID agent, boolean customerWrites, boolean agentWrites,
			boolean keepExisting) {
		String columns = """
				INSERT INTO chat_threads (interaction_id, last_seq, customer_delivered_seq, customer_read_seq,
				agent_delivered_seq, agent_read_seq, customer_id, agent_id, customer_writes, agent_writes)
				VALUES (?, 0, 0, 0, 0, 0, ?, ?, ?, ?)""";
		if (postgres) {
			jdbc.sql(columns + (keepExisting ? " ON CONFLICT (interaction_id) DO NOTHING" : """
					 ON CONFLICT (interaction_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,
					agent_id = EXCLUDED.agent_id, customer_writes = EXCLUDED.customer_writes,
					agent_writes = EXCLUDED.agent_writes"""))
				.params(id.value(), customer, agent, customerWrites, agentWrites).update();
			return;
		}
		try {
			jdbc.sql(columns).params(id.value(), customer, agent, customerWrites, agentWrites).update();
		}
		catch (DuplicateKeyException e) {
			if (!keepExisting) { // made by a first message meanwhile: the step decides
				participants(id, customer, agent, customerWrites, agentWrites, false);
			}
		}
	}

	public void insert(ChatMessage m) {
		jdbc.sql("""
				INSERT INTO chat_messages (interaction_id, seq, sender, sender_id, sender_name, body, client_id, sent_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.interaction().value(), m.seq(), m.sender().name(), m.senderId(), m.senderName(), m.body(),
					m.clientId(), Timestamp.from(m.sentAt()))
			.update();
	}

	public Optional<ChatMessage> byClientId(InteractionId id, String clientId) {
		return jdbc.sql("SELECT * FROM chat_messages WHERE interaction_id = ? AND client_id = ?")
			.params(id.value(), clientId).query((rs, n) -> message(rs)).optional();
	}

	/** Messages after {@code after}, in order, at most {@code limit}. */
	public List<ChatMessage> after(InteractionId id, long after, int limit) {
		return jdbc.sql("SELECT * FROM chat_messages WHERE interaction_id = ? AND seq > ? ORDER BY seq LIMIT ?")
			.params(id.value(), after, limit).query((rs, n) -> message(rs)).list();
	}

	public Receipts receipts(InteractionId id) {
		return jdbc.sql("SELECT * FROM chat_threads WHERE interaction_id = ?").param(id.value())
			.query((rs, n) -> new Receipts(rs.getLong("last_seq"), rs.getLong("customer_delivered_seq"),
					rs.getLong("customer_read_seq"), rs.getLong("agent_delivered_seq"), rs.getLong("agent_read_seq")))
			.optional().orElse(Receipts.NONE);
	}

	/** Raises one side's delivered or read mark (never lowers it, never past the last message); true if it rose. */
	public boolean raise(InteractionId id, Sender side, boolean read, long upTo) {
		String column = (side == Sender.CUSTOMER ? "customer_" : "agent_") + (read ? "read_seq" : "delivered_seq");
		String alsoDelivered = read ? ", " + (side == Sender.CUSTOMER ? "customer_" : "agent_")
				+ "delivered_seq = CASE WHEN " + (side == Sender.CUSTOMER ? "customer_" : "agent_")
				+ "delivered_seq < ? THEN ? ELSE " + (side == Sender.CUSTOMER ? "customer_" : "agent_")
				+ "delivered_seq END" : "";
		var spec = jdbc.sql("UPDATE chat_threads SET " + column + " = ?" + alsoDelivered
				+ " WHERE interaction_id = ? AND " + column + " < ? AND last_seq >= ?");
		int rows = read ? spec.params(upTo, upTo, upTo, id.value(), upTo, upTo).update()
				: spec.params(upTo, id.value(), upTo, upTo).update();
		return rows == 1;
	}

	private static ChatMessage message(ResultSet rs) throws SQLException {
		return new ChatMessage(new InteractionId(rs.getObject("interaction_id", UUID.class)), rs.getLong("seq"),
				Sender.valueOf(rs.getString("sender")), rs.getObject("sender_id", UUID.class),
				rs.getString("sender_name"), rs.getString("body"), rs.getString("client_id"),
				rs.getTimestamp("sent_at").toInstant());
	}
}
