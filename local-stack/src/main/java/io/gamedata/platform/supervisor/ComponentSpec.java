package io.gamedata.platform.supervisor;

import java.time.Duration;
import java.util.List;

/**
 * How to run one component process.
 *
 * @param name component name understood by {@code ComponentMain}
 * @param args {@code --key=value} settings
 * @param maxHeap JVM {@code -Xmx} value, e.g. {@code 512m}
 * @param readyTimeout how long start-up may take before the supervisor gives up
 * @param env extra environment variables (secrets travel here, never in {@code args})
 */
public record ComponentSpec(
    String name,
    List<String> args,
    String maxHeap,
    Duration readyTimeout,
    java.util.Map<String, String> env) {

  public ComponentSpec {
    args = List.copyOf(args);
    env = java.util.Map.copyOf(env);
  }

  public ComponentSpec(String name, List<String> args, String maxHeap, Duration readyTimeout) {
    this(name, args, maxHeap, readyTimeout, java.util.Map.of());
  }
}
