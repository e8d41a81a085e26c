package dev.parley.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import dev.parley.common.Databases;
import dev.parley.routing.InteractionId;
import dev.parley.testing.ParleyIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The chat's group commit on PostgreSQL (on H2 a message is stored in a transaction of its own, and these are
 * skipped): a group numbers each chat's messages in the order they came, a client id is stored once, a message the
 * table refuses fails alone, and senders at once on many threads get dense, distinct numbers.
 */
@ParleyIntegrationTest
class GroupCommitTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	static final UUID CUSTOMER = UUID.randomUUID();
	static final UUID AGENT = UUID.randomUUID();

	GroupCommit groups;

	@BeforeEach
	void setUp() {
		assumeTrue(Databases.isPostgres(dataSource), "the group commit is PostgreSQL's");
		groups = new GroupCommit(dataSource);
	}

	@AfterEach
	void tearDown() {
		if (groups != null) {
			groups.close();
		}
	}

	@Test
	void aGroupNumbersEachChatInTheOrderItsMessagesCame() throws Exception {
		List<InteractionId> chats = List.of(thread(), thread(), thread());
		InteractionId noThread = new InteractionId(UUID.randomUUID());
		List<GroupCommit.Pending> group = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			group.add(new GroupCommit.Pending(message(chats.get(i % 3), "m" + i, null)));
		}
		group.add(new GroupCommit.Pending(message(noThread, "lost", null)));
		List<GroupCommit.Pending> sent = List.copyOf(group);
		groups.commit(group);
		for (int i = 0; i < 30; i++) {
			assertThat(seq(sent.get(i))).as("message %d", i).isEqualTo(i / 3 + 1);
		}
		assertThat(seq(sent.get(30))).as("no thread, no number").isEqualTo(-1);
		for (InteractionId chat : chats) {
			assertThat(bodies(chat)).hasSize(10);
			assertThat(jdbc.sql("SELECT last_seq FROM chat_threads WHERE interaction_id = ?").param(chat.value())
				.query(Long.class).single()).isEqualTo(10);
		}
		assertThat(bodies(chats.get(1))).startsWith("m1", "m4", "m7");
	}

	@Test
	void aClientIdIsStoredOnce() throws Exception {
		InteractionId chat = thread();
		var first = new GroupCommit.Pending(message(chat, "hello", "c-1"));
		var again = new GroupCommit.Pending(message(chat, "hello", "c-1"));
		var other = new GroupCommit.Pending(message(chat, "other", "c-2"));
		groups.commit(new ArrayList<>(List.of(first, again, other)));
		assertThat(seq(first)).isEqualTo(1);
		assertThat(seq(again)).as("the same client id in one group").isEqualTo(-1);
		assertThat(seq(other)).isEqualTo(2);
		var later = new GroupCommit.Pending(message(chat, "hello", "c-1"));
		groups.commit(new ArrayList<>(List.of(later)));
		assertThat(seq(later)).as("a client id of an earlier group").isEqualTo(-1);
		assertThat(bodies(chat)).containsExactly("hello", "other");
	}

	@Test
	void aMessageTheTableRefusesFailsAlone() throws Exception {
		InteractionId chat = thread();
		var before = new GroupCommit.Pending(message(chat, "before", null));
		var refused = new GroupCommit.Pending(message(chat, "x".repeat(4001), null));
		var after = new GroupCommit.Pending(message(chat, "after", null));
		groups.commit(new ArrayList<>(List.of(before, refused, after)));
		assertThat(seq(before)).isEqualTo(1);
		assertThatThrownBy(() -> refused.result().get()).hasCauseInstanceOf(DataAccessException.class);
		assertThat(seq(after)).as("no number lost to the refused one").isEqualTo(2);
		assertThat(bodies(chat)).containsExactly("before", "after");
	}

	@Test
	void onlyWhoMayWriteNowGetsANumber() throws Exception {
		InteractionId chat = thread();
		var customer = new GroupCommit.Pending(message(chat, "hello", null));
		var agent = new GroupCommit.Pending(fromAgent(chat, AGENT, "hi"));
		var stranger = new GroupCommit.Pending(fromAgent(chat, UUID.randomUUID(), "me too"));
		groups.commit(new ArrayList<>(List.of(customer, agent, stranger)));
		assertThat(seq(customer)).isEqualTo(1);
		assertThat(customer.result().get().customer()).as("the chat's customer, to tell").isEqualTo(CUSTOMER);
		assertThat(customer.result().get().agent()).isEqualTo(AGENT);
		assertThat(seq(agent)).isEqualTo(2);
		assertThat(seq(stranger)).as("an agent not in the chat").isEqualTo(-1);
		jdbc.sql("UPDATE chat_threads SET agent_writes = FALSE WHERE interaction_id = ?").param(chat.value()).update();
		var late = new GroupCommit.Pending(fromAgent(chat, AGENT, "still there?"));
		var stillCustomer = new GroupCommit.Pending(message(chat, "yes", null));
		groups.commit(new ArrayList<>(List.of(late, stillCustomer)));
		assertThat(seq(late)).as("the agent after the chat moved on").isEqualTo(-1);
		assertThat(seq(stillCustomer)).isEqualTo(3);
		assertThat(bodies(chat)).containsExactly("hello", "hi", "yes");
	}

	@Test
	void sendersAtOnceGetDenseDistinctNumbers() throws Exception {
		var meters = new SimpleMeterRegistry();
		groups.bind(meters);
		List<InteractionId> chats = List.of(thread(), thread(), thread(), thread());
		Map<InteractionId, List<Long>> numbers = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				int sender = t;
				sent.add(pool.submit(() -> {
					for (int i = 0; i < 40; i++) {
						InteractionId chat = chats.get((sender + i) % chats.size());
						long n = groups.append(message(chat, sender + "-" + i, sender + "-" + i)).seq();
						numbers.computeIfAbsent(chat, c -> Collections.synchronizedList(new ArrayList<>())).add(n);
					}
				}));
			}
			for (Future<?> f : sent) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (InteractionId chat : chats) {
			List<Long> got = new ArrayList<>(numbers.get(chat));
			got.sort(null);
			assertThat(got).as("numbers of one chat").hasSize(160);
			for (int i = 0; i < got.size(); i++) {
				assertThat(got.get(i)).isEqualTo(i + 1);
			}
			assertThat(bodies(chat)).hasSize(160);
		}
		// what operators see: every message's wait, every group's commit, and the messages in the groups add up
		long groupsCommitted = meters.get("parley.chat.commit").timer().count();
		assertThat(meters.get("parley.chat.commit.wait").timer().count()).isEqualTo(640);
		assertThat(groupsCommitted).isBetween(1L, 640L);
		assertThat(meters.get("parley.chat.commit.messages").summary().count()).isEqualTo(groupsCommitted);
		assertThat(meters.get("parley.chat.commit.messages").summary().totalAmount()).isEqualTo(640);
	}

	@Test
	void aGroupOverManyChatsFindsTheClientIdsEachHoldsAlready() throws Exception {
		List<InteractionId> chats = new ArrayList<>();
		List<String> clients = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			InteractionId chat = thread();
			jdbc.sql("""
					INSERT INTO chat_messages (interaction_id, seq, sender, sender_id, sender_name, body, client_id, sent_at)
					SELECT ?, g, 'CUSTOMER', ?, 'Ada', 'message ' || g, 'old-' || g, now() FROM generate_series(1, 10) g""")
				.params(chat.value(), CUSTOMER).update();
			jdbc.sql("UPDATE chat_threads SET last_seq = 10 WHERE interaction_id = ?").param(chat.value()).update();
			chats.add(chat);
			clients.add(i == 0 ? "old-7" : "new-" + i);
		}
		List<GroupCommit.Pending> group = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			group.add(new GroupCommit.Pending(message(chats.get(i), "again", clients.get(i))));
		}
		List<GroupCommit.Pending> sent = List.copyOf(group);
		groups.commit(group);
		assertThat(seq(sent.get(0))).as("a client id its chat holds already").isEqualTo(-1);
		for (int i = 1; i < 32; i++) {
			assertThat(seq(sent.get(i))).as("chat %d", i).isEqualTo(11);
		}
		assertThat(bodies(chats.get(0))).hasSize(10);
	}

	/** A chat where {@link #CUSTOMER} writes, and {@link #AGENT} too. */
	private InteractionId thread() {
		InteractionId id = new InteractionId(UUID.randomUUID());
		jdbc.sql("""
				INSERT INTO chat_threads (interaction_id, last_seq, customer_delivered_seq, customer_read_seq,
				agent_delivered_seq, agent_read_seq, customer_id, agent_id, customer_writes, agent_writes)
				VALUES (?, 0, 0, 0, 0, 0, ?, ?, TRUE, TRUE)""").params(id.value(), CUSTOMER, AGENT).update();
		return id;
	}

	private List<String> bodies(InteractionId chat) {
		return jdbc.sql("SELECT body FROM chat_messages WHERE interaction_id = ? ORDER BY seq").param(chat.value())
			.query(String.class).list();
	}

	private static ChatMessage message(InteractionId chat, String body, String clientId) {
		return new ChatMessage(chat, 0, Sender.CUSTOMER, CUSTOMER, "Ada", body, clientId, Instant.now());
	}

	private static ChatMessage fromAgent(InteractionId chat, UUID agent, String body) {
		return new ChatMessage(chat, 0, Sender.AGENT, agent, "Bo", body, null, Instant.now());
	}

	private static Long seq(GroupCommit.Pending p) throws Exception {
		ChatStore.Appended a = p.result().get();
		return a == null ? -1L : a.seq();
	}
}
