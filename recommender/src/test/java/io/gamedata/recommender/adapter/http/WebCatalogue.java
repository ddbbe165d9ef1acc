package io.gamedata.recommender.adapter.http;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser tests' catalogue: games with everything the game page shows (covers of three kinds,
 * summaries, companies, franchises, series, ratings), a group of exact ties ("Shadow Arena" and
 * three games sharing its only theme) and hostile games whose text is markup, bidi overrides and
 * very long words.
 */
final class WebCatalogue {

  static final String PC = "PC (Microsoft Windows)";
  static final String PS4 = "PlayStation 4";
  static final String SWITCH = "Nintendo Switch";

  /** A name that runs script if a page ever inserts it as HTML. */
  static final String SCRIPT_NAME = "<script>window.__pwned=1</script>Evil Twin";

  static final String IMG_SUMMARY =
      "<img src=x onerror=\"window.__pwned=2\"> Tiles fall <b>fast</b>.\n"
          + "\u202Egnp.exe\u202C is not a file.";
  static final String LONG_NAME = "Tile" + "x".repeat(300) + " Saga";
  static final String RTL_NAME = "\u202Eelzzup\u202C Blocks";

  private WebCatalogue() {}

  private static EnrichedGame.Builder game(long id, String name, int year, String... platforms) {
    return EnrichedGame.builder(id)
        .name(name)
        .releaseYear(year)
        .firstReleaseDate(LocalDate.of(year, 3, 14).atStartOfDay().toInstant(ZoneOffset.UTC))
        .gameTypeId(0L)
        .gameType("Main Game")
        .platforms(List.of(platforms))
        .gameModes(List.of("Single player"))
        .coverUrl(cover(id));
  }

  /** A small inline SVG: the page loads data images, IGDB's image host and its own origin only. */
  static String cover(long id) {
    return "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='90'"
        + " height='120'%3E%3Crect width='90' height='120' fill='%23"
        + (id % 2 == 0 ? "3a6ea5" : "a5603a")
        + "'/%3E%3C/svg%3E";
  }

