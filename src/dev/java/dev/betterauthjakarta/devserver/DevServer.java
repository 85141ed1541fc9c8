package dev.betterauthjakarta.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The README's run command ({@code mvn -Prun package}): starts PostgreSQL from zonky's Maven
 * binaries with its data under ./data/postgres (kept across restarts), or uses DATABASE_URL when
 * given, then runs the built WAR on Payara Micro exactly as production does (the same post-boot
 * file), prints the URL once the service answers, and stops both on Ctrl-C.
 *
 * <p>It fails fast, with the cause on one line and exit status 1: a port already in use and a
 * database that refuses the connection are found before Payara Micro starts, and a start the WAR
 * gives up on (StartupFailure, after which Payara Micro exits) ends the run with the WAR's line.
 */
public final class DevServer {
  private static final Path DATA = Path.of("data");
  private static final Path WAR = Path.of("target/better-auth-jakarta.war");
  private static final Path MICRO = Path.of("target/runtime/payara-micro.jar");
  private static final Path DRIVER = Path.of("target/runtime/postgresql.jar");
  private static final Path PRE_BOOT = Path.of("payara-config/pre-boot-commands.asadmin");
  private static final Path POST_BOOT = Path.of("payara-config/post-boot-commands.asadmin");

  /** How the WAR's one line about a failed start begins (StartupFailure). */
  private static final String START_FAILURE = "better-auth-jakarta cannot start:";

  /** Seconds the pre-flight check waits for PostgreSQL to connect and answer. */
  private static final int DATABASE_CHECK_SECONDS = 15;

  /**
   * The server JVM's options, the same as the production command in payara-config/README.md: a
   * small heap with the serial collector, which suits a service on one or two cores (no concurrent
   * collector threads competing with requests, no G1 remembered sets), and a young generation with
   * survivor spaces large enough for an argon2id hash's 19 MiB of blocks to die young.
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms128m",
          "-Xmx256m",
          "-Xmn128m",
          "-XX:SurvivorRatio=3",
          "-XX:+UseSerialGC",
          "-Xss512k");

  private DevServer() {}

  /**
   * Stops the run at once, with one line, when another process listens on the port: Payara Micro
   * would otherwise boot for a minute and then serve nothing.
   *
   * @param port the TCP port Payara Micro is to listen on (all interfaces, as it does)
   */
  static void refuseIfPortTaken(int port) {
    String problem = portProblem(port);
    if (problem != null) {
      fail(problem);
    }
  }

