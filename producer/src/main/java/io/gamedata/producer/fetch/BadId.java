package io.gamedata.producer.fetch;

/** A record IGDB kept failing to serve, isolated by bisection. Reported, never skipped silently. */
public record BadId(String endpoint, long id, int status, String error) {}