  static List<EnrichedGame> games() {
    List<EnrichedGame> out = new ArrayList<>();
    List<String> shooter = List.of("Shooter");
    List<String> scifi = List.of("Science fiction", "Action");
    out.add(
        game(1, "Star Blaster", 1999, PC)
            .genres(shooter)
            .themes(scifi)
            .keywords(List.of("space", "aliens", "lasers"))
            .franchises(List.of("Star Blaster"))
            .collections(List.of("Star Blaster"))
            .developers(List.of("Nova Forge"))
            .publishers(List.of("Orbit Games"))
            .summary("Pilot a lone fighter against an alien armada.")
            .totalRating(78.4)
            .totalRatingCount(120)
            .build());
    out.add(
        game(2, "Star Blaster II", 2002, PC, PS4)
            .genres(shooter)
            .themes(scifi)
            .keywords(List.of("space", "aliens", "boss fights"))
            .franchises(List.of("Star Blaster"))
            .collections(List.of("Star Blaster"))
            .developers(List.of("Nova Forge"))
            .publishers(List.of("Orbit Games"))
            .playerPerspectives(List.of("Third person"))
            .summary("The armada is back, and this time it brought motherships.")
            .storyline("Years after the first war, the fleet returns.")
            .totalRating(84.2)
            .totalRatingCount(410)
            .url("https://www.igdb.com/games/star-blaster-ii")
            .build());
    out.add(
        game(3, "Star Blaster II: Gold Edition", 2003, PC, PS4)
            .gameTypeId(3L)
            .gameType("Bundle")
            .parentGameId(2L)
            .genres(shooter)
            .themes(scifi)
            .keywords(List.of("space", "aliens", "boss fights"))
            .franchises(List.of("Star Blaster"))
            .collections(List.of("Star Blaster"))
            .build());
    out.add(
        game(4, "Nebula Strike", 2010, PC, PS4)
            .genres(List.of("Shooter", "Arcade"))
            .themes(List.of("Science fiction"))
            .keywords(List.of("space", "lasers", "boss fights"))
            .coverUrl("/covers/nebula-strike.jpg") // answers 404: the placeholder shows
            .totalRating(71.0)
            .totalRatingCount(35)
            .build());
    out.add(
        game(5, "Orbital Assault", 2015, PC)
            .genres(shooter)
            .themes(List.of("Science fiction", "Warfare"))
            .keywords(List.of("space", "aliens", "mechs"))
            .coverUrl(null)
            .developers(List.of("Nova Forge"))
            .build());
    out.add(
        game(6, "Dragon Quest Lands", 2001, PC)
            .genres(List.of("Role-playing (RPG)"))
            .themes(List.of("Fantasy"))
            .keywords(List.of("dragons", "magic", "party"))
            .franchises(List.of("Dragon Lands"))
            .totalRating(88.0)
            .totalRatingCount(900)
            .build());
    out.add(
        game(7, "Dragon Lands Reborn", 2012, PC, PS4)
            .genres(List.of("Role-playing (RPG)", "Adventure"))
            .themes(List.of("Fantasy"))
            .keywords(List.of("dragons", "magic", "open world"))
            .franchises(List.of("Dragon Lands"))
            .build());
    out.add(
        game(8, "Sword of Ember", 2016, SWITCH)
            .genres(List.of("Role-playing (RPG)"))
            .themes(List.of("Fantasy", "Action"))
            .keywords(List.of("swords", "magic", "dungeons"))
            .build());
    out.add(
        game(9, "Mage Tower", 2019, SWITCH)
            .genres(List.of("Role-playing (RPG)", "Strategy"))
            .themes(List.of("Fantasy"))
            .keywords(List.of("magic", "dungeons", "party"))
            .build());
    out.add(
        game(10, "Block Drop", 1995, PC)
            .genres(List.of("Puzzle"))
            .themes(List.of("Kids"))
            .keywords(List.of("tiles", "falling blocks"))
            .build());
    out.add(
        game(11, "Tile Twister", 2005, SWITCH)
            .genres(List.of("Puzzle"))
            .themes(List.of("Kids"))
            .keywords(List.of("tiles", "match three"))
            .build());
    out.add(
        game(12, "Gem Match Deluxe", 2011, PC, PS4)
            .genres(List.of("Puzzle", "Arcade"))
            .themes(List.of("Kids"))
            .keywords(List.of("match three", "gems"))
            .build());
    // exact ties: every one of these has the single theme "Action", so all score 1.0 to each other
    out.add(game(20, "Shadow Arena", 2018, PC).themes(List.of("Action")).build());
    out.add(
        game(21, "Arena Zero", 2014, PC)
            .themes(List.of("Action"))
            .totalRating(60.0)
            .totalRatingCount(12)
            .build());
    out.add(
        game(22, "Arena Prime", 2021, PC)
            .themes(List.of("Action"))
            .totalRating(90.0)
            .totalRatingCount(5000)
            .build());
    out.add(
        game(23, "Arena Legends", 2009, PC)
            .themes(List.of("Action"))
            .totalRating(75.0)
            .totalRatingCount(5000)
            .build());
    // hostile text: similar to the puzzles, so they show up in their lists too
    out.add(
        game(30, SCRIPT_NAME, 2020, PC)
            .genres(List.of("Puzzle"))
            .themes(List.of("Kids"))
            .keywords(List.of("tiles", "\"><svg onload=window.__pwned=3>"))
            .franchises(List.of("<b>Bold</b> & Co"))
            .developers(List.of("<iframe src=//example.com>"))
            .summary(IMG_SUMMARY)
            .coverUrl("javascript:window.__pwned=4")
            .build());
    out.add(
        game(31, LONG_NAME, 2021, SWITCH)
            .genres(List.of("Puzzle"))
            .themes(List.of("Kids"))
            .keywords(List.of("tiles", "y".repeat(200)))
            .summary("z".repeat(2000))
            .build());
    out.add(
        game(32, RTL_NAME, 2022, SWITCH)
            .genres(List.of("Puzzle"))
            .themes(List.of("Kids"))
            .keywords(List.of("falling blocks"))
            .build());
    return out;
  }
}
