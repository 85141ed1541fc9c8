package dev.betterauthjakarta.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process a test starts itself, outside Arquillian: the built WAR at the context
 * root, the production post-boot file, the environment of this JVM (the database role and secrets
 * Failsafe set) with the given changes, and {@code -D} settings. {@link #close()} stops it
 * (SIGTERM, then SIGKILL after 30 s), and a shutdown hook does the same if the test JVM ends first,
 * so a process never outlives the run.
 */
final class PayaraProcess implements AutoCloseable {
  private static final Path MICRO = Path.of("target/runtime/payara-micro.jar");
  private static final Path DRIVER = Path.of("target/runtime/postgresql.jar");
  private static final Path WAR = Path.of("target/better-auth-jakarta.war");
  private static final Path PRE_BOOT = Path.of("payara-config/pre-boot-commands.asadmin");
  private static final Path POST_BOOT = Path.of("payara-config/post-boot-commands.asadmin");

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final Thread hook;

  private PayaraProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.hook = new Thread(this::stop, "stop " + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Launches the process; {@link #awaitReady} waits for it. */
  static PayaraProcess launch(String name, Map<String, String> env, List<String> properties) {
    int port = freePort();
    Path log = Path.of("target/payara-output-" + name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    properties.forEach(p -> command.add("-D" + p));
    command.addAll(List.of("-jar", MICRO.toString()));
    command.addAll(List.of("--addlibs", DRIVER.toString()));
    command.addAll(List.of("--prebootcommandfile", PRE_BOOT.toString()));
    command.addAll(List.of("--postbootcommandfile", POST_BOOT.toString()));
    command.addAll(List.of("--deploy", WAR.toString(), "--contextroot", "/"));
    command.addAll(List.of("--port", String.valueOf(port), "--nohazelcast", "--disablephonehome"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("BETTER_AUTH_URL", "http://localhost:" + port);
    try {
      return new PayaraProcess(name, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not launch Payara Micro " + name, e);
    }
  }

  /** Waits until {@code /api/auth/ok} answers 200. */
  PayaraProcess awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up:\n" + tail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "api/auth/ok"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + tail());
  }

  /**
   * Waits for the process to exit by itself.
   *
   * @param timeout how long to wait
   * @return its exit status, or empty if it still runs
   */
  java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /** Everything the process printed so far. */
  List<String> output() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URL url() {
    try {
      return URI.create("http://localhost:" + port + "/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
