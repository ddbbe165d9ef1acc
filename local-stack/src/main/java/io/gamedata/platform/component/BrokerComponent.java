package io.gamedata.platform.component;

import io.gamedata.contracts.topic.TopicCreator;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real single-node KRaft broker, data kept under {@code --data-dir} between runs, with every
 * topic of the contracts created (idempotently) before it reports ready.
 */
public final class BrokerComponent implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerComponent.class);
  private EmbeddedKafkaBroker broker;

  @Override
  public void start(ComponentSettings s) throws Exception {
    broker =
        EmbeddedKafkaBroker.builder()
            .dataDir(s.path("data-dir"))
            .port(s.integer("port"))
            .controllerPort(s.integer("controller-port"))
            .config("log.cleaner.min.cleanable.ratio", "0.1")
            .build()
            .start();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      TopicCreator.Result r = new TopicCreator(admin).ensure(Topics.all());
      LOG.info("topics created: {}; already there: {}", r.created(), r.existing().size());
      r.mismatches().forEach(m -> LOG.warn("topic differs from its contract: {}", m));
    }
  }

  @Override
  public void close() {
    if (broker != null) {
      broker.close();
    }
  }
}
