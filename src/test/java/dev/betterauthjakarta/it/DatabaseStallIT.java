package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stalled database (PostgreSQL stopped with SIGSTOP, see {@link FrozenDatabase}) for longer than
 * the database timeout, under light load: two clients keep signing up users and updating one user's
 * metadata. While the database is frozen the service answers 503 SERVICE_UNAVAILABLE with {@code
 * Retry-After} (before the database comes back, so nothing waits for it), readiness says DOWN and
 * liveness UP. After SIGCONT it recovers by itself: readiness UP, requests 200 again. No
 * acknowledged write is lost (every 200 sign-up's user, account and session exist; every 200
 * update's key is in the metadata), and no refused sign-up is half done (all three rows or none).
 *
 * <p>Payara runs with DATABASE_TIMEOUT = {@code it.db.timeout} (3 s); the freeze lasts {@link
 * #FREEZE}.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseStallIT {
  /**
   * Long enough for the 503s to come while frozen: a request first gives up on each idle pooled
   * connection (up to the timeout each, shared among the waiting requests), then on a new one.
   */
  private static final Duration FREEZE = Duration.ofSeconds(14);

  private static final int TIMEOUT_SECONDS = Integer.getInteger("it.db.timeout", 3);

  /**
   * The longest any request may take: a request caught as the database stalls may wait for it to
   * come back, but then answers within a timeout or two (plus slack for this shared machine); none
   * hangs on.
   */
  private static final Duration LONGEST_ANSWER = FREEZE.plusSeconds(2L * TIMEOUT_SECONDS + 2);

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  /** One request of the load and what it got. */
  private record Outcome(String what, String key, long startedNanos, long endedNanos, Api.Reply r) {
    Duration took() {
      return Duration.ofNanos(endedNanos - startedNanos);
    }

    @Override
    public String toString() {
      return what + " " + key + " " + r.status() + " in " + took().toMillis() + " ms";
    }
  }

  @Test
  void aStalledDatabaseAnswers503WithRetryAfterAndReadinessDownThenRecoversLosingNoWrite()
      throws Exception {
    Api api = new Api(base);
    TestUser updater = TestUser.signUp(api);
    assertEquals(200, health(api, "ready").status(), "ready before the freeze");

    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(2);
    Future<?> signingUp = load.submit(() -> signUps(api, outcomes, stop));
    Future<?> updating = load.submit(() -> updates(api, updater, outcomes, stop));
    Thread.sleep(1500); // some writes before the freeze

    List<Outcome> probes = new ArrayList<>();
    long frozenAt;
    long thawedAt;
    int stopped;
    try (FrozenDatabase frozen = FrozenDatabase.freeze()) {
      frozenAt = System.nanoTime();
      stopped = frozen.processes();
      while (System.nanoTime() - frozenAt < FREEZE.toNanos()) {
        probes.add(timed("ready", "", () -> health(api, "ready")));
        probes.add(timed("live", "", () -> health(api, "live")));
        Thread.sleep(500);
      }
    } finally {
      thawedAt = System.nanoTime();
    }

    // Recovery, with no restart: readiness comes back, and requests succeed again.
    long recoveryDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Outcome ready;
    do {
      Thread.sleep(500);
      ready = timed("ready", "after", () -> health(api, "ready"));
    } while (ready.r().status() != 200 && System.nanoTime() < recoveryDeadline);
    assertEquals(200, ready.r().status(), "readiness after the thaw: " + ready.r());
    Thread.sleep(2000); // the load runs on the recovered database for a while
    stop.set(true);
    load.shutdown();
    assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "the load stopped");
    signingUp.get(); // a client that failed (say, a broken connection) fails the test here
    updating.get();

    String summary = "stopped " + stopped + " processes; " + outcomes + "; probes " + probes;

    // While frozen: 503 with Retry-After and a JSON code, answered before the database came back.
    List<Outcome> refused = select(outcomes, o -> o.r().status() == 503);
    assertTrue(
        refused.stream().anyMatch(o -> o.endedNanos() < thawedAt),
        "some request got its 503 while the database was still frozen: " + summary);
    for (Outcome o : refused) {
      assertEquals("SERVICE_UNAVAILABLE", o.r().code(), o.toString());
      assertTrue(o.r().json().containsKey("message"), o.toString());
      assertTrue(o.r().header("Retry-After").isPresent(), "Retry-After on " + o);
    }
    for (Outcome o : outcomes) {
      assertTrue(o.r().status() == 200 || o.r().status() == 503, "only 200 or 503: " + o);
      assertTrue(o.took().compareTo(LONGEST_ANSWER) <= 0, "answered within bounds: " + o);
    }
    assertTrue(
        probes.stream()
            .anyMatch(
                p ->
                    p.what().equals("ready")
                        && p.r().status() == 503
                        && p.r().text().contains("DOWN")
                        && p.endedNanos() < thawedAt),
        "readiness DOWN while frozen: " + summary);
    for (Outcome p : probes) {
      assertTrue(p.took().compareTo(Duration.ofSeconds(5)) < 0, "health answers quickly: " + p);
      if (p.what().equals("live")) {
        assertEquals(200, p.r().status(), "liveness stays UP: " + p);
      }
    }

    // Recovered: the last requests of each client succeeded, and new ones do.
    assertEquals(200, last(outcomes, "sign-up").r().status(), summary);
    assertEquals(200, last(outcomes, "update").r().status(), summary);
    String session = updater.signIn(api);
    assertEquals(200, api.get("get-session").bearer(session).send().status());

    // No acknowledged write lost, no refused write half done.
    for (Outcome o : select(outcomes, o -> o.what().equals("sign-up"))) {
      long users = Db.count("select count(*) from \"user\" where \"email\" = ?", o.key());
      long accounts =
          Db.count(
              "select count(*) from \"account\" a join \"user\" u on u.\"id\" = a.\"userId\""
                  + " where u.\"email\" = ?",
              o.key());
      long sessions =
          Db.count(
              "select count(*) from \"session\" s join \"user\" u on u.\"id\" = s.\"userId\""
                  + " where u.\"email\" = ?",
              o.key());
      if (o.r().status() == 200) {
        assertEquals(List.of(1L, 1L, 1L), List.of(users, accounts, sessions), "kept: " + o);
      } else {
        assertTrue(
            List.of(users, accounts, sessions).equals(List.of(0L, 0L, 0L))
                || List.of(users, accounts, sessions).equals(List.of(1L, 1L, 1L)),
            "all or nothing: " + o + " left " + List.of(users, accounts, sessions));
      }
    }
    String metadata =
        Db.string("select \"metadata\"::text from \"user\" where \"id\" = ?", updater.id());
    JsonObject stored = Json.createReader(new StringReader(metadata)).readObject();
    for (Outcome o : select(outcomes, o -> o.what().equals("update") && o.r().status() == 200)) {
      assertTrue(stored.containsKey(o.key()), "acknowledged update kept: " + o);
    }
  }

  /** Signs up new users, one after the other, until told to stop. */
  private static void signUps(Api api, List<Outcome> outcomes, AtomicBoolean stop) {
    while (!stop.get()) {
      String email = TestUser.uniqueEmail();
      outcomes.add(
          timed(
              "sign-up",
              email,
              () ->
                  api.post("sign-up/email")
                      .json(
                          Json.createObjectBuilder()
                              .add("name", "Stall")
                              .add("email", email)
                              .add("password", TestUser.PASSWORD)
                              .build())
                      .send()));
    }
  }

  /** Adds a new metadata key to one user every 100 ms until told to stop. */
  private static void updates(Api api, TestUser user, List<Outcome> outcomes, AtomicBoolean stop) {
    for (int i = 0; !stop.get(); i++) {
      String key = "k" + i;
      outcomes.add(
          timed(
              "update",
              key,
              () ->
                  api.post("update-user")
                      .bearer(user.token())
                      .json(
                          Json.createObjectBuilder()
                              .add("metadata", Json.createObjectBuilder().add(key, 1))
                              .build())
                      .send()));
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The server's MicroProfile Health endpoint ({@code /health/ready} or {@code /health/live}). */
  private static Api.Reply health(Api api, String which) {
    return api.get("../../health/" + which).send(); // outside the service's /api/auth
  }

  private static Outcome timed(String what, String key, Supplier<Api.Reply> r) {
    long started = System.nanoTime();
    Api.Reply reply = r.get();
    return new Outcome(what, key, started, System.nanoTime(), reply);
  }

  private static List<Outcome> select(List<Outcome> outcomes, Predicate<Outcome> which) {
    synchronized (outcomes) {
      return outcomes.stream().filter(which).toList();
    }
  }

  private static Outcome last(List<Outcome> outcomes, String what) {
    List<Outcome> of = select(outcomes, o -> o.what().equals(what));
    if (of.isEmpty()) {
      fail("no " + what + " was sent");
    }
    return of.get(of.size() - 1);
  }
}
