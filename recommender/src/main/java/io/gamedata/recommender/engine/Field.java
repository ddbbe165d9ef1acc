package io.gamedata.recommender.engine;

/**
 * The namespaces of the sparse feature vector. Every term of a game is {@code prefix:value}, e.g.
 * {@code genre:Shooter}, {@code dev:Valve}, {@code word:dungeon}. {@code similar_games} is never a
 * feature: it is the ground truth the engine is evaluated against.
 */
public enum Field {
  GENRE("genre"),
  THEME("theme"),
  MODE("mode"),
  PERSPECTIVE("perspective"),
  KEYWORD("kw"),
  DEVELOPER("dev"),
  PUBLISHER("pub"),
  FRANCHISE("franchise"),
  COLLECTION("collection"),
  ENGINE("engine"),
  PLATFORM("platform"),
  /** Words of the summary (stop words out, sublinear tf, document-frequency cap). */
  SUMMARY("word");

  private final String prefix;

  Field(String prefix) {
    this.prefix = prefix;
  }

  /** The namespace prefix written before the colon of a term. */
  public String prefix() {
    return prefix;
  }

  /** The term for one value of this field: {@code prefix + ":" + value}. */
  public String term(String value) {
    return prefix + ":" + value;
  }
}
