package io.gamedata.producer.client;

/**
 * One record as IGDB returned it: its id, its {@code updated_at} (null when absent) and the JSON
 * object re-serialized compactly, ready to publish.
 */
public record RawRecord(long id, Long updatedAt, byte[] json) {}
