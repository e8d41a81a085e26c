package dev.parley.chat.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.Sender;
import dev.parley.common.Databases;
import dev.parley.routing.InteractionId;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The chat's group commit alone on PostgreSQL, closed loop on one thread: groups of 1, 4 and 32 messages (spread over
 * 200 chats) numbered, stored and committed one after another; prints each size's time a group (p50, p99), groups
 * and messages a second, and PostgreSQL's CPU a group. Not part of {@code mvn verify}:
 * {@code mvn -Pbench test -Dtest=GroupCommitBenchmark -Dspring.profiles.active=test,pgtest} (database:
 * {@code PARLEY_TEST_DB_URL}, default 127.0.0.1:5432/test).
 */
@ParleyIntegrationTest
@Tag("bench")
class GroupCommitBenchmark {

	static final UUID CUSTOMER = UUID.randomUUID();
	static final UUID AGENT = UUID.randomUUID();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void groupsCommittedOneAfterAnother() throws Exception {
		assumeTrue(Databases.isPostgres(dataSource),
				"the group commit is PostgreSQL's: run with -Dspring.profiles.active=test,pgtest");
		List<InteractionId> chats = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			InteractionId id = new InteractionId(UUID.randomUUID());
			jdbc.sql("""
					INSERT INTO chat_threads (interaction_id, last_seq, customer_delivered_seq, customer_read_seq,
					agent_delivered_seq, agent_read_seq, customer_id, agent_id, customer_writes, agent_writes)
					VALUES (?, 0, 0, 0, 0, 0, ?, ?, TRUE, TRUE)""").params(id.value(), CUSTOMER, AGENT).update();
			chats.add(id);
		}
		try (var groups = new GroupCommit(dataSource)) {
			int next = 0;
			for (int size : new int[] { 1, 4, 32 }) {
				int warm = 500;
				int measured = size == 32 ? 1_000 : 3_000;
				long[] nanos = new long[measured];
				long cpu0 = 0;
				long t0 = 0;
				for (int g = 0; g < warm + measured; g++) {
					if (g == warm) {
						cpu0 = postgresTicks();
						t0 = System.nanoTime();
					}
					List<GroupCommit.Pending> group = new ArrayList<>(size);
					for (int i = 0; i < size; i++) {
						int n = next++;
						group.add(new GroupCommit.Pending(new ChatMessage(chats.get(n % chats.size()), 0, Sender.CUSTOMER,
								CUSTOMER, "Ada", "bench " + n, "c" + n, Instant.now())));
					}
					long start = System.nanoTime();
					groups.commit(group);
					if (g >= warm) {
						nanos[g - warm] = System.nanoTime() - start;
					}
					if (group.get(0).result().get() == null) {
						throw new IllegalStateException("a message was not stored");
					}
				}
				double secs = (System.nanoTime() - t0) / 1e9;
				double cpuMs = (postgresTicks() - cpu0) * 10.0; // ticks are 1/100 s
				Arrays.sort(nanos);
				System.out.printf(Locale.ROOT,
						"GROUPS %2d messages a group: p50 %.2f ms, p99 %.2f ms a group; %,.0f groups/s, %,.0f messages/s; "
								+ "PostgreSQL %.3f ms of CPU a group (%.0f%% of a core)%n",
						size, nanos[measured / 2] / 1e6, nanos[(int) (measured * 0.99)] / 1e6, measured / secs,
						measured * size / secs, cpuMs / measured, cpuMs / 10 / secs);
			}
		}
	}

	/** CPU ticks used so far by the processes named postgres (the server and its backends). */
	private static long postgresTicks() throws Exception {
		long ticks = 0;
		try (var procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs::iterator) {
				if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String stat = Files.readString(p.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					if (name.startsWith("postgres")) {
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		return ticks;
	}
}
