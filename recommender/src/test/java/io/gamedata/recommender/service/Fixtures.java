package io.gamedata.recommender.service;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.List;

/**
 * A small hand-made catalogue with clear neighbourhoods (space shooters, fantasy RPGs, puzzles).
 */
public final class Fixtures {

  private Fixtures() {}

  static EnrichedGame game(
      long id,
      String name,
      int year,
      List<String> genres,
      List<String> themes,
      List<String> keywords,
      List<String> franchises,
      List<String> platforms) {
    return EnrichedGame.builder(id)
        .name(name)
        .releaseYear(year)
        .gameTypeId(0L)
        .gameType("Main Game")
        .genres(genres)
        .themes(themes)
        .keywords(keywords)
        .franchises(franchises)
        .platforms(platforms)
        .gameModes(List.of("Single player"))
        .coverUrl(
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='60'"
                + " height='80'%3E%3Crect width='60' height='80' fill='%23"
                + (id % 2 == 0 ? "48a" : "a84")
                + "'/%3E%3C/svg%3E")
        .build();
  }

  /** Twelve games: 1-4 space shooters (franchise Star Blaster), 5-8 fantasy RPGs, 9-12 puzzles. */
  public static List<EnrichedGame> catalogue() {
    List<String> pc = List.of("PC (Microsoft Windows)");
    List<String> pcPs = List.of("PC (Microsoft Windows)", "PlayStation 4");
    List<String> sw = List.of("Nintendo Switch");
    return List.of(
        game(
            1,
            "Star Blaster",
            1999,
            List.of("Shooter"),
            List.of("Science fiction", "Action"),
            List.of("space", "aliens", "lasers"),
            List.of("Star Blaster"),
            pc),
        game(
            2,
            "Star Blaster II",
            2002,
            List.of("Shooter"),
            List.of("Science fiction", "Action"),
            List.of("space", "aliens", "boss fights"),
            List.of("Star Blaster"),
            pcPs),
        game(
            3,
            "Nebula Strike",
            2010,
            List.of("Shooter", "Arcade"),
            List.of("Science fiction"),
            List.of("space", "lasers", "boss fights"),
            List.of(),
            pcPs),
        game(
            4,
            "Orbital Assault",
            2015,
            List.of("Shooter"),
            List.of("Science fiction", "Warfare"),
            List.of("space", "aliens", "mechs"),
            List.of(),
            pc),
        game(
            5,
            "Dragon Quest Lands",
            2001,
            List.of("Role-playing (RPG)"),
            List.of("Fantasy"),
            List.of("dragons", "magic", "party"),
            List.of("Dragon Lands"),
            pc),
        game(
            6,
            "Dragon Lands Reborn",
            2012,
            List.of("Role-playing (RPG)", "Adventure"),
            List.of("Fantasy"),
            List.of("dragons", "magic", "open world"),
            List.of("Dragon Lands"),
            pcPs),
        game(
            7,
            "Sword of Ember",
            2016,
            List.of("Role-playing (RPG)"),
            List.of("Fantasy", "Action"),
            List.of("swords", "magic", "dungeons"),
            List.of(),
            sw),
        game(
            8,
            "Mage Tower",
            2019,
            List.of("Role-playing (RPG)", "Strategy"),
            List.of("Fantasy"),
            List.of("magic", "dungeons", "party"),
            List.of(),
            sw),
        game(
            9,
            "Block Drop",
            1995,
            List.of("Puzzle"),
            List.of("Kids"),
            List.of("tiles", "falling blocks"),
            List.of(),
            pc),
        game(
            10,
            "Tile Twister",
            2005,
            List.of("Puzzle"),
            List.of("Kids"),
            List.of("tiles", "match three"),
            List.of(),
            sw),
        game(
            11,
            "Gem Match Deluxe",
            2011,
            List.of("Puzzle", "Arcade"),
            List.of("Kids"),
            List.of("match three", "gems"),
            List.of(),
            pcPs),
        game(
            12,
            "Color Lines",
            2020,
            List.of("Puzzle"),
            List.of(),
            List.of("tiles", "gems", "falling blocks"),
            List.of(),
            sw));
  }
}
