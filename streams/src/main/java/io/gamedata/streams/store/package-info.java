/**
 * Where the application keeps its state: the state stores behind the named Kafka Streams stores
 * ({@link io.gamedata.streams.store.HashMapStore}, {@link
 * io.gamedata.streams.store.PositionLightStore} in front of RocksDB, the global {@link
 * io.gamedata.streams.store.ReferenceTable}), the {@code game.state.store} choice ({@link
 * io.gamedata.streams.store.GameStateStore}), and the in-memory indexes the game tasks rebuild from
 * their store at every start ({@link io.gamedata.streams.store.ReverseIndex}, {@link
 * io.gamedata.streams.store.LongMap}).
 */
package io.gamedata.streams.store;
