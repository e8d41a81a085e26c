package dev.parley.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one headless Chromium per {@link Browser} parameter of a test (a test may take two, say a
 * customer's and an agent's) and closes them afterwards.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
	static final Path DRIVER = Path.of(System.getenv().getOrDefault("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
			return ConditionEvaluationResult.enabled("Chromium found");
		}
		String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER
				+ ") missing: install Debian's chromium and chromium-driver";
		if (CiEnvironment.isCi()) {
			throw new IllegalStateException(message + ". CI=true requires them.");
		}
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		var environment = SpringExtension.getApplicationContext(context).getEnvironment();
		int port = Integer.parseInt(environment.getProperty("local.server.port"));
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900");
		// the browser's console, read after each test: a Content-Security-Policy violation fails it
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.withLogOutput(java.io.OutputStream.nullOutputStream()).build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		var browser = new Browser(driver, "http://127.0.0.1:" + port);
		context.getStore(NS).put("browser-" + parameter.getIndex(), browser);
		return browser;
	}

	/**
	 * Closes the test's browsers; a screenshot of each when the test failed. A page the Content-Security-Policy
	 * broke (a blocked script, handler or style) fails the test, even when what it checked still passed: the
	 * browser reports every violation on its console.
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		int parameters = context.getRequiredTestMethod().getParameterCount();
		List<String> violations = new ArrayList<>();
		for (int index = 0; index < parameters; index++) {
			var browser = context.getStore(NS).remove("browser-" + index, Browser.class);
			if (browser != null) {
				if (context.getExecutionException().isPresent()) {
					browser.screenshot("failed-" + context.getRequiredTestMethod().getName() + (index == 0 ? "" : "-" + index));
				}
				violations.addAll(browser.policyViolations());
				browser.quit();
			}
		}
		if (!violations.isEmpty() && context.getExecutionException().isEmpty()) {
			throw new AssertionError("the Content-Security-Policy blocked something on the page:\n"
					+ String.join("\n", violations));
		}
	}
}
