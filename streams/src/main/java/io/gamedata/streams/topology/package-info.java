/**
 * The wiring: {@link io.gamedata.streams.topology.TopologyFactory} builds the two topologies (the
 * reference part and the game part, or both in one for the tests) from the processors, stores,
 * codecs and names of the other packages; {@link io.gamedata.streams.topology.ReferencePartitioner}
 * sends every announced reference change to every game partition.
 */
package io.gamedata.streams.topology;
