package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's metrics at {@code /internal/metrics}, in the Prometheus text format: only for the
 * bearer of {@code BETTER_AUTH_METRICS_TOKEN}, and the counters of sign-ins by outcome, sign-ups
 * and password resets move by exactly what the requests did, while request latency is recorded
 * under the route template, never the path as sent. Test classes run one after another, so no other
 * request moves these counters meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  @Test
  void metricsAreOnlyForTheBearerOfTheMetricsToken() {
    HttpResponse<String> none = get(null);
    assertEquals(401, none.statusCode(), none.body());
    assertEquals(List.of("Bearer"), none.headers().allValues("WWW-Authenticate"));
    assertEquals(
        "UNAUTHORIZED",
        Json.createReader(new java.io.StringReader(none.body())).readObject().getString("code"));
    assertEquals(401, get("Bearer " + token() + "x").statusCode());
    assertEquals(401, get("Bearer " + token().substring(1)).statusCode());
    assertEquals(401, get("Basic " + token()).statusCode());
    assertEquals(401, get(token()).statusCode());
    HttpResponse<String> post = send("POST", "Bearer " + token());
    assertEquals(405, post.statusCode(), post.body());
    HttpResponse<String> ok = get("Bearer " + token());
    assertEquals(200, ok.statusCode(), ok.body());
    // Prometheus' text format (WildFly's Undertow drops the space before charset).
    assertEquals(
        "text/plain;version=0.0.4;charset=utf-8",
        ok.headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .toLowerCase()
            .replaceAll(";\\s*", ";"));
    // Not in the API, whatever the proxy in front forwards.
    assertEquals(404, new Api(base).get("metrics").send().status());
  }

  @Test
  void jvmAndProcessBasicsAreThere() {
    Map<String, Double> samples = scrape();
    for (String family :
        List.of(
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "jvm_gc_max_data_size_bytes",
            "process_cpu_usage",
            "process_uptime_seconds",
            "jvm_classes_loaded_classes")) {
      assertTrue(
          samples.keySet().stream().anyMatch(k -> k.equals(family) || k.startsWith(family + "{")),
          family + " missing");
    }
  }

  @Test
  void signInsSignUpsResetsAndRouteLatencyMoveByWhatTheRequestsDid() {
    Api api = new Api(base);
    String signInRoute = "method=\"POST\",route=\"/api/auth/sign-in/email\"";
    String signInOk = "better_auth_sign_ins_total{method=\"password\",outcome=\"success\"}";
    String signInBad =
        "better_auth_sign_ins_total{method=\"password\",outcome=\"invalid_credentials\"}";
    String signUps = "better_auth_sign_ups_total{method=\"password\"}";
    String requested = "better_auth_password_resets_total{step=\"requested\"}";
    String completed = "better_auth_password_resets_total{step=\"completed\"}";
    String hashes =
        "better_auth_password_hash_seconds_count{algorithm=\"argon2id\",operation=\"hash\"}";
    String verifications =
        "better_auth_password_hash_seconds_count{algorithm=\"argon2id\",operation=\"verify\"}";
    String signIn4xx =
        "better_auth_http_requests_seconds_count{" + signInRoute + ",status=\"4xx\"}";
    String signIn2xx =
        "better_auth_http_requests_seconds_count{" + signInRoute + ",status=\"2xx\"}";
    String resetCheck4xx =
        "better_auth_http_requests_seconds_count{method=\"GET\","
            + "route=\"/api/auth/reset-password/{token}\",status=\"4xx\"}";
    // The route's first request may create its series: read the missing ones as 0.
    Map<String, Double> before = scrape();

    TestUser u = TestUser.signUp(api); // one sign-up, one hash
    Api.Reply wrong =
        api.post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", "wrong-" + u.password()))
            .send();
    assertEquals(401, wrong.status(), wrong.toString());
    u.signIn(api);
    Api.Reply malformed = api.post("sign-in/email").json("{\"email\":").send();
    assertEquals(400, malformed.status(), malformed.toString());
    String rawToken = "no-such-reset-token-" + System.nanoTime();
    assertEquals(400, api.get("reset-password/" + rawToken).send().status());
    Api.Reply reset =
        api.post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", u.email()))
            .send();
    assertEquals(200, reset.status(), reset.toString());
    String mail = Mailbox.plainText(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    String resetToken = mail.substring(mail.indexOf("/reset-password/") + 16).split("\\s")[0];
    Api.Reply done =
        api.post("reset-password")
            .json(
                Json.createObjectBuilder()
                    .add("token", resetToken)
                    .add("newPassword", "another long password"))
            .send();
    assertEquals(200, done.status(), done.toString());

    Map<String, Double> after = scrape();
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put(signUps, 1.0);
    expected.put(signInOk, 1.0);
    expected.put(signInBad, 1.0);
    expected.put(requested, 1.0);
    expected.put(completed, 1.0);
    expected.put(hashes, 2.0); // sign-up and reset
    expected.put(verifications, 2.0); // the two sign-ins
    expected.put(signIn4xx, 2.0); // the wrong password and the malformed body
    expected.put(signIn2xx, 1.0);
    expected.put(resetCheck4xx, 1.0);
    Map<String, Double> actual = new LinkedHashMap<>();
    expected.keySet().forEach(k -> actual.put(k, delta(before, after, k)));
    assertEquals(expected, actual);

    assertTrue(
        after.containsKey(
            "better_auth_http_requests_seconds_bucket{"
                + signInRoute
                + ",status=\"4xx\",le=\"+Inf\"}"),
        "a histogram, with buckets");
    assertTrue(
        after.get("better_auth_http_requests_seconds_sum{" + signInRoute + ",status=\"2xx\"}") > 0,
        "time was recorded");
    assertFalse(
        after.keySet().stream().anyMatch(k -> k.contains(rawToken) || k.contains(resetToken)),
        "no path as sent in any label");
    assertTrue(
        after.keySet().stream()
            .filter(k -> k.startsWith("better_auth_http_requests_seconds_count{"))
            .allMatch(k -> k.contains("route=\"/api/auth")),
        "every route is a template under /api/auth");
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
    assertTrue(after.containsKey(key), key + " is not exposed");
    return after.get(key) - before.getOrDefault(key, 0.0);
  }

  private static String token() {
    return System.getProperty("it.metrics.token");
  }

  private Map<String, Double> scrape() {
    HttpResponse<String> r = get("Bearer " + token());
    assertEquals(200, r.statusCode(), r.body());
    return Exposition.parse(r.body());
  }

  private HttpResponse<String> get(String authorization) {
    return send("GET", authorization);
  }

  private HttpResponse<String> send(String method, String authorization) {
    String b = base.toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create((b.endsWith("/") ? b : b + "/") + "internal/metrics"))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Http.send(HTTP, request.build());
  }

  /**
   * A strict reader of the Prometheus text exposition format 0.0.4: every line is a {@code # HELP}
   * or {@code # TYPE} line or a sample of a declared family, label values escaped as the format
   * says, values numbers; anything else fails the test. Samples are keyed by name and labels as
   * written ({@code name{a="x",b="y"}}).
   */
  static final class Exposition {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE =
        Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE =
        Pattern.compile("(" + NAME + ")(\\{.*})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final List<String> SUFFIXES =
        List.of("", "_total", "_bucket", "_count", "_sum", "_created", "_info");

    static Map<String, Double> parse(String text) {
      assertTrue(text.endsWith("\n"), "the exposition ends with a line feed");
      Map<String, String> types = new HashMap<>();
      Map<String, Double> samples = new TreeMap<>();
      Set<String> seen = new HashSet<>();
      for (String line : text.split("\n")) {
        Matcher m;
        if (line.isEmpty()) {
          continue;
        } else if ((m = TYPE.matcher(line)).matches()) {
          assertTrue(types.put(m.group(1), m.group(2)) == null, "TYPE twice: " + line);
        } else if (HELP.matcher(line).matches()) {
          continue;
        } else if ((m = SAMPLE.matcher(line)).matches()) {
          String name = m.group(1);
          assertTrue(
              SUFFIXES.stream()
                  .anyMatch(
                      s ->
                          name.endsWith(s)
                              && types.containsKey(name.substring(0, name.length() - s.length()))),
              "a sample of no declared family: " + line);
          String labels = m.group(2) == null ? "" : m.group(2);
          if (!labels.isEmpty()) {
            String inner = labels.substring(1, labels.length() - 1);
            Matcher l = LABEL.matcher(inner);
            int at = 0;
            Set<String> names = new HashSet<>();
            while (at < inner.length() && l.find(at) && l.start() == at) {
              assertTrue(names.add(l.group(1)), "label twice: " + line);
              at = l.end();
            }
            assertEquals(inner.length(), at, "malformed labels: " + line);
          }
          double value =
              switch (m.group(3)) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(m.group(3));
              };
          String key = name + labels;
          assertTrue(seen.add(key), "sample twice: " + line);
          samples.put(key, value);
        } else {
          throw new AssertionError("not a line of the exposition format: " + line);
        }
      }
      assertFalse(samples.isEmpty(), "no samples");
      return samples;
    }
  }
}
