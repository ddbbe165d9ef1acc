/**
 * The Kafka Streams processors and what only they use: the {@link
 * io.gamedata.streams.processor.ReferenceRouter} (reference topics into the reference store,
 * changes of known references to the game partitions), the {@link
 * io.gamedata.streams.processor.ReferenceGlobalWriter} (the router's changelog into the global
 * table), the {@link io.gamedata.streams.processor.GameKeyDecoder} and the {@link
 * io.gamedata.streams.processor.GameProcessor} (validation, dedupe, enrichment, re-enrichment and
 * the emit policy), the game task's view of the references ({@code ReferenceLookups}) and the
 * dead-letter records they emit.
 */
package io.gamedata.streams.processor;
