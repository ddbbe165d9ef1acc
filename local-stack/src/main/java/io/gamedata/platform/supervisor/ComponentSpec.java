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
 */
public record ComponentSpec(String name, List<String> args, String maxHeap, Duration readyTimeout) {

  public ComponentSpec {
    args = List.copyOf(args);
  }
}
