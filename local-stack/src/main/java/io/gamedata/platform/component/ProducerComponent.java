package io.gamedata.platform.component;

import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.FetchSummary;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer: webhook receiver up first, then the bulk fetch (resumed from its checkpoints in
 * Kafka when an earlier run stopped half-way), then the scheduled {@code updated_at} sync. IGDB
 * credentials and the webhook secret come from the environment the supervisor passes down (never
 * from the command line, which other users can read).
 */
public final class ProducerComponent implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerComponent.class);
  private ProducerContext ctx;
  private Thread fetcher;

  @Override
  public void start(ComponentSettings s) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(ProducerConfig.KAFKA_BOOTSTRAP_SERVERS, s.string("bootstrap-servers"));
    env.put(ProducerConfig.IGDB_API_URL, s.string("api-url"));
    env.put(ProducerConfig.TWITCH_TOKEN_URL, s.string("token-url"));
    env.put(ProducerConfig.WEBHOOK_PORT, s.string("webhook-port"));
    String publicUrl = s.string("webhook-public-url", "");
    if (!publicUrl.isEmpty()) {
      env.put(ProducerConfig.WEBHOOK_PUBLIC_URL, publicUrl);
    }
    env.put(ProducerConfig.RAW_DIR, s.string("raw-dir"));
    env.putIfAbsent(ProducerConfig.SYNC_INTERVAL, s.string("sync-interval-s", "30"));
    env.putIfAbsent(ProducerConfig.DELETE_DIFF_INTERVAL, s.string("delete-diff-interval-s", "300"));
    env.putIfAbsent(ProducerConfig.DELETE_DIFF_ENDPOINTS, s.string("delete-diff-endpoints", ""));
    ctx = ProducerContext.open(ProducerConfig.fromEnv(env));
    ctx.startWebhooks();
    fetcher =
        new Thread(
            () -> {
              try {
                FetchSummary summary = ctx.fetch();
                LOG.info("bulk fetch done: {}", summary);
                System.out.println("FETCH DONE");
                ctx.syncService().start();
              } catch (RuntimeException e) {
                LOG.error("bulk fetch failed; exiting so that the supervisor restarts it", e);
                Runtime.getRuntime().halt(3);
              }
            },
            "bulk-fetch");
    fetcher.setDaemon(true);
    fetcher.start();
  }

  @Override
  public void close() {
    if (ctx != null) {
      ctx.close();
    }
  }
}
