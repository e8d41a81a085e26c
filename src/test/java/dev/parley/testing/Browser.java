package dev.parley.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium on one Parley instance, with the few actions our tests need. */
public final class Browser {

	private final WebDriver driver;
	private final String base;

	Browser(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	public Browser signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	public Browser type(By field, String text) {
		var element = find(field);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	public Browser select(By field, String visibleTextOrValue) {
		var select = new Select(find(field));
		try {
			select.selectByValue(visibleTextOrValue);
		}
		catch (RuntimeException e) {
			select.selectByVisibleText(visibleTextOrValue);
		}
		return this;
	}

	/**
	 * Clicks an element. When the click submits a plain form (one that loads a new page), waits until the
	 * new page has replaced the old one, so what the test reads next is the answer, not the page it left. A form
	 * marked data-fragment is sent by its page's script in the background (the workstation), and loads no page.
	 */
	public Browser click(By target) {
		var element = new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(target));
		boolean loadsPage = Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(SUBMITS_PLAIN_FORM, element));
		var page = loadsPage ? driver.findElement(By.tagName("html")) : null;
		element.click();
		if (page != null) {
			try {
				new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> replaced(page));
			}
			catch (TimeoutException e) {
				// the browser did not submit (for example a required field is empty): the page stays
			}
		}
		return this;
	}

	/**
	 * Whether the element's page is gone. Chromium answers a question about an element of a page it is replacing
	 * either "stale element" or, caught mid-way, "Node ... does not belong to the document": both mean replaced.
	 */
	private static boolean replaced(WebElement old) {
		try {
			old.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (WebDriverException e) {
			if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	private static final String SUBMITS_PLAIN_FORM = """
			var e = arguments[0], f = e.form;
			return !!f && e.type === 'submit' && !f.hasAttribute('data-confirm') && !f.hasAttribute('target')
			    && !(f.hasAttribute('data-fragment') && window.ParleyLive)
			    && !['hx-post', 'hx-put', 'hx-get', 'hx-patch', 'hx-delete'].some(a => f.hasAttribute(a) || e.hasAttribute(a));""";

	/** Accepts a confirm() dialog if one is open. */
	public Browser acceptDialogIfAny() {
		try {
			driver.switchTo().alert().accept();
		}
		catch (RuntimeException ignored) {
			// no dialog
		}
		return this;
	}

	public WebElement find(By target) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(target));
	}

	public List<WebElement> findAll(By target) {
		return driver.findElements(target);
	}

	public String text(By target) {
		return find(target).getText();
	}

	public String value(By target) {
		return find(target).getDomProperty("value");
	}

	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String url() {
		return driver.getCurrentUrl();
	}

	public Browser reload() {
		driver.navigate().refresh();
		return this;
	}

	/**
	 * From the next page on, lets the test hold back the live events of chosen names: the page's stream is wrapped so
	 * that while {@link #holdLiveEvents} holds a name, each event of that name the server pushes waits (with its data)
	 * until {@link #releaseLiveEvents()}. For putting two real events in the order a busy server might deliver them.
	 */
	public Browser catchLiveEvents() {
		((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				java.util.Map.of("source", """
						(function () {
						  var Real = window.EventSource;
						  if (!Real) { return; }
						  window.parleyHolding = {};
						  window.parleyHeld = [];
						  function Caught(url, options) {
						    var stream = new Real(url, options);
						    var add = stream.addEventListener;
						    stream.addEventListener = function (type, handler, more) {
						      return add.call(stream, type, function (event) {
						        if (window.parleyHolding[type]) {
						          window.parleyHeld.push({ type: type, data: event.data, run: function () { handler.call(stream, event); } });
						        } else {
						          handler.call(stream, event);
						        }
						      }, more);
						    };
						    return stream;
						  }
						  Caught.prototype = Real.prototype;
						  Caught.CONNECTING = Real.CONNECTING;
						  Caught.OPEN = Real.OPEN;
						  Caught.CLOSED = Real.CLOSED;
						  window.EventSource = Caught;
						}());"""));
		return this;
	}

	/** Holds the live events of this name from now on (see {@link #catchLiveEvents()}); {@code false} lets them through again. */
	public Browser holdLiveEvents(String name, boolean hold) {
		((JavascriptExecutor) driver).executeScript("window.parleyHolding[arguments[0]] = arguments[1];", name, hold);
		return this;
	}

	/** The data of each held live event (one entry per listener of the page), in the order they came. */
	@SuppressWarnings("unchecked")
	public List<String> heldLiveEvents() {
		return (List<String>) ((JavascriptExecutor) driver)
			.executeScript("return window.parleyHeld.map(function (e) { return e.data; });");
	}

	/** Hands the held live events to the page's listeners now, in the order they came. */
	public Browser releaseLiveEvents() {
		((JavascriptExecutor) driver).executeScript(
				"var held = window.parleyHeld; window.parleyHeld = []; held.forEach(function (e) { e.run(); });");
		return this;
	}

	/** Waits for the condition; an element a live update replaced meanwhile is looked up again. */
	public void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/** Saves a PNG under target/screenshots (for people to look at, and on failure). */
	public Path screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (Exception e) {
			return null;
		}
	}

	/**
	 * How many pixels the farthest of the elements reaches past the right edge of the viewport: 0 when
	 * every one of them can be seen without scrolling sideways (also inside a scrolling wrapper).
	 */
	public long overflowRight(By elements) {
		long width = ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.clientWidth")).longValue();
		var found = driver.findElements(elements);
		if (found.isEmpty()) {
			throw new IllegalStateException("nothing on the page matches " + elements);
		}
		long farthest = 0;
		for (WebElement element : found) {
			var rect = element.getRect();
			if (rect.getWidth() > 0) {
				farthest = Math.max(farthest, rect.getX() + rect.getWidth());
			}
		}
		return Math.max(0, farthest - width);
	}

	/** Whether any of the elements holds content wider than itself (it scrolls, or cuts it off, sideways). */
	public boolean overflowsSideways(By elements) {
		var found = driver.findElements(elements);
		if (found.isEmpty()) {
			throw new IllegalStateException("nothing on the page matches " + elements);
		}
		return found.stream().anyMatch(e -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth + 1", e)));
	}

	public Browser windowSize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		return this;
	}

	/**
	 * What the browser's console said about the Content-Security-Policy since the last call (Chromium logs each
	 * blocked script, handler, style or connection there as an error); the console is read and emptied.
	 */
	public List<String> policyViolations() {
		try {
			policyLog.addAll(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.map(LogEntry::getMessage)
				.filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
				.toList());
		}
		catch (RuntimeException e) {
			// the browser is gone: nothing more to read
		}
		var found = List.copyOf(policyLog);
		policyLog.clear();
		return found;
	}

	private final List<String> policyLog = new java.util.ArrayList<>();

	void quit() {
		try {
			driver.quit();
		}
		catch (RuntimeException ignored) {
			// already gone
		}
	}
}
