package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * A page's style sheet and scripts come from the browser's cache on the next page: they are linked by their content's
 * name and kept (not fetched again on every page view, as the security headers' {@code no-store} had it).
 */
@BrowserTest
class AssetCacheBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Test
	void theNextPageTakesItsStyleSheetAndScriptsFromTheCache(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/products");
		List<Map<String, Object>> first = files(browser);
		assertThat(first).as("the first page fetched its style sheet and htmx by their content's names")
			.anySatisfy(f -> assertThat((String) f.get("name")).matches(".*/css/parley-[0-9a-f]{32}\\.css"))
			.anySatisfy(f -> assertThat((String) f.get("name")).matches(".*/webjars/htmx\\.org/.*htmx\\.min-[0-9a-f]{32}\\.js"));

		browser.open("/customer/orders");
		List<Map<String, Object>> next = files(browser);
		assertThat(next).as("the next page's files").isNotEmpty().allSatisfy(f -> assertThat(((Number) f.get("transferSize")).longValue())
			.as("bytes fetched for " + f.get("name") + " (0: from the cache, not even asked)")
			.isZero());
		assertThat(browser.pageText()).as("and the page is styled and working").contains("Orders");
	}

	/** The page's style sheets and scripts as the browser's resource timing reports them: name and bytes fetched. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> files(Browser browser) {
		return (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeScript("""
				return performance.getEntriesByType('resource')
				  .filter(e => /\\/(css|js|webjars)\\//.test(new URL(e.name).pathname))
				  .map(e => ({name: e.name, transferSize: e.transferSize}));""");
	}
}
