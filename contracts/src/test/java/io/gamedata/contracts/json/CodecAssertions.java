package io.gamedata.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbGame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/** Compares the hand-written reader with databind on one input. */
final class CodecAssertions {

  private CodecAssertions() {}

  /** Outcome of one read: a value or an exception. */
  record Outcome(IgdbGame game, Throwable error) {}

  interface Read {
    IgdbGame read(byte[] bytes) throws Exception;
  }

  static Outcome outcome(Read read, byte[] bytes) {
    try {
      return new Outcome(read.read(bytes), null);
    } catch (Exception e) {
      return new Outcome(null, e);
    }
  }

  /**
   * Asserts that {@link IgdbGameReader#read} and {@link IgdbGameReader#readTrimmed} agree with
   * databind (and databind + trim) on {@code bytes}: equal records with the same order of unknown
   * fields, or exceptions of the same class and message. Returns databind's outcome.
   */
  static Outcome assertSameAsDatabind(byte[] bytes) {
    Outcome expected = outcome(b -> Json.mapper().readValue(b, IgdbGame.class), bytes);
    Outcome actual = outcome(IgdbGameReader::read, bytes);
    Outcome trimmed = outcome(IgdbGameReader::readTrimmed, bytes);
    String input = describe(bytes);
    if (expected.error() != null) {
      for (Outcome o : new Outcome[] {actual, trimmed}) {
        assertThat(o.error()).as("error for %s", input).isNotNull();
        assertThat(o.error().getClass()).as(input).isEqualTo(expected.error().getClass());
        assertThat(o.error().getMessage()).as(input).isEqualTo(expected.error().getMessage());
      }
    } else {
      assertThat(actual.error()).as("unexpected error for %s", input).isNull();
      assertThat(trimmed.error()).as("unexpected error for %s", input).isNull();
      if (expected.game() == null) {
        assertThat(actual.game()).as(input).isNull();
        assertThat(trimmed.game()).as(input).isNull();
        return expected;
      }
      assertThat(actual.game()).as(input).isEqualTo(expected.game());
      assertThat(new ArrayList<>(actual.game().other().keySet()))
          .as("order of unknown fields of %s", input)
          .isEqualTo(new ArrayList<>(expected.game().other().keySet()));
      assertThat(trimmed.game()).as(input).isEqualTo(IgdbGameReader.trim(expected.game()));
      assertThat(trimmed.game()).as(input).isEqualTo(trimmedByHand(expected.game()));
    }
    return expected;
  }

  /**
   * The trimming of {@code GameVersions.trimmed} (module streams), spelled out independently of
   * {@link IgdbGameReader#trim}: dlcs, expansions, bundles, follows and other dropped.
   */
  static IgdbGame trimmedByHand(IgdbGame g) {
    var o = Json.mapper().createObjectNode();
    o.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(g));
    for (String dropped : new String[] {"dlcs", "expansions", "bundles", "follows"}) {
      o.remove(dropped);
    }
    for (String unknown : g.other().keySet()) {
      o.remove(unknown);
    }
    return Json.mapper().convertValue(o, IgdbGame.class);
  }

  static String describe(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
  }
}
