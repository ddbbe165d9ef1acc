package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web page's flows in a real headless Chromium, each at a phone width (390 px) and a desktop
 * width (1400 px), against the HTTP API over an engine built from {@link WebCatalogue}: deep links,
 * back and forward, the game page, search with the keyboard, like / not for me kept across reloads,
 * recommendations with filters, covers and their placeholder, hostile text, and an axe-core check
 * of every view. Screenshots of each view at both widths go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageIT {

  HttpApi api;
  Browser browser;
  String base;

  @BeforeAll
  void start(@TempDir Path profile) {
    browser = Browser.start(profile);
    ExactSimilarityEngine engine =
        new ExactSimilarityEngine(EngineConfig.defaults().withListSize(10));
    Browsing browsing = Browsing.of(engine);
    browsing.writer().buildAll(WebCatalogue.games());
    api =
        new HttpApi(
                engine,
                browsing,
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
                },
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new ApiSettings("127.0.0.1", 0, 4, 65536, 10, 100, 10))
            .start();
    base = "http://127.0.0.1:" + api.port() + "/";
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @BeforeEach
  void forgetTaste() {
    browser.open(base + "#/", "#/");
    browser.js("localStorage.clear()");
    browser.consoleErrors();
  }

  @AfterEach
  void noScriptErrors() {
    // only the requests meant to fail: a cover (404), an unknown game (404), a bad filter (400)
    assertThat(
            browser.consoleErrors(
                "/covers/nebula-strike.jpg - ",
                "/api/games/999999",
                "/api/recommendations - Failed to load resource: the server responded with a"
                    + " status of 400"))
        .isEmpty();
  }

  private void open(String hash, int width) {
    browser.width(width);
    browser.open(base + hash, hash);
  }

  private List<String> cardNames(String listCss) {
    return browser.all(listCss + " .card .card-title").stream().map(WebElement::getText).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void deepLinkOpensTheGameAndBackForwardWalkTheHistory(int width) {
    open("#/games/2", width);
    assertThat(browser.find("h1").getText()).isEqualTo("Star Blaster II");
    assertThat(browser.driver.getTitle()).startsWith("Star Blaster II");
    WebElement article = browser.find("article.game");
    assertThat(article.getAttribute("data-id")).isEqualTo("2");
    assertThat(article.findElement(By.cssSelector(".summary")).getText())
        .isEqualTo("The armada is back, and this time it brought motherships.");
    String facts = article.findElement(By.cssSelector(".facts-list")).getText();
    assertThat(facts)
        .contains("Released", "14 March 2002")
        .contains("Genres", "Shooter")
        .contains("Themes", "Science fiction, Action")
        .contains("Platforms", "PC (Microsoft Windows), PlayStation 4")
        .contains("Developers", "Nova Forge")
        .contains("Publishers", "Orbit Games")
        .contains("Franchise", "Star Blaster")
        .contains("Series", "Star Blaster")
        .contains("Perspective", "Third person");
    assertThat(article.findElement(By.cssSelector(".game-title .rating")).getText())
        .isEqualTo("rated 84/100 by 410 players");
    assertThat(article.findElement(By.cssSelector("img.cover-big")).getAttribute("alt"))
        .isEqualTo("Cover of Star Blaster II");
    assertThat(article.findElement(By.cssSelector("a.external")).getAttribute("href"))
        .isEqualTo("https://www.igdb.com/games/star-blaster-ii");

    List<WebElement> similar = browser.all(".similar .card");
    assertThat(similar).hasSizeGreaterThanOrEqualTo(3);
    WebElement first = similar.get(0);
    assertThat(first.findElement(By.cssSelector(".card-title")).getText())
        .isEqualTo("Star Blaster");
    assertThat(first.findElement(By.cssSelector(".why")).getText())
        .startsWith("Why:")
        .contains("franchise Star Blaster");
    for (WebElement r : similar) {
      assertThat(r.findElement(By.cssSelector(".why")).getText()).startsWith("Why:");
      assertThat(r.findElement(By.cssSelector(".score")).getText()).endsWith("% match");
    }
    assertThat(cardNames(".similar")).doesNotContain("Star Blaster II: Gold Edition");
    // the other games of its franchise, by release; its series has the same games: shown once
    List<WebElement> series = browser.all("section.series");
    assertThat(series).hasSize(1);
    assertThat(series.get(0).findElement(By.tagName("h2")).getText())
        .isEqualTo("More from the Star Blaster franchise");
    assertThat(
            series.get(0).findElements(By.cssSelector(".series-game")).stream()
                .map(e -> e.getAttribute("data-id"))
                .toList())
        .containsExactly("1", "3");
    assertThat(browser.fitsWidth()).isTrue();
    browser.screenshot("game");

    // a similar game's link: a new history entry
    first.findElement(By.cssSelector(".card-title a")).click();
    browser.rendered("#/games/1");
    assertThat(browser.find("h1").getText()).isEqualTo("Star Blaster");
    // the new view's heading takes the focus (keyboard and screen-reader users start there)
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("game-name");

    browser.driver.navigate().back();
    browser.rendered("#/games/2");
    assertThat(browser.find("h1").getText()).isEqualTo("Star Blaster II");
    browser.driver.navigate().forward();
    browser.rendered("#/games/1");
    assertThat(browser.find("h1").getText()).isEqualTo("Star Blaster");

    // a link of the franchise section
    browser.find("section.series .series-game[data-id='3'] a").click();
    browser.rendered("#/games/3");
    assertThat(browser.find("h1").getText()).isEqualTo("Star Blaster II: Gold Edition");
    assertThat(browser.find("article.game .parent a").getAttribute("href")).endsWith("#/games/2");

    // a game that is not (yet) in the catalogue, and a route that does not exist
    open("#/games/999999", width);
    assertThat(browser.find("h1").getText()).isEqualTo("Game not found");
    open("#/nowhere", width);
    assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void searchWithTheKeyboardThenTheSearchPage(int width) {
    open("#/", width);
    assertThat(browser.find("h1").getText()).isEqualTo("Find games like the ones you love");
    browser.screenshot("home");
    WebElement box = browser.find("#q");
    box.sendKeys("star");
    browser.wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#q-list li.option"), 3));
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    browser.screenshot("typeahead");
    box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("q-opt-1");
    String picked = browser.find("#q-opt-1 .name").getText();
    assertThat(picked).isEqualTo("Star Blaster II");
    box.sendKeys(Keys.ENTER);
    browser.rendered("#/games/2");
    assertThat(browser.find("h1").getText()).isEqualTo(picked);

    // Enter with nothing highlighted: the search page, its query in the address
    box = browser.find("#q");
    box.clear();
    box.sendKeys("dragon");
    browser.wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#q-list li.option"), 2));
    box.sendKeys(Keys.ENTER);
    browser.rendered("#/search?q=dragon");
    assertThat(browser.find("h1").getText()).isEqualTo("Games starting with “dragon”");
    assertThat(cardNames("main"))
        .containsExactlyInAnyOrder("Dragon Lands Reborn", "Dragon Quest Lands");
    assertThat(browser.fitsWidth()).isTrue();
    browser.screenshot("search");

    // keyboard only: Tab from the heading reaches the first result's link, Enter opens it
    WebElement link = browser.find("main .card .card-title a");
    String target = link.getAttribute("href");
    link.sendKeys(Keys.ENTER);
    browser.rendered(target.substring(target.indexOf('#')));
    browser.driver.navigate().back();
    browser.rendered("#/search?q=dragon");
    assertThat(browser.find("#q").getAttribute("value")).isEqualTo("dragon");

    // a deep link to a search
    open("#/search?q=zzz", width);
    assertThat(browser.find("main .empty").getText()).isEqualTo("No game name starts with “zzz”.");
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void likesAndDislikesSurviveAReloadAndDriveRecommendations(int width) {
    open("#/recommendations", width);
    assertThat(browser.find("main .empty").getText()).startsWith("Like a few games first");

    open("#/games/2", width);
    WebElement like = browser.find("article.game .opinion-like");
    assertThat(like.getAttribute("aria-pressed")).isEqualTo("false");
    like.sendKeys(Keys.SPACE); // a keyboard press, like any button
    assertThat(like.getAttribute("aria-pressed")).isEqualTo("true");
    // a similar game liked from its card, another one marked not for me
    browser.find(".similar .card[data-id='1'] .opinion-like").click();
    browser.find(".similar .card[data-id='4'] .opinion-dislike").click();
    assertThat(browser.find("#taste-count").getText()).isEqualTo("(2 liked)");

    browser.driver.navigate().refresh();
    browser.rendered("#/games/2");
    assertThat(browser.find("article.game .opinion-like").getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertThat(
            browser.all("#taste [data-opinion='liked'] li").stream()
                .map(e -> e.getAttribute("data-id"))
                .toList())
        .containsExactly("1", "2"); // newest first
    assertThat(
            browser.all("#taste [data-opinion='disliked'] li").stream()
                .map(e -> e.getAttribute("data-id"))
                .toList())
        .containsExactly("4");

    browser.find("#nav-recs").click();
    browser.rendered("#/recommendations");
    List<WebElement> recs = browser.all(".recs .card");
    assertThat(recs).isNotEmpty();
    assertThat(recs).extracting(e -> e.getAttribute("data-id")).doesNotContain("1", "2", "4");
    for (WebElement r : recs) {
      assertThat(r.findElement(By.cssSelector(".why")).getText()).startsWith("Why:");
    }
    assertThat(browser.find(".basis").getText())
        .isEqualTo("From the 2 games you like and the 1 game not for you.");
    browser.screenshot("recommendations");

    // filter: one platform and years; the address keeps them, every result passes them
    if (browser.find("details.filters").getAttribute("open") == null) {
      browser.find("details.filters summary").click(); // closed on a phone while no filter is on
    }
    // the choices are the catalogue's, most games first
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.find("#f-platform"))
                .getOptions().stream().map(WebElement::getText).toList())
        .containsExactly(
            "Any platform",
            WebCatalogue.PC + " (14)",
            WebCatalogue.SWITCH + " (5)",
            WebCatalogue.PS4 + " (5)");
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.find("#f-type"))
                .getOptions().stream().map(WebElement::getText).toList())
        .containsExactly("Any type", "Main Game (18)", "Bundle (1)");
    new org.openqa.selenium.support.ui.Select(browser.find("#f-platform"))
        .selectByValue(WebCatalogue.PS4);
    browser.find("#f-from").sendKeys("2003");
    browser.find(".filters button[type='submit']").click();
    browser.rendered("#/recommendations?platform=PlayStation+4&yearFrom=2003");
    recs = browser.all(".recs .card");
    assertThat(recs).isNotEmpty();
    for (WebElement r : recs) {
      assertThat(r.findElement(By.cssSelector(".platforms")).getText()).contains("PlayStation 4");
      assertThat(Integer.parseInt(r.findElement(By.cssSelector(".year")).getText()))
          .isGreaterThanOrEqualTo(2003);
    }
    assertThat(browser.fitsWidth()).isTrue();
    browser.screenshot("recommendations-filtered");

    // variants stay out unless asked for
    assertThat(cardNames(".recs")).doesNotContain("Star Blaster II: Gold Edition");
    browser.find("#f-includeVariants").click();
    browser.find(".filters button[type='submit']").click();
    browser.rendered("#/recommendations?platform=PlayStation+4&yearFrom=2003&includeVariants=true");
    assertThat(cardNames(".recs")).contains("Star Blaster II: Gold Edition");

    // back: the previous filters, form included
    browser.driver.navigate().back();
    browser.rendered("#/recommendations?platform=PlayStation+4&yearFrom=2003");
    assertThat(browser.find("#f-includeVariants").isSelected()).isFalse();
    assertThat(browser.find("#f-from").getAttribute("value")).isEqualTo("2003");

    // a bad filter gets the API's message
    open("#/recommendations?yearFrom=2010&yearTo=2000", width);
    assertThat(browser.find(".recs .error").getText())
        .contains("yearFrom 2010 is after yearTo 2000");

    // removing a liked game from the side panel; the list offers to update
    open("#/recommendations", width);
    browser.find("#taste [data-opinion='liked'] li[data-id='1'] button.remove").click();
    browser.find("#recs-update").click();
    browser.rendered("#/recommendations");
    assertThat(browser.find(".basis").getText())
        .isEqualTo("From the 1 game you like and the 1 game not for you.");
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void equalMatchesComeMostRatedFirst(int width) {
    // Shadow Arena shares its only theme with three games: all three match it fully
    open("#/games/20", width);
    assertThat(cardNames(".similar").subList(0, 3))
        .containsExactly("Arena Prime", "Arena Legends", "Arena Zero");
    List<WebElement> cards = browser.all(".similar .card");
    assertThat(cards.get(0).findElement(By.cssSelector(".score")).getText())
        .isEqualTo("100% match");
    assertThat(cards.get(0).findElement(By.cssSelector(".rating")).getText())
        .isEqualTo("rated 90/100 by 5,000 players");
    assertThat(cards.get(1).findElement(By.cssSelector(".rating")).getText())
        .isEqualTo("rated 75/100 by 5,000 players");
    assertThat(browser.find(".similar .hint").getText())
        .contains("Equal matches: more rated first, then better rated, then newer.");
    browser.screenshot("ties");
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void coversFallBackToAPlaceholder(int width) {
    open("#/games/4", width); // its cover URL answers 404
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("article.game .cover-big.placeholder")));
    WebElement placeholder = browser.find("article.game .cover-big.placeholder");
    assertThat(placeholder.getAttribute("aria-label"))
        .isEqualTo("Cover of Nebula Strike (no cover image)");
    assertThat(placeholder.getText()).isEqualTo("NS");
    open("#/games/5", width); // no cover at all
    assertThat(browser.find("article.game .cover-big.placeholder").getText()).isEqualTo("OA");
    browser.screenshot("game-without-cover");
    open("#/games/1", width); // a cover that loads
    WebElement img = browser.find("article.game img.cover-big");
    browser.wait.until(
        d ->
            (Boolean)
                browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void hostileNamesAndSummariesStayText(int width) {
    open("#/games/30", width);
    WebElement h1 = browser.find("h1");
    assertThat(h1.getText()).isEqualTo(WebCatalogue.SCRIPT_NAME);
    assertThat(browser.find("article.game .summary").getText()).isEqualTo(WebCatalogue.IMG_SUMMARY);
    assertThat(
            browser.all(
                "article.game script, article.game img:not(.cover), main iframe, main svg, main b"))
        .isEmpty();
    assertThat(browser.find("article.game .facts-list").getText())
        .contains("<b>Bold</b> & Co", "<iframe src=//example.com>");
    // its javascript: cover URL is never loaded
    assertThat(browser.find("article.game .cover-big.placeholder").getText()).isEqualTo("ST");
    // in other games' lists and in the typeahead too
    open("#/games/10", width);
    assertThat(cardNames(".similar"))
        .contains(WebCatalogue.SCRIPT_NAME, WebCatalogue.LONG_NAME, WebCatalogue.RTL_NAME);
    assertThat(browser.fitsWidth()).isTrue();
    browser.screenshot("hostile-in-lists");
    browser.find("#q").sendKeys("<scr");
    browser.wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#q-list li.option"), 1));
    assertThat(browser.find("#q-list li.option .name").getText())
        .isEqualTo(WebCatalogue.SCRIPT_NAME);
    open("#/games/31", width);
    assertThat(browser.fitsWidth()).isTrue();
    browser.screenshot("hostile-long");
    open("#/search?q=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D5%3E", width);
    assertThat(browser.find("h1").getText())
        .isEqualTo("Games starting with “<img src=x onerror=window.__pwned=5>”");
    assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1400})
  void everyViewPassesTheAccessibilityCheck(int width) {
    // a liked and a disliked game so that the side panel and the recommendations have content
    open("#/games/6", width);
    browser.find("article.game .opinion-like").click();
    browser.find(".similar .card .opinion-dislike").click();
    for (String hash :
        List.of(
            "#/",
            "#/games/6",
            "#/games/4",
            "#/games/30",
            "#/search?q=star",
            "#/recommendations",
            "#/games/999999")) {
      open(hash, width);
      assertThat(browser.seriousAccessibilityViolations()).as(hash).isEmpty();
    }
    // the typeahead open
    browser.find("#q").sendKeys("dra");
    browser.wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#q-list li.option"), 2));
    browser.find("#q").sendKeys(Keys.ARROW_DOWN);
    assertThat(browser.seriousAccessibilityViolations()).as("typeahead").isEmpty();
    // the check does see a fault: an image without a text alternative
    browser.js("document.querySelector('main').append(document.createElement('img'))");
    assertThat(browser.seriousAccessibilityViolations()).anyMatch(v -> v.contains("image-alt"));
  }
}
