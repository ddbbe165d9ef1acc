package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.gamedata.recommender.service.Fixtures;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page's main flow in a real headless Chromium (Debian's chromium + chromedriver): search,
 * pick, similar games with explanations, like two games, recommendations. Fails when the browser is
 * missing unless {@code -Dgamedata.browser.skip=true}.
 */
class WebPageIT {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @Test
  void searchPickSimilarLikeAndRecommend(@TempDir Path profile) {
    assumeFalse(Boolean.getBoolean("gamedata.browser.skip"), "gamedata.browser.skip=true");
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail(
          CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " missing: apt-get install -y chromium chromium-driver"
              + " (or run with -Dgamedata.browser.skip=true)");
    }
    ExactSimilarityEngine engine =
        new ExactSimilarityEngine(EngineConfig.defaults().withListSize(10));
    engine.buildAll(Fixtures.catalogue());
    ServiceStatus up =
        new ServiceStatus() {
          @Override
          public boolean live() {
            return true;
          }

          @Override
          public boolean ready() {
            return true;
          }

          @Override
          public long lag() {
            return 0;
          }

          @Override
          public String phase() {
            return "LIVE";
          }
        };
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    try (HttpApi api =
        new HttpApi(
                engine,
                up,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new ApiSettings("127.0.0.1", 0, 4, 65536, 10, 100))
            .start()) {
      WebDriver driver = new ChromeDriver(driverService, options);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get("http://127.0.0.1:" + api.port() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "12 games"));

        driver.findElement(By.id("search")).sendKeys("star");
        WebElement pick =
            wait.until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//ul[@id='suggestions']/li[starts-with(., 'Star Blaster')][1]")));
        assertThat(driver.findElements(By.cssSelector("#suggestions li.suggestion"))).hasSize(2);
        pick.click();

        wait.until(
            ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#similar li.result"), 2));
        assertThat(driver.findElement(By.id("selected-name")).getText()).isEqualTo("Star Blaster");
        List<WebElement> similar = driver.findElements(By.cssSelector("#similar li.result"));
        WebElement first = similar.get(0);
        assertThat(first.findElement(By.className("name")).getText()).isEqualTo("Star Blaster II");
        assertThat(first.findElement(By.className("because")).getText())
            .startsWith("because:")
            .contains("same franchise Star Blaster");
        assertThat(first.findElement(By.className("year")).getText()).isEqualTo("2002");
        assertThat(first.findElement(By.className("platforms")).getText())
            .contains("PlayStation 4");
        assertThat(first.findElements(By.className("cover"))).hasSize(1);
        for (WebElement r : similar) {
          assertThat(r.findElement(By.className("because")).getText()).startsWith("because:");
        }

        similar.get(0).findElement(By.cssSelector("button.like")).click();
        similar.get(1).findElement(By.cssSelector("button.like")).click();
        assertThat(driver.findElements(By.cssSelector("#liked li.liked-game"))).hasSize(2);
        String liked0 = similar.get(0).getAttribute("data-id");
        String liked1 = similar.get(1).getAttribute("data-id");

        driver.findElement(By.id("recommend")).click();
        wait.until(
            ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#recommendations li.result"), 0));
        List<WebElement> recs = driver.findElements(By.cssSelector("#recommendations li.result"));
        assertThat(recs).extracting(e -> e.getAttribute("data-id")).doesNotContain(liked0, liked1);
        assertThat(recs.get(0).findElement(By.className("because")).getText())
            .startsWith("because:");
        assertThat(driver.findElement(By.id("message")).getText()).isEmpty();
      } finally {
        driver.quit();
      }
    }
  }
}
