package io.gamedata.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate HTTP load generator run in its own JVM by the query benchmark: {@code --base URL
 * --games N --rate R --seconds S --warmup W --connections C}. C threads, each with one keep-alive
 * connection, share one open-loop schedule of R requests per second ({@code GET /api/games/{random
 * id}/similar?limit=10}, loopback only); each request's latency is measured from its
 * <em>intended</em> send time, so a server that falls behind is charged for the queueing
 * (wrk2-style, no coordinated omission). Stops by itself after W + S seconds and prints {@code LOAD
 * rps=.. p50_ms=.. p99_ms=.. errors=..} for the S measured seconds.
 *
 * <p>The client is a minimal HTTP/1.1 reader on a plain socket (request line + Host, response
 * status, Content-Length body): a few microseconds of CPU per request, so that the generator
 * competes as little as possible with the server for the two cores. Any status other than 200, a
 * malformed response or an I/O error counts as an error (the connection is then re-opened).
 */
public final class HttpLoadGenerator {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    URI base = URI.create(a.string("base", "http://127.0.0.1:8080"));
    int games = a.integer("games", 350_000);
    int rate = a.integer("rate", 1000);
    int seconds = a.integer("seconds", 30);
    int warmup = a.integer("warmup", 10);
    int connections = a.integer("connections", 16);
    String host = base.getHost();
    if (!host.startsWith("127.") && !host.equals("localhost")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    InetSocketAddress address = new InetSocketAddress(host, base.getPort());
    int total = rate * (warmup + seconds);
    int measuredFrom = rate * warmup;
    long[] latency = new long[total];
    Arrays.fill(latency, -1);
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    GcWatch gc = new GcWatch();
    Thread gcOn =
        new Thread(
            () -> {
              LockSupport.parkNanos(start + measuredFrom * interval - System.nanoTime());
              gc.start();
            });
    gcOn.setDaemon(true);
    gcOn.start();
    Thread[] threads = new Thread[connections];
    for (int t = 0; t < connections; t++) {
      SplittableRandom r = new SplittableRandom(11 + t);
      threads[t] =
          new Thread(
              () -> {
                Client client = new Client(address);
                for (int i; (i = next.getAndIncrement()) < total; ) {
                  long intended = start + i * interval;
                  long wait = intended - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  long id = 1 + r.nextInt(games);
                  try {
                    int status = client.get("/api/games/" + id + "/similar?limit=10");
                    if (status != 200) {
                      throw new IOException("HTTP " + status + " for game " + id);
                    }
                    latency[i] = System.nanoTime() - intended;
                  } catch (IOException e) {
                    client.close();
                    firstError.compareAndSet(null, e.toString());
                    if (i >= measuredFrom) {
                      errors.incrementAndGet();
                    }
                  }
                }
                client.close();
              },
              "load-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = System.nanoTime();
    String busiest = gc.busiestThreads(4);
    System.out.println("load generator " + GcWatch.collectors() + ": " + gc.stop());
    System.out.println("load generator busiest threads (cores): " + busiest);
    if (firstError.get() != null) {
      System.err.println("first error: " + firstError.get());
    }
    // where the slow requests were: clustered stalls (GC, scheduling) or spread out (capacity)
    StringBuilder slow = new StringBuilder();
    int slowCount = 0;
    long lastBucket = -1;
    for (int i = measuredFrom; i < total; i++) {
      if (latency[i] > 5_000_000L) {
        slowCount++;
        long bucket = (i - measuredFrom) * interval / 100_000_000L; // 100 ms buckets
        if (bucket != lastBucket && slow.length() < 300) {
          slow.append(String.format(" %.1fs:%.0fms", bucket / 10.0, latency[i] / 1e6));
        }
        lastBucket = bucket;
      }
    }
    System.out.println("requests over 5 ms: " + slowCount + (slowCount > 0 ? " at" + slow : ""));
    long[] measured =
        Arrays.stream(latency, measuredFrom, total).filter(v -> v >= 0).sorted().toArray();
    double elapsed = (end - (start + measuredFrom * interval)) / 1e9;
    System.out.printf(
        "LOAD rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d p999_ms=%.2f max_ms=%.1f requests=%d%n",
        measured.length / elapsed,
        pct(measured, 0.50),
        pct(measured, 0.99),
        errors.get(),
        pct(measured, 0.999),
        measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6,
        measured.length);
    System.exit(0);
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** One keep-alive HTTP/1.1 connection; GET only, Content-Length bodies only. */
  static final class Client {
    private final InetSocketAddress address;
    private final byte[] host;
    private final byte[] line = new byte[8192];
    private final byte[] body = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Client(InetSocketAddress address) {
      this.address = address;
      this.host =
          ("Host: " + address.getHostString() + ":" + address.getPort() + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends one GET and reads the whole response; returns the status. */
    int get(String path) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(address, 5000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
      }
      byte[] request = ("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] all = Arrays.copyOf(request, request.length + host.length);
      System.arraycopy(host, 0, all, request.length, host.length);
      out.write(all);
      out.flush();
      String status = readLine();
      if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("bad status line: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean close = false;
      for (String h; !(h = readLine()).isEmpty(); ) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          throw new IOException("bad header: " + h);
        }
        String name = h.substring(0, colon).trim();
        String value = h.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
          close = true;
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          throw new IOException("unexpected Transfer-Encoding: " + value);
        }
      }
      if (length < 0) {
        throw new IOException("response without Content-Length");
      }
      for (long left = length; left > 0; ) {
        int n = in.read(body, 0, (int) Math.min(body.length, left));
        if (n < 0) {
          throw new EOFException("connection closed in the body");
        }
        left -= n;
      }
      if (close) {
        close();
      }
      return code;
    }

    private String readLine() throws IOException {
      int n = 0;
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          throw new EOFException("connection closed");
        }
        if (n == line.length) {
          throw new IOException("header line too long");
        }
        line[n++] = (byte) b;
      }
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      }
      return new String(line, 0, n, StandardCharsets.US_ASCII);
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
        socket = null;
      }
    }
  }
}
