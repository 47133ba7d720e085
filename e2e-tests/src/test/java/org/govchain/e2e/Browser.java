package org.govchain.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). A fresh profile per browser, and the
 * flags that keep Chromium off the network except for the pages it is sent to.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM =
      Path.of(System.getProperty("govchain.e2e.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getProperty("govchain.e2e.chromedriver", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser; its driver's log goes to {@code logs}. */
  static Browser start(Path logs) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "the portal's browser tests need Debian's Chromium and its driver at "
              + CHROMIUM
              + " and "
              + DRIVER
              + ": apt-get install chromium chromium-driver");
    }
    try {
      Files.createDirectories(logs);
      Path profile = Files.createTempDirectory(logs, "chromium-profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,1800",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(DRIVER.toFile())
              .usingAnyFreePort()
              .withLogFile(logs.resolve("chromedriver.log").toFile())
              .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens {@code url} as a new page load (even when only its fragment differs from the page shown)
   * and waits until the page has read its settings.
   */
  void open(String url) {
    driver.get("about:blank");
    driver.get(url);
    waitFor(
        Duration.ofSeconds(20), () -> "true".equals(script("return document.body.dataset.ready;")));
  }

  /** Reloads the page (the address's fragment stays) and waits as {@link #open} does. */
  void reload() {
    driver.navigate().refresh();
    waitFor(
        Duration.ofSeconds(20), () -> "true".equals(script("return document.body.dataset.ready;")));
  }

  /** Sets an input's or textarea's value as typing would, firing its {@code input} event. */
  void setValue(String id, String value) {
    script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + " e.dispatchEvent(new Event('input', {bubbles: true}));",
        id,
        value);
  }

  /** Chooses a file in a file input. */
  void chooseFile(String id, Path file) {
    driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  /**
   * Waits for an element by CSS selector and answers it.
   *
   * @throws AssertionError with the page's text when it does not appear in time
   */
  WebElement await(String css, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout)
          .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    } catch (TimeoutException e) {
      throw new AssertionError(
          css
              + " did not appear within "
              + timeout
              + "; the page shows:\n"
              + script("return document.body.innerText;"),
          e);
    }
  }

  /** The elements matching a CSS selector now. */
  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Runs JavaScript in the page and answers its result. */
  Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  /** Saves a PNG of the page as it is shown. */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, timeout).until(d -> condition.getAsBoolean());
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a profile left in target/ does no harm
    }
  }
}
