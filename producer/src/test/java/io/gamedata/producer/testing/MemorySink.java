package io.gamedata.producer.testing;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.publish.RecordSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was published, per endpoint, in order (duplicates kept). */
public class MemorySink implements RecordSink {
  public final Map<IgdbEndpoint, List<Long>> published = new ConcurrentHashMap<>();
  public final Map<IgdbEndpoint, List<Long>> deleted = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Void> publish(IgdbEndpoint endpoint, long id, byte[] json) {
    published.computeIfAbsent(endpoint, k -> new CopyOnWriteArrayList<>()).add(id);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> delete(IgdbEndpoint endpoint, long id) {
    deleted.computeIfAbsent(endpoint, k -> new CopyOnWriteArrayList<>()).add(id);
    return CompletableFuture.completedFuture(null);
  }

  public List<Long> ids(IgdbEndpoint e) {
    return published.getOrDefault(e, List.of());
  }
}
