package io.gamedata.contracts.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics from their descriptors, idempotently: missing topics are created, existing ones
 * are left alone and checked (a partition count or cleanup policy that differs from the contract is
 * reported, never silently changed).
 */
public final class TopicCreator {

  private final Admin admin;
  private final long timeoutMs;

  public TopicCreator(Admin admin) {
    this(admin, 30_000);
  }

  public TopicCreator(Admin admin, long timeoutMs) {
    this.admin = admin;
    this.timeoutMs = timeoutMs;
  }

  /** What {@link #ensure} did. */
  public record Result(List<String> created, List<String> existing, List<String> mismatches) {}

  /** Creates every descriptor's topic that does not exist yet. */
  public Result ensure(Collection<? extends Topic<?, ?>> topics) {
    try {
      Set<String> present = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
      List<NewTopic> toCreate = new ArrayList<>();
      List<String> existing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (present.contains(t.name())) {
          existing.add(t.name());
        } else {
          toCreate.add(t.toNewTopic());
        }
      }
      List<String> created = new ArrayList<>();
      if (!toCreate.isEmpty()) {
        CreateTopicsResult result = admin.createTopics(toCreate);
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e :
            result.values().entrySet()) {
          try {
            e.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
            created.add(e.getKey());
          } catch (ExecutionException ex) {
            if (ex.getCause() instanceof TopicExistsException) {
              existing.add(e.getKey()); // created concurrently by someone else
            } else {
              throw new IllegalStateException(
                  "Cannot create topic " + e.getKey() + ": " + ex.getCause().getMessage(),
                  ex.getCause());
            }
          }
        }
      }
      awaitLeaders(admin, created, timeoutMs);
      return new Result(created, existing, mismatches(topics, existing));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot list or create topics: " + e.getMessage(), e);
    }
  }

  /**
   * Waits until every partition of these topics has a leader. A topic is usable only then: a
   * producer writing to a partition whose leader is not elected yet gets NOT_LEADER_OR_FOLLOWER
   * and, on a loaded machine, can run into sequence errors on its retries.
   */
  public static void awaitLeaders(Admin admin, Collection<String> topics, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      boolean ready;
      try {
        ready =
            admin
                .describeTopics(topics)
                .allTopicNames()
                .get(timeoutMs, TimeUnit.MILLISECONDS)
                .values()
                .stream()
                .allMatch(
                    d ->
                        d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
      } catch (ExecutionException e) {
        ready = false; // UnknownTopicOrPartition until the metadata has propagated
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no leader for every partition of " + topics);
      }
      Thread.sleep(50);
    }
  }

  private List<String> mismatches(Collection<? extends Topic<?, ?>> topics, List<String> existing)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> problems = new ArrayList<>();
    if (existing.isEmpty()) {
      return problems;
    }
    Map<String, TopicDescription> described =
        admin.describeTopics(existing).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
    for (Topic<?, ?> t : topics) {
      TopicDescription d = described.get(t.name());
      if (d != null && d.partitions().size() != t.partitions()) {
        problems.add(
            t.name()
                + " has "
                + d.partitions().size()
                + " partitions, the contract says "
                + t.partitions());
      }
    }
    return problems;
  }
}
