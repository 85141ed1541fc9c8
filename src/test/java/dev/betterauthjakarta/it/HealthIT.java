package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Health as an orchestrator sees it, on Payara Micro (next to the service) and on
 * WildFly (on the management port): liveness UP with its {@code service} check; readiness UP with
 * its {@code database}, {@code migrations} and {@code mail} checks, DOWN (503) while Flyway's
 * history shows a failed or a pending migration, and DOWN while PostgreSQL is frozen (SIGSTOP, see
 * {@link FrozenDatabase}) while liveness stays UP; UP again after each, with no restart.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Long enough for the readiness bound (2 s) to pass during the freeze, short for the suite. */
  private static final Duration FREEZE = Duration.ofSeconds(5);

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  /** One answer of a health endpoint. */
  private record Health(int status, JsonObject body, long tookMillis) {
    String check(String name) {
      return checkObject(name).getString("status");
    }

    JsonObject checkObject(String name) {
      for (JsonValue v : body.getJsonArray("checks")) {
        if (v.asJsonObject().getString("name").equals(name)) {
          return v.asJsonObject();
        }
      }
      fail("no check " + name + " in " + body);
      return null;
    }

    @Override
    public String toString() {
      return status + " " + body + " in " + tookMillis + " ms";
    }
  }

  @Test
  void livenessAndReadinessNameTheirChecksAndAreUp() {
    Health live = health("live");
    assertEquals(200, live.status(), live.toString());
    assertEquals("UP", live.body().getString("status"), live.toString());
    assertEquals("UP", live.check("service"), live.toString());

    Health ready = health("ready");
    assertEquals(200, ready.status(), ready.toString());
    assertEquals("UP", ready.body().getString("status"), ready.toString());
    assertEquals("UP", ready.check("database"), ready.toString());
    assertEquals("UP", ready.check("migrations"), ready.toString());
    assertEquals("UP", ready.check("mail"), ready.toString());
    assertEquals(
        "smtp",
        ready.checkObject("mail").getJsonObject("data").getString("transport"),
        ready.toString());
  }

  @Test
  void aFailedMigrationInTheHistoryMakesReadinessDown() {
    Db.update(
        "insert into flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) values (99001, '99001',"
            + " 'health it', 'SQL', 'V99001__health_it.sql', 0, 'HealthIT', 0, false)");
    try {
      Health ready = health("ready");
      assertEquals(503, ready.status(), ready.toString());
      assertEquals("DOWN", ready.check("migrations"), ready.toString());
      assertEquals(
          "99001",
          ready.checkObject("migrations").getJsonObject("data").getString("failed"),
          ready.toString());
      assertEquals("UP", ready.check("database"), ready.toString());
      assertEquals(200, health("live").status(), "liveness ignores the schema");
    } finally {
      Db.update("delete from flyway_schema_history where installed_rank = 99001");
    }
    Health ready = health("ready");
    assertEquals(200, ready.status(), "ready again: " + ready);
  }

  @Test
  void aMigrationMissingFromTheHistoryIsPendingAndMakesReadinessDown() {
    String latest =
        Db.string(
            "select version from flyway_schema_history where version is not null and success"
                + " order by installed_rank desc limit 1");
    // The latest applied migration's row now names another version: the database lacks it.
    Db.update(
        "update flyway_schema_history set version = version || '.99001' where version = ?", latest);
    try {
      Health ready = health("ready");
      assertEquals(503, ready.status(), ready.toString());
      assertEquals("DOWN", ready.check("migrations"), ready.toString());
      assertEquals(
          latest,
          ready.checkObject("migrations").getJsonObject("data").getString("pending"),
          ready.toString());
    } finally {
      Db.update(
          "update flyway_schema_history set version = ? where version = ?",
          latest,
          latest + ".99001");
    }
    Health ready = health("ready");
    assertEquals(200, ready.status(), "ready again: " + ready);
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsFrozenAndUpAfterLivenessAlwaysUp() throws Exception {
    assertEquals(200, health("ready").status(), "ready before the freeze");
    List<Health> readyWhileFrozen = new ArrayList<>();
    List<Health> liveWhileFrozen = new ArrayList<>();
    try (FrozenDatabase frozen = FrozenDatabase.freeze()) {
      long frozenAt = System.nanoTime();
      while (System.nanoTime() - frozenAt < FREEZE.toNanos()) {
        readyWhileFrozen.add(health("ready"));
        liveWhileFrozen.add(health("live"));
      }
    }
    String seen = "ready " + readyWhileFrozen + "; live " + liveWhileFrozen;
    assertTrue(
        readyWhileFrozen.stream()
            .anyMatch(h -> h.status() == 503 && h.check("database").equals("DOWN")),
        "readiness DOWN, database DOWN, while frozen: " + seen);
    for (Health h : readyWhileFrozen) {
      assertTrue(h.tookMillis() < 5000, "readiness answers within the bound: " + h);
    }
    for (Health h : liveWhileFrozen) {
      assertEquals(200, h.status(), "liveness never DOWN for a database outage: " + seen);
      assertTrue(h.tookMillis() < 5000, "liveness answers at once: " + h);
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Health ready;
    do {
      Thread.sleep(500);
      ready = health("ready");
    } while (ready.status() != 200 && System.nanoTime() < deadline);
    assertEquals(200, ready.status(), "readiness UP after the thaw: " + ready);
    assertEquals("UP", ready.check("database"), ready.toString());
  }

  /**
   * GET /health/{which}: next to the service on Payara Micro, on the management interface on
   * WildFly (wildfly-config/README.md).
   */
  private Health health(String which) {
    String port = System.getProperty("it.wildfly.management.port");
    URI uri =
        port != null
            ? URI.create("http://localhost:" + port + "/health/" + which)
            : URI.create(base.toString()).resolve("/health/" + which);
    long started = System.nanoTime();
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
      JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
      return new Health(r.statusCode(), body, took);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
