/**
 * The application's own byte formats, none of them a contract: the game state in the {@code
 * game-state} store ({@link io.gamedata.streams.codec.GameStateCodec}), the internal reference
 * updates ({@link io.gamedata.streams.codec.RefUpdateSerde}), the 8-byte id keys of the raw topics
 * ({@link io.gamedata.streams.codec.IdKeys}) and the token reader of reference records ({@link
 * io.gamedata.streams.codec.ReferenceReader}). The topics' JSON contract lives in {@code
 * contracts}.
 */
package io.gamedata.streams.codec;
