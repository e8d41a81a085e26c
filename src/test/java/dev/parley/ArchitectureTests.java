package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.transaction.event.TransactionalEventListener;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module structure is part of the design, so it is checked on every build. */
class ArchitectureTests {

	/** The core modules that exist; each new core module is added here when it lands. */
	static final String[] CORE = { "dev.parley.customer..", "dev.parley.catalog..", "dev.parley.orders..",
			"dev.parley.history..", "dev.parley.agent..", "dev.parley.identity..", "dev.parley.presence..",
			"dev.parley.routing..", "dev.parley.chat..", "dev.parley.status..", "dev.parley.common..",
			"dev.parley.invitations.." };

	static final String[] PROTOCOL = { "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
			"org.springframework.ui..", "org.thymeleaf..", "tools.jackson..", "com.fasterxml.jackson..", "javax.sip..",
			"gov.nist..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "org.springframework.security.web..",
			"dev.parley.web..", "dev.parley.api..", "dev.parley.live..", "dev.parley.sip..", "dev.parley.pidf..",
			"dev.parley.security..", "dev.parley.demo.." };

	final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		modules.verify();
	}

	@Test
	void coreModulesHoldNoProtocolTypes() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.parley");
		noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(PROTOCOL)
			.because("protocols stay at the edge (web, api, live, sip, security)")
			.check(classes);
	}

	/**
	 * A listener is either durable ({@code @ApplicationModuleListener}: recorded in the event publication registry,
	 * run asynchronously and again until it succeeds) or a plain {@code @EventListener} that hands its work to
	 * {@code common.AfterCommit}. A bare {@code @TransactionalEventListener} is recorded in the registry too, but
	 * marked done in a second connection while the committing one is still held: a burst of steps then waited on the
	 * connection pool for its timeout (docs/architecture.md, "Events between modules").
	 */
	@Test
	void noListenerIsABareTransactionalEventListener() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.parley");
		noMethods().should().beAnnotatedWith(TransactionalEventListener.class)
			.because("durable effects use @ApplicationModuleListener, pushes and caches @EventListener + AfterCommit")
			.check(classes);
	}

	@Test
	void everyCoreModuleNamedHereExists() {
		for (String pattern : CORE) {
			String name = pattern.substring("dev.parley.".length(), pattern.length() - 2);
			org.assertj.core.api.Assertions.assertThat(modules.getModuleByName(name))
				.as("core module %s exists", name).isPresent();
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
