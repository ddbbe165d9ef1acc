package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.text.Normalizer;
import java.util.List;
import java.util.SplittableRandom;

/** Names, slugs and text for generated rows. */
final class Names {

  private Names() {}

  static final List<String> ENGINES =
      List.of(
          "Unreal Engine 4",
          "Unreal Engine 5",
          "Unity",
          "Godot",
          "GameMaker",
          "RPG Maker",
          "Source",
          "CryEngine",
          "id Tech",
          "Frostbite",
          "RE Engine",
          "Ren'Py",
          "Construct",
          "Clickteam Fusion",
          "Havok");

  private static final String[] ADJ = {
    "Ancient",
    "Broken",
    "Crimson",
    "Dark",
    "Eternal",
    "Fallen",
    "Frozen",
    "Golden",
    "Hidden",
    "Iron",
    "Last",
    "Lost",
    "Mystic",
    "Neon",
    "Silent",
    "Shadow",
    "Silver",
    "Steel",
    "Super",
    "Wild",
    "Cosmic",
    "Pixel",
    "Tiny",
    "Brave",
    "Burning",
    "Hollow",
    "Final",
    "Little",
    "Infinite",
    "Savage",
    "Electric",
    "Endless",
    "Forgotten",
    "Haunted",
    "Radiant",
    "Rogue",
    "Sacred",
    "Solar",
    "Stellar",
    "Twisted"
  };
  private static final String[] NOUN = {
    "Kingdom", "Legend", "Knight", "Dragon", "Empire", "Quest", "Odyssey", "Frontier", "Horizon",
    "Dungeon", "Galaxy", "Realm", "Saga", "Warrior", "Tales", "Chronicles", "Island", "City",
    "Tower", "Garden", "Harvest", "Racer", "Hunter", "Station", "Colony", "Ocean", "Forest",
    "Temple", "Citadel", "Arena", "Circuit", "Voyage", "Crown", "Blade", "Storm", "Spirit",
    "Machine", "Planet", "Signal", "Rift"
  };
  private static final String[] COMPANY_SUFFIX = {
    "Studios",
    "Games",
    "Interactive",
    "Entertainment",
    "Software",
    "Productions",
    "Works",
    "Digital",
    "Labs",
    "Publishing"
  };
  private static final String[] WORDS = {
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "your",
    "an",
    "world",
    "player",
    "players",
    "game",
    "explore",
    "fight",
    "build",
    "story",
    "adventure",
    "journey",
    "hero",
    "enemies",
    "levels",
    "unique",
    "new",
    "battle",
    "puzzles",
    "friends",
    "city",
    "dungeon",
    "secrets",
    "mysterious",
    "ancient",
    "power",
    "combat",
    "survive",
    "discover",
    "craft",
    "control",
    "characters",
    "challenge",
    "mode",
    "online",
    "multiplayer",
    "classic",
    "action",
    "strategy",
    "magic",
    "space",
    "time",
    "race",
    "save",
    "kingdom",
    "must",
    "with",
    "through",
    "against",
    "their",
    "across",
    "beautiful",
    "hand-drawn",
    "procedurally",
    "generated",
    "experience",
    "features",
    "over",
    "missions",
    "weapons",
    "skills",
    "upgrade",
    "team",
    "epic",
    "retro",
    "inspired",
    "by",
    "for"
  };

  static String title(SplittableRandom r) {
    String a = ADJ[r.nextInt(ADJ.length)];
    String n = NOUN[r.nextInt(NOUN.length)];
    return switch (r.nextInt(6)) {
      case 0 -> n + " of the " + a + " " + NOUN[r.nextInt(NOUN.length)];
      case 1 ->
          a + " " + n + ": " + NOUN[r.nextInt(NOUN.length)] + " " + NOUN[r.nextInt(NOUN.length)];
      case 2 -> "The " + a + " " + n;
      case 3 -> a + " " + n + " " + ADJ[r.nextInt(ADJ.length)] + " " + NOUN[r.nextInt(NOUN.length)];
      default -> a + " " + n;
    };
  }

  static String company(SplittableRandom r) {
    return (r.nextBoolean() ? ADJ[r.nextInt(ADJ.length)] + " " : "")
        + NOUN[r.nextInt(NOUN.length)]
        + " "
        + COMPANY_SUFFIX[r.nextInt(COMPANY_SUFFIX.length)];
  }

  static String keyword(List<IgdbRecord> real, SplittableRandom r) {
    String a = ((IgdbNamed) real.get(r.nextInt(real.size()))).name();
    String b = WORDS[r.nextInt(WORDS.length)];
    return r.nextBoolean() ? a + " " + b : b + " " + a;
  }

  static String text(int length, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(length + 16);
    boolean start = true;
    while (sb.length() < length) {
      String w = WORDS[r.nextInt(WORDS.length)];
      if (start) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        start = false;
      } else {
        sb.append(w);
      }
      if (r.nextInt(12) == 0) {
        sb.append('.');
        start = true;
      }
      sb.append(' ');
    }
    sb.setLength(Math.max(1, length - 1));
    return sb.append('.').toString();
  }

  static String slug(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean dash = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 127) {
        String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        c = s.isEmpty() ? ' ' : s.charAt(0);
      }
      c = Character.toLowerCase(c);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && sb.length() > 0) {
          sb.append('-');
        }
        sb.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return sb.length() == 0 ? "untitled" : sb.toString();
  }
}
