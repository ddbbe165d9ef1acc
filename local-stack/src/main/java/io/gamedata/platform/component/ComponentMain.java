package io.gamedata.platform.component;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Entry point of one component process: {@code ComponentMain <name> --key=value ...}. Starts the
 * component, prints {@code READY <name>} and waits; SIGTERM stops it cleanly. Exit code 1 with the
 * reason on stderr when it cannot start (bad settings name the key).
 */
public final class ComponentMain {

  private static final Map<String, Supplier<Component>> COMPONENTS =
      Map.of(
          "broker", BrokerComponent::new,
          "simulator", SimulatorComponent::new,
          "streams", StreamsComponent::new,
          "connect", ConnectComponent::new,
          "recommender", RecommenderComponent::new,
          "producer", ProducerComponent::new);

  private ComponentMain() {}

  public static void main(String[] args) {
    if (args.length < 1 || !COMPONENTS.containsKey(args[0])) {
      System.err.println(
          "usage: ComponentMain <" + String.join("|", COMPONENTS.keySet()) + "> --key=value ...");
      System.exit(2);
    }
    String name = args[0];
    Component component = COMPONENTS.get(name).get();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    component.close();
                  } catch (Exception e) {
                    System.err.println(name + ": error while stopping: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                name + "-shutdown"));
    try {
      component.start(ComponentSettings.parse(Arrays.copyOfRange(args, 1, args.length)));
    } catch (Exception e) {
      System.err.println(name + " failed to start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    System.out.println("READY " + name);
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
