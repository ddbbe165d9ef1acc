/**
 * The names that outlive a topology change: the topics the application reads and writes ({@link
 * io.gamedata.streams.names.TopicNames}) and its stores and internal topics ({@link
 * io.gamedata.streams.names.StoreNames}). Every other package may use them; they use none.
 */
package io.gamedata.streams.names;
