package io.gamedata.streams.domain;

/** What enrichment needs of an involved company: which company, and its roles. */
public record InvolvedCompanyLink(long company, boolean developer, boolean publisher) {

  /**
   * The link as the reference stores keep it: {@code <company>:<flags>} (1 developer, 2 publisher).
   */
  public String storedValue() {
    int flags = (developer ? 1 : 0) | (publisher ? 2 : 0);
    return company + ":" + flags;
  }

  /** The link of a {@link #storedValue()}. */
  public static InvolvedCompanyLink ofStoredValue(String stored) {
    int colon = stored.indexOf(':');
    int flags = Integer.parseInt(stored.substring(colon + 1));
    return new InvolvedCompanyLink(
        Long.parseLong(stored.substring(0, colon)), (flags & 1) != 0, (flags & 2) != 0);
  }
}
