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
  }

  @Override
  public void close() {
    if (service != null) {
      service.close();
    }
  }
}
