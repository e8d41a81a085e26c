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

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Receipts;
import dev.parley.chat.Sender;
import dev.parley.common.Databases;
import dev.parley.routing.InteractionId;

/**
 * chat_threads and chat_messages. A sequence number is given by raising the thread's {@code last_seq} in the
 * sender's transaction: the row stays locked until commit, so two senders on two nodes get two numbers, and
 * the primary key (interaction, seq) would refuse a second message with the same one. On PostgreSQL the raise and
 * the insert are one statement ({@link #append}): one round trip, committed on its own, where the transaction took
 * four (update, read back, insert, commit), each a wake-up of the database's process and of a server thread.
 */
@Repository
public class ChatStore implements DisposableBean {

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final GroupCommit groups;

	ChatStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
		this.groups = postgres ? new GroupCommit(dataSource) : null;
	}

	@Override
	public void destroy() {
		if (groups != null) {
			groups.close();
		}
	}

	/** Whether {@link #append} numbers and stores a message in one statement (no transaction needed). */
	public boolean appendsInOneStatement() {
		return postgres;
	}

	/**
	 * Numbers and stores the message in one statement, committed with the others that arrive meanwhile
	 * ({@link GroupCommit}; PostgreSQL only): its sequence number once committed, or -1 when the interaction has no
	 * thread yet or the message's client id is stored already.
	 */
	public long append(ChatMessage m) {
		return groups.append(m);
	}

	/**
	 * The next sequence number of the interaction's chat (-1: it has no thread yet); call in the transaction that stores
	 * the message.
	 */
	public long nextSeq(InteractionId id) {
		int rows = jdbc.sql("UPDATE chat_threads SET last_seq = last_seq + 1 WHERE interaction_id = ?")
			.param(id.value()).update();
		if (rows == 0) {
			return -1;
		}
		return jdbc.sql("SELECT last_seq FROM chat_threads WHERE interaction_id = ?").param(id.value())
			.query(Long.class).single();
	}

	/** Makes the interaction's thread (in a transaction of its own); a thread made meanwhile by another is fine. */
	public void createThread(InteractionId id) {
		try {
			jdbc.sql("""
					INSERT INTO chat_threads (interaction_id, last_seq, customer_delivered_seq, customer_read_seq,
					agent_delivered_seq, agent_read_seq) VALUES (?, 0, 0, 0, 0, 0)""").param(id.value()).update();
		}
		catch (DuplicateKeyException e) {
			// made by another sender first
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
