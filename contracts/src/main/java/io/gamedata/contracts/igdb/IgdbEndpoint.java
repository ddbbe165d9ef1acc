package io.gamedata.contracts.igdb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The IGDB v4 endpoints the platform fetches, with the model each record is read into. */
public enum IgdbEndpoint {
  GAMES("games", IgdbGame.class),
  GENRES("genres", IgdbNamed.class),
  THEMES("themes", IgdbNamed.class),
  GAME_MODES("game_modes", IgdbNamed.class),
  PLAYER_PERSPECTIVES("player_perspectives", IgdbNamed.class),
  PLATFORMS("platforms", IgdbNamed.class),
  GAME_TYPES("game_types", IgdbNamed.class),
  GAME_STATUSES("game_statuses", IgdbNamed.class),
  KEYWORDS("keywords", IgdbNamed.class),
  COMPANIES("companies", IgdbNamed.class),
  INVOLVED_COMPANIES("involved_companies", IgdbInvolvedCompany.class),
  FRANCHISES("franchises", IgdbNamed.class),
  COLLECTIONS("collections", IgdbNamed.class),
  GAME_ENGINES("game_engines", IgdbNamed.class),
  COVERS("covers", IgdbCover.class);

  private final String path;
  private final Class<? extends IgdbRecord> model;

  IgdbEndpoint(String path, Class<? extends IgdbRecord> model) {
    this.path = path;
    this.model = model;
  }

  /** The path segment after {@code /v4/}, e.g. {@code involved_companies}. */
  public String path() {
    return path;
  }

  public Class<? extends IgdbRecord> model() {
    return model;
  }

  /** Every endpoint except {@code games}, in the order a bulk fetch loads them. */
  public static List<IgdbEndpoint> references() {
    return Arrays.stream(values()).filter(e -> e != GAMES).toList();
  }

  public static Optional<IgdbEndpoint> fromPath(String path) {
    return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
  }
}
