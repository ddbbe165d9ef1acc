/** The IGDB producer: bulk fetch, incremental sync and webhook receiver into Kafka. */
package io.gamedata.producer;