  /**
   * Whether the port can be listened on.
   *
   * @param port a TCP port
   * @return why it cannot, in one line, or null when it is free
   */
  static String portProblem(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return null;
    } catch (IOException e) {
      return "Port "
          + port
          + " is already in use ("
          + e.getMessage()
          + "): stop what listens there, or pick another port, e.g. PORT=9090 mvn -Prun package";
    }
  }

  /**
   * Stops the run at once, with the driver's own words on one line, when the given PostgreSQL
   * refuses the connection (wrong password, unknown database, nothing listening), instead of
   * booting Payara Micro to find out.
   *
   * @param db the database to connect to
   */
  static void refuseIfDatabaseRefuses(Database db) {
    String problem = databaseProblem(db);
    if (problem != null) {
      fail(problem);
    }
  }

  /**
   * Connects once with the timeouts of {@value #DATABASE_CHECK_SECONDS} s.
   *
   * @param db the database
   * @return why it cannot be used, in one line, or null when it answered
   */
  static String databaseProblem(Database db) {
    Properties props = new Properties();
    props.setProperty("user", db.user());
    props.setProperty("password", db.password());
    props.setProperty("connectTimeout", String.valueOf(DATABASE_CHECK_SECONDS));
    props.setProperty("loginTimeout", String.valueOf(DATABASE_CHECK_SECONDS));
    props.setProperty("socketTimeout", String.valueOf(DATABASE_CHECK_SECONDS));
    try (Connection c = new org.postgresql.Driver().connect(db.jdbcUrl(), props)) {
      if (c == null) {
        return "DATABASE_URL is no PostgreSQL URL: " + Database.redacted(db.jdbcUrl());
      }
      return null;
    } catch (SQLException e) {
      return "Cannot connect to PostgreSQL at "
          + Database.redacted(db.jdbcUrl())
          + ": "
          + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ")
          + " (check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD)";
    }
  }

  private static void fail(String problem) {
    log(problem);
    System.exit(1);
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(DATA);
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
    refuseIfPortTaken(port);

    EmbeddedPostgres postgres = null;
    Database db;
    if (env.containsKey("DATABASE_URL")) {
      db =
          Database.fromUrl(
              env.get("DATABASE_URL"), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
      log("Using the PostgreSQL at " + Database.redacted(db.jdbcUrl()));
      refuseIfDatabaseRefuses(db);
    } else {
      log("Starting embedded PostgreSQL, data in " + DATA.resolve("postgres").toAbsolutePath());
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(DATA.resolve("postgres"))
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false) // stopped below, after Payara
              .start();
      db = new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    Path serverLog = DATA.resolve("server.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", MICRO.toString()));
    command.addAll(List.of("--addlibs", DRIVER.toString()));
    command.addAll(List.of("--prebootcommandfile", PRE_BOOT.toString()));
    command.addAll(List.of("--postbootcommandfile", POST_BOOT.toString()));
    command.addAll(List.of("--deploy", WAR.toString(), "--contextroot", "/"));
    command.addAll(List.of("--port", String.valueOf(port), "--nohazelcast", "--disablephonehome"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // glibc's per-thread malloc arenas add resident memory for every busy thread; two suffice.
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    builder.environment().put("DATABASE_URL", db.jdbcUrl());
    builder.environment().put("DATABASE_USER", db.user());
    builder.environment().put("DATABASE_PASSWORD", db.password());
    builder.environment().putIfAbsent("BETTER_AUTH_SECRET", devSecret());
    builder.environment().putIfAbsent("BETTER_AUTH_URL", "http://localhost:" + port);
    log("Starting Payara Micro (full log in " + serverLog + ")");
    Process payara = builder.start();

    EmbeddedPostgres pg = postgres;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log("Stopping...");
                  payara.destroy();
                  try {
                    payara.waitFor(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  payara.destroyForcibly();
                  if (pg != null) {
                    try {
                      pg.close();
                    } catch (IOException | RuntimeException e) {
                      log("PostgreSQL was already stopping: " + e.getMessage());
                    }
                  }
                  log("Stopped.");
                }));

    // If Maven goes away without passing the signal on, do not linger as an orphan.
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

    AtomicReference<String> cause = new AtomicReference<>();
    Thread pump = new Thread(() -> pumpLog(payara, serverLog, cause), "payara-log");
    pump.setDaemon(true);
    pump.start();

    String url = "http://localhost:" + port + "/api/auth";
    if (!awaitReady(payara, url + "/ok")) {
      pump.join(2000); // the last lines of a process that exited
      log(
          cause.get() != null
              ? cause.get() + " (full log in " + serverLog + ")"
              : "Payara Micro did not start; see " + serverLog);
      System.exit(1);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    log("better-auth-jakarta is ready at " + url + " (in " + ms + " ms). Press Ctrl-C to stop.");
    int exit = payara.waitFor();
    log("Payara Micro exited with " + exit);
  }

  private static boolean awaitReady(Process payara, String okUrl) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline && payara.isAlive()) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(okUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    return false;
  }

  /**
   * Everything goes to data/server.log; the console gets the service's own log records (the mail
   * outbox among them) and errors, not Payara's boot chatter.
   */
  private static void pumpLog(Process payara, Path serverLog, AtomicReference<String> cause) {
    try (var in =
            new BufferedReader(
                new InputStreamReader(payara.getInputStream(), StandardCharsets.UTF_8));
        var out =
            new PrintWriter(Files.newBufferedWriter(serverLog, StandardCharsets.UTF_8), true)) {
      boolean echo = false;
      for (String line; (line = in.readLine()) != null; ) {
        out.println(line);
        int at = line.indexOf(START_FAILURE);
        if (at >= 0) {
          cause.set(line.substring(at));
        }
        if (line.startsWith("[20")) {
          echo = line.contains("dev.betterauthjakarta") || line.contains("SEVERE");
        }
        if (echo) {
          System.out.println(line);
        }
      }
    } catch (IOException e) {
      log("Log pump stopped: " + e.getMessage());
    }
  }

  /** A per-checkout secret in data/secret, so signed tokens stay valid across restarts. */
  private static String devSecret() throws IOException {
    Path file = DATA.resolve("secret");
    if (!Files.exists(file)) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
    }
    return Files.readString(file).trim();
  }

  private static void log(String message) {
    System.out.println("[run] " + message);
  }

  /** DATABASE_URL as a JDBC URL, or as postgres://user:password@host:port/db. */
  record Database(String jdbcUrl, String user, String password) {
    static Database fromUrl(String url, String user, String password) {
      if (url.startsWith("jdbc:")) {
        return new Database(url, orEmpty(user), orEmpty(password));
      }
      URI uri = URI.create(url);
      String userInfo = uri.getRawUserInfo();
      String u = user, p = password;
      if (userInfo != null) {
        String[] parts = userInfo.split(":", 2);
        u = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        p = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : p;
      }
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return new Database(jdbc, orEmpty(u), orEmpty(p));
    }

    /**
     * The URL with any password left out (a {@code password=} parameter, or the password of a
     * {@code user:password@} part), for the console and the log: a secret is never printed.
     */
    static String redacted(String url) {
      return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
          .replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@");
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }
}
