package io.gamedata.producer.cli;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ConfigException;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.BulkFetcher;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.fetch.Progress;
import io.gamedata.producer.fetch.Verification;
import io.gamedata.producer.publish.RawCopyWriter;
import io.gamedata.producer.report.QualityReport;
import io.gamedata.producer.sync.SyncService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code producer fetch|sync|serve|report}: the IGDB catalogue into Kafka. */
@Command(
    name = "producer",
    mixinStandardHelpOptions = true,
    version = "gamedata producer 0.1",
    description = {
      "The IGDB catalogue into Kafka (igdb.<endpoint>, keyed by id), then kept current.",
      "Talks to the real IGDB with TWITCH_CLIENT_ID/TWITCH_CLIENT_SECRET and the default URLs,"
          + " or to the IGDB simulator with IGDB_API_URL/TWITCH_TOKEN_URL pointing at it.",
      "Every option overrides the environment variable named in its description."
    },
    subcommands = {
      ProducerCli.Fetch.class,
      ProducerCli.Sync.class,
      ProducerCli.Serve.class,
      ProducerCli.Report.class,
      CommandLine.HelpCommand.class
    })
public final class ProducerCli {

  static Map<String, String> environment = System.getenv();

  /** Runs the CLI and returns its exit code (2 for configuration errors). */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    environment = env;
    CommandLine cl = new CommandLine(new ProducerCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof ConfigException ce) {
            err.println("Configuration error: " + ce.getMessage());
            return 2;
          }
          err.println("Failed: " + ex.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  public static void main(String[] args) {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "producer-log4j2.properties");
    }
    int rc =
        run(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    System.exit(rc);
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Bulk fetch: reference endpoints first, then games, at the rate limit; resumes a killed"
            + " run from its checkpoints; prints a summary and verifies counts against IGDB."
      })
  static final class Fetch implements Callable<Integer> {
    @Mixin Settings settings;

    @Option(
        names = "--endpoints",
        description =
            "Endpoints to fetch, comma-separated, or 'all'. Env: FETCH_ENDPOINTS. Default: all")
    String endpoints;

    @Option(
        names = "--ranges",
        description =
            "Id ranges scanned at once (single queries; idle workers split ranges). Env:"
                + " FETCH_RANGES. Default: 6")
    String ranges;

    @Option(
        names = "--multiquery",
        paramLabel = "true|false",
        description =
            "Up to 10 range pages per /v4/multiquery request. Env: FETCH_MULTIQUERY. Default: false")
    String multiquery;

    @Option(
        names = "--raw-dir",
        paramLabel = "DIR",
        description =
            "Also write every record to DIR/<endpoint>.ndjson.gz. Env: FETCH_RAW_DIR. Default: none")
    String rawDir;

    @Option(
        names = "--verify",
        negatable = true,
        defaultValue = "true",
        description =
            "Compare per-endpoint ids in Kafka with IGDB /count at the end. Default: true")
    boolean verify;

    @Option(
        names = "--progress",
        paramLabel = "auto|bar|log",
        defaultValue = "auto",
        description = "Live bar on a terminal, log lines otherwise. Default: auto")
    String progress;

    @Override
    public Integer call() {
      Map<String, String> env = settings.env(environment);
      Settings.put(env, ProducerConfig.ENDPOINTS, endpoints);
      Settings.put(env, ProducerConfig.RANGES, ranges);
      Settings.put(env, ProducerConfig.MULTIQUERY, multiquery);
      Settings.put(env, ProducerConfig.RAW_DIR, rawDir);
      ProducerConfig config = ProducerConfig.fromEnv(env);
      try (ProducerContext p = ProducerContext.open(config)) {
        Optional<RawCopyWriter> raw = config.rawDir().map(RawCopyWriter::new);
        BulkFetcher fetcher = p.fetcher(raw);
        boolean bar = progress.equals("bar") || (progress.equals("auto") && Progress.isTerminal());
        FetchSummary summary;
        try (Progress ignored =
            new Progress(fetcher.stats(), p.client().metrics().requests::sum, bar, System.out)) {
          summary = fetcher.run();
        } finally {
          raw.ifPresent(RawCopyWriter::close);
        }
        System.out.print(summary.render());
        if (verify) {
          List<Verification.Row> rows = p.verify(config.endpoints(), summary);
          System.out.print(Verification.render(rows));
          if (!rows.stream().allMatch(Verification.Row::ok)) {
            return 3;
          }
        }
        return summary.badIds().isEmpty() ? 0 : 4;
      }
    }
  }

  @Command(
      name = "sync",
      mixinStandardHelpOptions = true,
      description =
          "Incremental sync: updated_at polling with an overlap window, deletes by id diff.")
  static final class Sync implements Callable<Integer> {
    @Mixin Settings settings;
    @Mixin SyncOptions sync;

    @Option(names = "--once", description = "Poll once (and diff deletes with --diff) and exit.")
    boolean once;

    @Option(
        names = "--diff",
        description = "With --once: also run the delete diff of the delete-diff endpoints now.")
    boolean diff;

    @Override
    public Integer call() throws InterruptedException {
      ProducerConfig config = ProducerConfig.fromEnv(sync.env(settings.env(environment)));
      try (ProducerContext p = ProducerContext.open(config)) {
        SyncService s = p.syncService();
        if (once) {
          for (IgdbEndpoint e : config.syncEndpoints()) {
            System.out.println(s.poll(e));
            if (diff && config.deleteDiffEndpoints().contains(e)) {
              System.out.println(e.path() + " deleted: " + s.diffDeletes(e).size());
            }
          }
          return 0;
        }
        s.start();
        awaitShutdown();
        return 0;
      }
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Webhook receiver (POST /webhooks/<endpoint>/<create|update|delete>, X-Secret checked,"
            + " 200 only after Kafka acknowledged), webhooks (re-)registered at start-up, and the"
            + " scheduled sync in the same process."
      })
  static final class Serve implements Callable<Integer> {
    @Mixin Settings settings;
    @Mixin SyncOptions sync;

    @Option(names = "--port", description = "Listen port. Env: WEBHOOK_PORT. Default: 8090")
    String port;

    @Option(
        names = "--public-url",
        paramLabel = "URL",
        description =
            "URL IGDB reaches this receiver at; when set, webhooks are (re-)registered"
                + " at start-up. Env: WEBHOOK_PUBLIC_URL. Default: none (no registration)")
    String publicUrl;

    @Option(
        names = "--max-body-bytes",
        description = "Largest accepted delivery. Env: WEBHOOK_MAX_BODY_BYTES. Default: 1048576")
    String maxBody;

    @Override
    public Integer call() throws InterruptedException {
      Map<String, String> env = sync.env(settings.env(environment));
      Settings.put(env, ProducerConfig.WEBHOOK_PORT, port);
      Settings.put(env, ProducerConfig.WEBHOOK_PUBLIC_URL, publicUrl);
      Settings.put(env, ProducerConfig.WEBHOOK_MAX_BODY, maxBody);
      ProducerConfig config = ProducerConfig.fromEnv(env);
      if (config.webhookSecret().isEmpty()) {
        throw new ConfigException(
            ProducerConfig.WEBHOOK_SECRET, "is required for serve (env only)");
      }
      try (ProducerContext p = ProducerContext.open(config)) {
        p.startWebhooks();
        p.syncService().start();
        awaitShutdown();
        return 0;
      }
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Data-quality report of a raw copy: fill rates, types, deprecated and unknown"
              + " fields, value ranges, record sizes; as Markdown and JSON.")
  static final class Report implements Callable<Integer> {
    @Option(
        names = "--raw-dir",
        required = true,
        paramLabel = "DIR",
        description = "Directory holding <endpoint>.ndjson.gz files (from fetch --raw-dir).")
    Path rawDir;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where quality-report.md and quality-report.json go. Default: the raw dir")
    Path out;

    @Override
    public Integer call() throws Exception {
      QualityReport r = QualityReport.analyse(rawDir);
      Path target = out == null ? rawDir : out;
      r.write(target);
      System.out.println("Wrote " + target.resolve("quality-report.md") + " and .json");
      return r.endpoints.isEmpty() ? 1 : 0;
    }
  }

  /** Sync settings shared by sync and serve. */
  static final class SyncOptions {
    @Option(
        names = "--sync-endpoints",
        description =
            "Endpoints kept current (polled, webhooks registered). Env: SYNC_ENDPOINTS. Default:"
                + " all")
    String endpoints;

    @Option(
        names = "--sync-interval-s",
        description = "Seconds between updated_at polls. Env: SYNC_INTERVAL_S. Default: 60")
    String interval;

    @Option(
        names = "--sync-overlap-s",
        description =
            "Seconds re-read before the cursor (late and same-second updates). Env: SYNC_OVERLAP_S. Default: 120")
    String overlap;

    @Option(
        names = "--delete-diff-interval-s",
        description =
            "Seconds between id-set diffs that find deletes. Env: SYNC_DELETE_DIFF_INTERVAL_S. Default: 21600")
    String diffInterval;

    @Option(
        names = "--delete-diff-endpoints",
        description =
            "Sync endpoints whose deletes the id diff looks for (it lists every id: about 2,000"
                + " requests for the whole catalogue). Env: SYNC_DELETE_DIFF_ENDPOINTS. Default:"
                + " the sync endpoints")
    String diffEndpoints;

    Map<String, String> env(Map<String, String> m) {
      Settings.put(m, ProducerConfig.SYNC_ENDPOINTS, endpoints);
      Settings.put(m, ProducerConfig.SYNC_INTERVAL, interval);
      Settings.put(m, ProducerConfig.SYNC_OVERLAP, overlap);
      Settings.put(m, ProducerConfig.DELETE_DIFF_INTERVAL, diffInterval);
      Settings.put(m, ProducerConfig.DELETE_DIFF_ENDPOINTS, diffEndpoints);
      return m;
    }
  }

  private static void awaitShutdown() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "producer-shutdown"));
    stop.await();
  }
}
