package io.gamedata.producer.client;

/** IGDB answered with an error or could not be reached, after retries where they apply. */
public class IgdbException extends RuntimeException {
  private final int status;

  public IgdbException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status, or 0 for an I/O error or timeout. */
  public int status() {
    return status;
  }

  /** True for statuses worth retrying: 429, 5xx and I/O errors. */
  public boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }
}
