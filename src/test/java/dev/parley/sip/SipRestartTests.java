package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parley.ParleyApplication;
import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceTuple;
import dev.parley.presence.PresentityId;
import dev.parley.sip.internal.SipStateStore;
import dev.parley.sip.internal.StoredSubscription;
import dev.parley.testing.AccountFixtures;

/**
 * Parley restarts under a SIP watcher and a SIP publisher: the same sipp process subscribes, Parley stops
 * (gracefully) and starts again on the same H2 file and SIP port, the recovered subscription NOTIFYs the
 * current state and then a change over the same dialog, and the watcher's in-dialog un-SUBSCRIBE is answered
 * 200. A publication's entity tag made before the restart is refreshed after it, and its tuple is back; a
 * publication modified just before a graceful stop (its row still queued) is back with its latest entity tag.
 */
@Tag("sip")
class SipRestartTests {

	@TempDir
	Path dir;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final int sipPort = Sipp.freePort();

	@AfterEach
	void close() {
		contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	@ExtendWith(SippAvailable.class)
	void aWatcherKeepsItsDialogAndAPublisherItsEntityTagAcrossARestart() throws Exception {
		ConfigurableApplicationContext before = start();
		IdentityManagement identity = before.getBean(IdentityManagement.class);
		Account agent = AccountFixtures.account(identity, Role.AGENT);
		Account supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		String etag = etag(publish(agent, presentity, "Expires: 600\nContent-Type: application/pidf+xml\n", pidf(presentity)));
		var watch = new Sipp(sipPort).service(presentity.userPart()).auth(supervisor.username(), AccountFixtures.PASSWORD)
			.timeout(90).start("watch-restart.xml", Map.of("expect", "tuple id=.voice"));
		SipWatcherTests.waitForNotify(watch);
		before.close();
		assertThat(watch.messagesSoFar()).doesNotContain("terminated");

		ConfigurableApplicationContext after = start();
		Presence presence = after.getBean(Presence.class);
		assertThat(presence.current(presentity).orElseThrow().tuples()).extracting(PresenceTuple::id).contains("sipphone");
		String refreshed = publish(agent, presentity, "Expires: 600\nSIP-If-Match: " + etag + "\n", null);
		assertThat(refreshed).startsWith("SIP/2.0 200");
		assertThat(etag(refreshed)).isNotEqualTo(etag);
		presence.setStatus(presentity, "voice", BasicStatus.OPEN);

		var result = watch.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(result.messages()).contains("CSeq: 1001 NOTIFY").contains("tuple id=\"sipphone\"");
		Thread.sleep(300);
		assertThat(after.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM sip_subscriptions", Integer.class))
			.isZero();
	}

	@Test
	void aModifyAnsweredWhileItsRowWasQueuedIsWrittenByAGracefulStop() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		ConfigurableApplicationContext before = start(releasedByFlush(release));
		Account agent = AccountFixtures.account(before.getBean(IdentityManagement.class), Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		String etag = etag(publish(agent, presentity, "Expires: 600\nContent-Type: application/pidf+xml\n", pidf(presentity)));
		JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
		holdTheWriter(before.getBean(SipStateStore.class), release);
		assertThat(jdbc.queryForList("SELECT etag FROM sip_publications", String.class)).containsExactly(etag);
		String modified = etag(publish(agent, presentity, "Expires: 600\nSIP-If-Match: " + etag
				+ "\nContent-Type: application/pidf+xml\n", pidf(presentity).replace("closed", "open")));
		assertThat(jdbc.queryForList("SELECT etag FROM sip_publications", String.class)).as("answered before written")
			.containsExactly(etag);
		before.close(); // the writer goes on only when the shutdown asks the store to flush

		ConfigurableApplicationContext after = start();
		var phone = after.getBean(Presence.class).current(presentity).orElseThrow().tuples().stream()
			.filter(t -> t.id().equals("sipphone")).findFirst().orElseThrow();
		assertThat(phone.status()).isEqualTo(BasicStatus.OPEN);
		assertThat(publish(agent, presentity, "Expires: 600\nSIP-If-Match: " + etag + "\n", null)).startsWith("SIP/2.0 412");
		assertThat(publish(agent, presentity, "Expires: 600\nSIP-If-Match: " + modified + "\n", null)).startsWith("SIP/2.0 200");
	}

	/** Keeps the store's writer busy (in the callback of an expired row's insert) until the latch is released. */
	private static void holdTheWriter(SipStateStore store, CountDownLatch release) throws InterruptedException {
		CountDownLatch held = new CountDownLatch(1);
		var dialog = new SipDialogState("hold-" + UUID.randomUUID(), SipDialogState.newTag(), "sip:agent-1@parley.local",
				"theirs", "sip:w@127.0.0.1", "sip:w@127.0.0.1", List.of(), "udp", 1);
		store.create(new StoredSubscription(dialog, 1001, "presence", null, UUID.randomUUID(), "urn:uuid:" + UUID.randomUUID(),
				"SUPERVISOR", "pres:agent-1@parley.local", Instant.now().minusSeconds(1), "active"), stored -> {
					held.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				});
		assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
	}

	/** The SIP store, wrapped so that a flush (or close, which flushes) first releases the latch. */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> releasedByFlush(CountDownLatch release) {
		return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof SipStateStore store)) {
					return bean;
				}
				return Proxy.newProxyInstance(SipStateStore.class.getClassLoader(),
						new Class<?>[] { SipStateStore.class, AutoCloseable.class }, (proxy, method, args) -> {
							if (method.getName().equals("flush") || method.getName().equals("close")) {
								release.countDown();
							}
							try {
								return method.invoke(store, args);
							}
							catch (InvocationTargetException e) {
								throw e.getCause();
							}
						});
			}
		});
	}

	@SafeVarargs
	private ConfigurableApplicationContext start(ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class).profiles("test")
			.initializers(initializers).run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("parley").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
					"--server.port=0", "--parley.sip.enabled=true", "--parley.sip.address=127.0.0.1",
					"--parley.sip.port=" + sipPort, "--parley.sip.notify-interval=0s", "--parley.sip.requests-per-second=40");
		contexts.add(context);
		return context;
	}

	private String publish(Account agent, PresentityId presentity, String headers, String body) {
		try (RawSip sip = new RawSip(sipPort)) {
			return sip.withDigest("PUBLISH", presentity.userPart(), "Event: presence\n" + headers, body,
					agent.username(), AccountFixtures.PASSWORD);
		}
	}

	private static String etag(String response) {
		assertThat(response).as(response).startsWith("SIP/2.0 200");
		return response.lines().filter(l -> l.startsWith("SIP-ETag:")).findFirst().orElseThrow()
			.substring("SIP-ETag:".length()).trim();
	}

	private static String pidf(PresentityId presentity) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="%s">
				<tuple id="sipphone"><status><basic>closed</basic></status></tuple>
				</presence>
				""".formatted("sip:" + presentity.userPart() + "@parley.local");
	}

}
