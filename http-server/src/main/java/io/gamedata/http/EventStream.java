package io.gamedata.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * An answer that stays open and is written event by event: server-sent events ({@code
 * text/event-stream}). A handler takes one with {@link Exchange#eventStream()}, keeps it and
 * returns; the server sends the headers and holds the request open without a thread until {@link
 * #close()}. Writes block until the bytes are handed to the connection; a failed write (the client
 * went away) closes the stream. One writer at a time (the methods are synchronized).
 */
public final class EventStream implements AutoCloseable {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final CountDownLatch opened = new CountDownLatch(1);
  private final Blocker.Shared blocker = new Blocker.Shared();
  private Response response;
  private Callback done;
  private volatile boolean closed;

  EventStream() {}

  /** Called by the server once the handler returned: the headers go out, the stream is open. */
  void open(Response response, Callback done) {
    this.response = response;
    this.done = done;
    opened.countDown();
    if (!write("")) {
      close();
    }
  }

  /**
   * Sends one event: {@code event} (the type, null for the default), {@code id} (the client's
   * {@code Last-Event-ID} when it reconnects; null for none), {@code data} (each line its own
   * {@code data:} line). False when the stream is closed.
   */
  public boolean event(String event, String id, String data) {
    StringBuilder b = new StringBuilder();
    if (event != null) {
      b.append("event: ").append(oneLine(event)).append('\n');
    }
    if (id != null) {
      b.append("id: ").append(oneLine(id)).append('\n');
    }
    for (String line : data.split("\r\n|\r|\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return write(b.append('\n').toString());
  }

  /** A comment line (ignored by clients; keeps an idle connection open). */
  public boolean comment(String text) {
    return write(": " + oneLine(text) + "\n\n");
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\r\n]", " ");
  }

  /** True once closed (by {@link #close()} or a failed write). */
  public boolean closed() {
    return closed;
  }

  private synchronized boolean write(String text) {
    if (closed) {
      return false;
    }
    try {
      if (!opened.await(10, TimeUnit.SECONDS)) {
        return false; // the handler failed: the server answered an error instead
      }
      try (Blocker.Callback cb = blocker.callback()) {
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), cb);
        cb.block();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Ends the answer (the request completes). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (done != null) {
      response.write(true, EMPTY, done);
    }
  }

  private void closeQuietly() {
    closed = true;
    if (done != null) {
      done.failed(new IOException("event stream closed"));
    }
  }
}
