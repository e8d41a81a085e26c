package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * A request for an address nothing serves is answered with a problem and not written to the log: a scanner asking for
 * thousands of addresses does not fill it. A method an address does not take loses Spring's not-found line too; Spring's
 * default resolver still writes one line of its own for it ("Resolved [...]", as for its other refusals).
 */
@ParleyIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesLogTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Test
	void unknownAddressesAreAnsweredButNotLogged(CapturedOutput output) {
		var api = new ApiClient(port);
		String token = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		String marker = "scanner-" + System.nanoTime();
		assertThat(api.get("/api/v1/me/" + marker, token).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/" + marker + "/wp-login.php", token, "{}").status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/me/profile?" + marker, token).status()).isEqualTo(405);
		assertThat(output.getAll()).as("the log").doesNotContain(marker).doesNotContain("PageNotFound");
	}
}
