package io.gamedata.platform.component;

import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import java.util.Map;

/** The recommender service: follows games.enriched, serves the API and the web page. */
public final class RecommenderComponent implements Component {

  private RecommenderService service;

  @Override
  public void start(ComponentSettings s) {
    service =
        new RecommenderService(
                RecommenderConfig.defaults(s.string("bootstrap-servers"))
                    .with(
                        Map.of(
                            RecommenderConfig.HTTP_PORT_CONFIG, s.string("http-port"),
                            RecommenderConfig.STATE_DIR_CONFIG, s.string("state-dir"))))
            .start();
    // a failed Kafka follower leaves the HTTP side up but stale: end the process so that the
    // supervisor restarts the component (which restores from its snapshot and catches up)
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(2000);
                } catch (InterruptedException e) {
                  return;
                }
                if (!service.live() && !closing) {
                  System.err.println("recommender: Kafka follower failed; exiting for a restart");
                  Runtime.getRuntime().halt(4);
                }
              }
            },
            "recommender-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private volatile boolean closing;

  @Override
  public void close() {
    closing = true;
    if (service != null) {
      service.close();
    }
  }
}
