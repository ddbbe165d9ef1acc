package io.gamedata.recommender.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java io.gamedata.recommender.service.RecommenderApp [config.properties]}: loads the config
 * (file, then {@code RECOMMENDER_*} environment variables), starts the service and closes it on
 * SIGTERM/SIGINT. Keys: {@link RecommenderConfig}.
 */
public final class RecommenderApp {

  private RecommenderApp() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Properties file = new Properties();
    if (args.length > 0) {
      try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
        file.load(r);
      }
    }
    RecommenderConfig config;
    try {
      config = RecommenderConfig.from(file, System.getenv());
    } catch (RecommenderConfig.ConfigException e) {
      System.err.println("recommender: bad config: " + e.getMessage());
      System.exit(2);
      return;
    }
    RecommenderService service = new RecommenderService(config).start();
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  done.countDown();
                },
                "recommender-shutdown"));
    System.out.println("recommender: http://localhost:" + service.port() + "/");
    done.await();
  }
}
