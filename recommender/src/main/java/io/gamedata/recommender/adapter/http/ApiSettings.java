package io.gamedata.recommender.adapter.http;

/**
 * Settings of the HTTP side.
 *
 * @param host bind address
 * @param port port (0 = any free port)
 * @param threads worker threads
 * @param maxBodyBytes largest request body (413 above)
 * @param defaultLimit results when no limit is given
 * @param maxLimit largest accepted limit
 * @param listSize the engine's stored list length K' (similar-games queries up to it are cheap)
 */
public record ApiSettings(
    String host,
    int port,
    int threads,
    int maxBodyBytes,
    int defaultLimit,
    int maxLimit,
    int listSize) {}
