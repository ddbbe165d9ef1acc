package io.gamedata.recommender.engine.vector;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.Field;
import io.gamedata.recommender.engine.IdfGeneration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a document into raw terms: {@code term -> tf factor} (1 for metadata, {@code 1 + ln(tf)}
 * for summary words). IDF, the field weights, the summary document-frequency cap and the L2 norm
 * are applied later by {@link Vectorizer} under a frozen {@link IdfGeneration}. {@code
 * similar_games} is never read.
 */
public final class FeatureExtractor {

  /** English stop words plus words every game summary uses. */
  private static final Set<String> STOP_WORDS =
      stopWords(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "even",
          "every",
          "few",
          "for",
          "from",
          "further",
          "get",
          "gets",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "however",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "like",
          "made",
          "make",
          "makes",
          "many",
          "may",
          "me",
          "more",
          "most",
          "much",
          "must",
          "my",
          "myself",
          "new",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "two",
          "under",
          "until",
          "up",
          "upon",
          "us",
          "use",
          "very",
          "was",
          "way",
          "we",
          "well",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "within",
          "without",
          "would",
          "you",
          "your",
          "yours",
          "yourself",
          "yourselves",
          "game",
          "games",
          "player",
          "players",
          "play",
          "playing",
          "take",
          "takes",
          "world",
          "first",
          "time",
          "s",
          "t",
          "ll",
          "ve",
          "re",
          "d");

  private final int summaryMinLength;
  private final boolean summary;

  private static Set<String> stopWords(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /**
   * @param summary false to skip summary words altogether (when their field weight is 0, which
   *     saves tokenising every summary)
   */
  public FeatureExtractor(int summaryMinLength, boolean summary) {
    this.summaryMinLength = summaryMinLength;
    this.summary = summary;
  }

  /** Raw terms of a game with their tf factor, in a stable order. */
  public Map<String, Double> terms(EnrichedGame g) {
    Map<String, Double> out = new LinkedHashMap<>();
    add(out, Field.GENRE, g.genres());
    add(out, Field.THEME, g.themes());
    add(out, Field.MODE, g.gameModes());
    add(out, Field.PERSPECTIVE, g.playerPerspectives());
    add(out, Field.KEYWORD, g.keywords());
    add(out, Field.DEVELOPER, g.developers());
    add(out, Field.PUBLISHER, g.publishers());
    add(out, Field.FRANCHISE, g.franchises());
    add(out, Field.COLLECTION, g.collections());
    add(out, Field.ENGINE, g.gameEngines());
    add(out, Field.PLATFORM, g.platforms());
    if (summary && g.summary() != null) {
      Map<String, Integer> tf = new HashMap<>();
      for (String w : tokenize(g.summary())) {
        tf.merge(w, 1, Integer::sum);
      }
      tf.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.put(Field.SUMMARY.term(e.getKey()), 1.0 + Math.log(e.getValue())));
    }
    return out;
  }

  /** Lower-case words of a text, stop words and short words out. */
  List<String> tokenize(String text) {
    var words = new java.util.ArrayList<String>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String w = lower.substring(start, i);
        start = -1;
        if (w.length() >= summaryMinLength && !STOP_WORDS.contains(w) && !allDigits(w)) {
          words.add(w);
        }
      }
    }
    return words;
  }

  private static boolean allDigits(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final Map<String, Field> BY_PREFIX = byPrefix();

  private static Map<String, Field> byPrefix() {
    Map<String, Field> m = new HashMap<>();
    for (Field f : Field.values()) {
      m.put(f.prefix(), f);
    }
    return Map.copyOf(m);
  }

  private static void add(Map<String, Double> out, Field f, List<String> values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.put(f.term(v.strip()), 1.0);
      }
    }
  }

  /** The field of a term, from its prefix. */
  public static Field fieldOf(String term) {
    int colon = term.indexOf(':');
    Field f = colon < 0 ? null : BY_PREFIX.get(term.substring(0, colon));
    if (f == null) {
      throw new IllegalArgumentException("unknown field of term " + term);
    }
    return f;
  }
}
