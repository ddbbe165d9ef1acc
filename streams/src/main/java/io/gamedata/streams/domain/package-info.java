/**
 * The enrichment rules and values, free of Kafka and HTTP: validation of raw games and references,
 * version ordering and trimming, the {@link io.gamedata.streams.domain.GameEnricher} that builds a
 * document from a game and the references known so far ({@link
 * io.gamedata.streams.domain.ReferenceLookup}), content fingerprints, a game's remembered {@link
 * io.gamedata.streams.domain.GameState}, and the reference values ({@link
 * io.gamedata.streams.domain.Reference}, {@link io.gamedata.streams.domain.RefUpdate}, {@link
 * io.gamedata.streams.domain.InvolvedCompanyLink}) the other packages pass around.
 */
package io.gamedata.streams.domain;
