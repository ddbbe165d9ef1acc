package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.util.Optional;

/** Validation rules of reference records: key = id, and what enrichment needs is present. */
public final class ReferenceValidator {

  private ReferenceValidator() {}

  /** The first violation, or empty when the record is valid. */
  public static Optional<String> violation(Long key, IgdbRecord record) {
    if (key == null) {
      return Optional.of("missing key");
    }
    if (record.id() < 0) {
      return Optional.of("id must be >= 0, was " + record.id());
    }
    if (key != record.id()) {
      return Optional.of("key " + key + " does not match id " + record.id());
    }
    if (record instanceof IgdbNamed named) {
      String name = named.displayName();
      if (name == null || name.isBlank()) {
        return Optional.of("missing required field: name");
      }
    } else if (record instanceof IgdbCover cover) {
      if (cover.imageId() == null || cover.imageId().isBlank()) {
        return Optional.of("missing required field: image_id");
      }
      if (cover.game() != null && cover.game() < 1) {
        return Optional.of("game must be >= 1, was " + cover.game());
      }
    } else if (record instanceof IgdbInvolvedCompany ic) {
      if (ic.company() == null) {
        return Optional.of("missing required field: company");
      }
      if (ic.company() < 0) {
        return Optional.of("company must be >= 0, was " + ic.company());
      }
      if (ic.game() != null && ic.game() < 1) {
        return Optional.of("game must be >= 1, was " + ic.game());
      }
    }
    return Optional.empty();
  }
}
