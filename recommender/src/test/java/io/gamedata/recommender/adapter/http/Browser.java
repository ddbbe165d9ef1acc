package io.gamedata.recommender.adapter.http;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromedriver) for the page's browser tests: window
 * widths, waiting for a view to finish rendering, full-page screenshots saved under {@code
 * target/screenshots}, and an axe-core accessibility check. Fails when the browser is missing
 * unless {@code -Dgamedata.browser.skip=true}.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  static Browser start(Path profile) {
    assumeFalse(Boolean.getBoolean("gamedata.browser.skip"), "gamedata.browser.skip=true");
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail(
          CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " missing: apt-get install -y chromium chromium-driver"
              + " (or run with -Dgamedata.browser.skip=true)");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
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
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    return new Browser(new ChromeDriver(service, options));
  }

  /** Sets the viewport width (CSS pixels) and waits until the page sees it. */
  void width(int width) {
    driver.manage().window().setSize(new Dimension(width, 1000));
    Number inner = (Number) driver.executeScript("return window.innerWidth");
    if (inner.intValue() != width) {
      // the window's frame takes some pixels on some builds: make the viewport itself the width
      driver.manage().window().setSize(new Dimension(2 * width - inner.intValue(), 1000));
    }
    wait.until(
        d -> ((Number) driver.executeScript("return window.innerWidth")).intValue() == width);
  }

  /**
   * Loads a page afresh (never just a hash change of the page already open, which would keep its
   * state) and waits until its router has rendered {@code hash}.
   */
  void open(String url, String hash) {
    driver.get("about:blank");
    driver.get(url);
    rendered(hash);
  }

  /**
   * Errors the page logged since the last call (uncaught exceptions, failed requests), except the
   * failed loads whose message contains one of {@code expectedFailures}.
   */
  List<String> consoleErrors(String... expectedFailures) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() < Level.SEVERE.intValue()) {
        continue;
      }
      String m = e.getMessage();
      boolean expected = false;
      for (String failure : expectedFailures) {
        expected |= m.contains(failure) && m.contains("Failed to load resource");
      }
      if (!expected) {
        out.add(m);
      }
    }
    return out;
  }

  /** Waits until the view of {@code hash} is rendered (the router marks main with it). */
  void rendered(String hash) {
    wait.until(
        d ->
            hash.equals(
                driver.executeScript(
                    "const m = document.getElementById('main');"
                        + " return m && m.dataset.rendered;")));
  }

  String hash() {
    return (String) driver.executeScript("return location.hash");
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The page has no horizontal scroll (nothing wider than the viewport). */
  boolean fitsWidth() {
    return (Boolean)
        driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
  }

  /** A full-page PNG under target/screenshots; returns its path. */
  Path screenshot(String name) {
    Number width = (Number) driver.executeScript("return window.innerWidth");
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    width,
                    "height",
                    Math.min(height.intValue(), 6000),
                    "scale",
                    1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * axe-core on the current page (WCAG 2.x A and AA rules and best practices): the violations of
   * impact serious or critical, one line each with the elements at fault.
   */
  List<String> seriousAccessibilityViolations() {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
            .analyze(driver);
    if (results.isErrored()) {
      throw new AssertionError("axe-core failed: " + results.getErrorMessage());
    }
    List<String> out = new ArrayList<>();
    for (Rule r : results.getViolations()) {
      String line =
          r.getImpact()
              + " "
              + r.getId()
              + ": "
              + r.getHelp()
              + " at "
              + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
      if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
        out.add(line);
      } else {
        System.out.println("axe (" + hash() + "): " + line);
      }
    }
    return out;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
