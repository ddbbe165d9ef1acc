package io.gamedata.http;

/**
 * Answers one request: reads from and writes to the {@link Exchange}, or throws {@link HttpError}.
 */
@FunctionalInterface
public interface Handler {
  void handle(Exchange ctx) throws Exception;
}
