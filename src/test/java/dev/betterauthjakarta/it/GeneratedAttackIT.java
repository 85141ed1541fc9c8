package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7's proof: {@value #REQUESTS} generated hostile requests, spread over every route of the
 * WAR ({@link Routes#inWar()}, so a new route is attacked without anyone listing it) and paths
 * beside them, with hostile methods, bodies (wrong types, huge and odd numbers, deep nesting, NUL
 * and unpaired surrogates in values and keys, huge strings, duplicate keys, bytes that are not
 * UTF-8, garbage), content types and charsets, query strings, headers and credentials. Every answer
 * must be below 500, every error JSON with a string {@code code}, and a body carrying something the
 * service refuses (a poison) must not succeed. A victim user, whose email, username, ids, tokens
 * and session hashes the generator uses as values (never as its credentials), must have the same
 * profile, accounts and sessions afterwards.
 *
 * <p>The generator is seeded: {@code -Dit.attack.seed=<n>} tries another sequence; a failure names
 * the seed and the request. Requests that only the server answers (a body on GET, TRACE, bytes
 * outside ASCII in a header, over-long headers, {@code %00} in the path) are not generated: {@link
 * HostileInputIT#whatOnlyTheServerAnswersIsWhatTheReadmeSays} pins those.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedAttackIT {
  static final int REQUESTS = 2_500;
  private static final int THREADS = 4;
  private static final int BATCH = 50;
  private static final long SEED = Long.getLong("it.attack.seed", 20261129L);

  /** Update-user reads these by hand (no request record lists them). */
  private static final List<String> UPDATE_USER_FIELDS =
      List.of(
          "name",
          "image",
          "username",
          "displayUsername",
          "metadata",
          "email",
          "role",
          "banned",
          "banReason",
          "banExpires",
          "twoFactorEnabled",
          "emailVerified",
          "id");

  private static final List<String> EXTRA_PATHS =
      List.of(
          "/",
          "/api",
          "/api/",
          "/api/auth",
          "/api/auth/",
          "/favicon.ico",
          "/index.html",
          "/error",
          "/WEB-INF/web.xml",
          "/META-INF/MANIFEST.MF",
          "/API/AUTH/ok",
          "/api/auth/application.wadl",
          "/api/auth/application.wadl?detail=true",
          "/api/auth/..%2f..%2fWEB-INF/web.xml",
          "/api/auth/%2e%2e/%2e%2e/WEB-INF/web.xml",
          "/api/auth/nothing",
          "/api/auth/ok/..;/..;/WEB-INF/web.xml");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/json; charset=UTF-8",
          "application/json; charset=",
          "application/json; charset=\"x",
          "application/json; charset=utf-16",
          "application/json; charset=latin1",
          "application/json;;",
          "APPLICATION/JSON",
          "application/json, text/plain",
          "%%%",
          "",
          "/",
          ";",
          "application/",
          "a/b/c",
          "text/plain",
          "text/html; charset=utf-8",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=x",
          "application/merge-patch+json",
          "*/*",
          "application/*");

  private static final List<String> ACCEPTS =
      List.of(
          "*/*",
          "application/json",
          "text/html",
          "%%%",
          "application/json;q=x",
          "application/vnd.sun.wadl+xml",
          "application/xml",
          "",
          "*/*;q=0",
          "text/plain;q=1.5, */*");

  private static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "1",
          "-1",
          "0.5",
          "1e1200",
          "1e9999999999",
          "1e1000000",
          "-1e-400",
          "0e500",
          "0e-99999",
          "1e308",
          "1.7976931348623157e308",
          "1.7976931348623157e309",
          "5e-324",
          "4.9e-325",
          "1e400",
          "1e399",
          "123456789012345678901234567890",
          "1E+2",
          "9007199254740993",
          "-0.0",
          "1e-7",
          "1" + "0".repeat(63),
          "9".repeat(65),
          "9".repeat(1200),
          "1099e1099",
          "2e2147483647",
          "1e-2147483648");

  private static final List<String> POISON_NUMBERS =
      List.of(
          "1e1200",
          "1e9999999999",
          "1e1000000",
          "-1e-400",
          "0e500",
          "0e-99999",
          "1e400",
          "9".repeat(65),
          "9".repeat(1200),
          "1099e1099",
          "2e2147483647",
          "1e-2147483648",
          "1.7976931348623157e309");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  /** The generated request, with its target route and whether its body carries a poison. */
  record Attack(
      String route,
      String method,
      String target,
      List<String[]> headers,
      byte[] body,
      Credential credential,
      boolean poisoned) {}

  /** How the request presents itself; the attacker's token is filled in when it is sent. */
  enum Credential {
    NONE,
    ATTACKER_BEARER,
    ATTACKER_SIGNED_BEARER,
    ATTACKER_COOKIE,
    GARBAGE_BEARER,
    BAD_SIGNATURE,
    OTHER_SCHEME
  }

  @Test
  void hostileRequestsOnEveryRouteGetA4xxJsonAnswerAndLeaveTheVictimAlone() throws Exception {
    Api api = new Api(base);
    RawHttp raw = new RawHttp(base);
    List<Routes.Route> routes = Routes.inWar();
    assertTrue(routes.size() >= 22, "the WAR's routes were found: " + routes);

    String victimPassword = "victim-" + UUID.randomUUID();
    TestUser victim =
        signUp(
            api,
            Json.createObjectBuilder()
                .add("username", TestUser.uniqueUsername())
                .add("metadata", Json.createObjectBuilder().add("plan", "pro").add("n", 1.5)),
            victimPassword);
    String victimSecondToken = signIn(api, victim.email(), victimPassword);
    Victim v = Victim.of(victim, victimSecondToken);
    String before = v.snapshot();

    AtomicReference<TestUser> attacker = new AtomicReference<>(TestUser.signUp(api));
    Generator generator = new Generator(new Random(SEED), routes, v, attacker.get());
    List<Attack> attacks = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      attacks.add(generator.next(i));
    }
    Map<String, Integer> perRoute =
        attacks.stream()
            .collect(Collectors.toMap(Attack::route, a -> 1, Integer::sum, TreeMap::new));
    for (Routes.Route route : routes) {
      assertTrue(
          perRoute.getOrDefault(route.toString(), 0) >= 30,
          route + " got too few requests: " + perRoute);
    }

    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    int renewals = 0;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int from = 0; from < attacks.size(); from += BATCH) {
        List<Callable<Void>> batch = new ArrayList<>();
        for (Attack attack : attacks.subList(from, Math.min(from + BATCH, attacks.size()))) {
          batch.add(
              () -> {
                check(raw, attack, attacker.get(), failures, statuses);
                return null;
              });
        }
        for (Future<Void> f : pool.invokeAll(batch)) {
          f.get();
        }
        // The attacker may have signed itself out, revoked or deleted itself: a new one.
        if (!isSignedIn(api, attacker.get().token())) {
          renewals++;
          attacker.set(TestUser.signUp(api));
          generator.attacker = attacker.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    System.out.println(
        "GeneratedAttackIT: seed "
            + SEED
            + ", "
            + attacks.size()
            + " requests, statuses "
            + statuses
            + ", attacker renewed "
            + renewals
            + " times, per route "
            + perRoute);
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " bad answers (seed "
            + SEED
            + "), first ones:\n"
            + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
    assertEquals(before, v.snapshot(), "the victim's profile, accounts and sessions");
    assertEquals(200, api.get("ok").send().status());
    JsonObject session = api.get("get-session").bearer(victim.token()).send().json();
    assertEquals(victim.id(), session.getJsonObject("user").getString("id"));
  }

  private static void check(
      RawHttp raw,
      Attack attack,
      TestUser attacker,
      List<String> failures,
      Map<Integer, Integer> statuses) {
    RawHttp.Request request = raw.request(attack.method(), attack.target());
    for (String[] h : attack.headers()) {
      request.header(h[0], h[1]);
    }
    String token = attacker.token();
    switch (attack.credential()) {
      case NONE -> {}
      case ATTACKER_BEARER -> request.bearer(token);
      case ATTACKER_SIGNED_BEARER -> request.bearer(Signed.of(token));
      case ATTACKER_COOKIE ->
          request.header(
              "Cookie",
              "better-auth.session_token="
                  + URLEncoder.encode(Signed.of(token), StandardCharsets.UTF_8));
      case GARBAGE_BEARER -> request.bearer(token.substring(0, 16) + "garbage%zz%");
      case BAD_SIGNATURE -> request.bearer(token + ".AAAA" + token);
      case OTHER_SCHEME -> request.header("Authorization", "Basic " + token);
    }
    if (attack.body() != null) {
      request.body(attack.body());
    }
    RawHttp.Reply reply;
    try {
      reply = request.send();
    } catch (RuntimeException e) {
      failures.add("no answer (" + e + ") to " + request.describe());
      return;
    }
    statuses.merge(reply.status(), 1, Integer::sum);
    String problem = problem(attack, reply);
    if (problem != null) {
      failures.add(problem + ": " + reply + "\n    to " + request.describe());
    }
  }

  /** What is wrong with an answer, or null. */
  private static String problem(Attack attack, RawHttp.Reply reply) {
    int status = reply.status();
    if (status >= 500) {
      return "a server error";
    }
    if (attack.poisoned() && status < 400 && attack.method().equals("POST")) {
      return "a poisoned body was accepted";
    }
    if (attack.method().equals("HEAD")
        || status == 204
        || status == 304
        || reply.body().length == 0 && status < 400) {
      return null;
    }
    if (status >= 300 && status < 400) {
      return null; // redirects of the mailed links
    }
    String type = reply.header("content-type").orElse("");
    if (!type.startsWith("application/json")) {
      return "not JSON";
    }
    if (status >= 400) {
      try {
        JsonObject error = reply.json();
        if (!(error.get("code") instanceof jakarta.json.JsonString)
            || !(error.get("message") instanceof jakarta.json.JsonString)) {
          return "an error without a string code and message";
        }
      } catch (RuntimeException e) {
        return "an error body that is not a JSON object";
      }
    }
    return null;
  }

  private static boolean isSignedIn(Api api, String token) {
    Api.Reply reply = api.get("get-session?disableRefresh=true").bearer(token).send();
    return reply.status() == 200 && !reply.text().equals("null");
  }

  private static TestUser signUp(Api api, jakarta.json.JsonObjectBuilder extra, String password) {
    String email = TestUser.uniqueEmail();
    JsonObject body =
        extra.add("name", "Victim").add("email", email).add("password", password).build();
    Api.Reply reply = api.post("sign-up/email").json(body).send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject user = reply.json().getJsonObject("user");
    return new TestUser(
        user.getString("id"), email, password, reply.json().getString("token"), user);
  }

  private static String signIn(Api api, String email, String password) {
    Api.Reply reply =
        api.post("sign-in/email")
            .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
            .send();
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getString("token");
  }

  /** The integration tests' secret signs tokens as the service does (pom.xml: it.secret). */
  private static final class Signed {
    static String of(String token) {
      return dev.betterauthjakarta.session.SignedTokens.sign(
          System.getProperty("it.secret", "").getBytes(StandardCharsets.UTF_8), token);
    }
  }

  /** What the generator knows about the victim: values to use, never credentials to use. */
  record Victim(
      TestUser user,
      String username,
      String secondToken,
      List<String> accountIds,
      List<String> providerAccountIds,
      List<String> sessionHashes) {

    static Victim of(TestUser user, String secondToken) {
      return new Victim(
          user,
          user.user().getString("username"),
          secondToken,
          column("select id from \"account\" where \"userId\" = ?", user.id()),
          column("select \"accountId\" from \"account\" where \"userId\" = ?", user.id()),
          column("select token from \"session\" where \"userId\" = ?", user.id()));
    }

    private static List<String> column(String sql, String id) {
      String joined = Db.string("select string_agg(x, ' ') from (" + sql + ") as t(x)", id);
      return joined == null ? List.of() : List.of(joined.split(" "));
    }

    /** The rows that must not change: the user, its accounts and its sessions. */
    String snapshot() {
      String id = user.id();
      return Db.string("select row_to_json(u)::text from \"user\" u where id = ?", id)
          + "\n"
          + Db.string(
              "select json_agg(a order by a.id)::text from \"account\" a where \"userId\" = ?", id)
          + "\n"
          + Db.string(
              "select json_agg(s order by s.id)::text from \"session\" s where \"userId\" = ?", id);
    }
  }

  /** The seeded generator of hostile requests. */
  static final class Generator {
    private final Random random;
    private final List<Routes.Route> routes;
    private final Victim victim;
    volatile TestUser attacker;

    Generator(Random random, List<Routes.Route> routes, Victim victim, TestUser attacker) {
      this.random = random;
      this.routes = routes;
      this.victim = victim;
      this.attacker = attacker;
    }

    /** Request {@code i}: routes in turn, so each gets its share; one in twelve beside them. */
    Attack next(int i) {
      if (random.nextInt(12) == 0) {
        String path = pick(EXTRA_PATHS);
        String method = pick(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"));
        byte[] body = hasBody(method) ? bytes("{}") : null;
        List<String[]> headers = headers(body != null);
        return new Attack(path, method, path, headers, body, credential(), false);
      }
      Routes.Route route = routes.get(i % routes.size());
      String method =
          random.nextInt(6) == 0
              ? pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"))
              : route.method();
      Poisonable body = hasBody(method) ? body(route) : null;
      String target = path(route) + query();
      return new Attack(
          route.toString(),
          method,
          target,
          headers(body != null),
          body == null ? null : body.bytes,
          credential(),
          body != null && body.poisoned && route.method().equals("POST") && method.equals("POST"));
    }

    /** Grizzly refuses a body on GET, DELETE, OPTIONS and HEAD itself: see the class comment. */
    private static boolean hasBody(String method) {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private Credential credential() {
      Credential[] all = Credential.values();
      // Half signed in, so the authenticated routes are reached.
      return random.nextBoolean() ? Credential.ATTACKER_BEARER : all[random.nextInt(all.length)];
    }

    // --- paths and queries ---------------------------------------------------------------

    private String path(Routes.Route route) {
      String p = route.path();
      if (route.hasTemplate()) {
        p = p.replaceAll("\\{[^}]+}", pathSafe(tokenish()));
      }
      String full = Routes.absolute(p);
      return switch (random.nextInt(14)) {
        case 0 -> full + "/";
        case 1 -> full.replace("/api/auth/", "/api/auth//");
        case 2 -> full.toUpperCase(Locale.ROOT);
        case 3 -> full + ";jsessionid=x";
        case 4 -> full.replace("/api/auth/", "/api/auth/./");
        case 5 -> full.replace("/api/auth/", "/api/auth/x/../");
        case 6 -> full + "%20";
        default -> full;
      };
    }

    /** Percent-encoded valid UTF-8 without NUL: the path forms that reach the application. */
    private static String pathSafe(String value) {
      String clean =
          value
              .codePoints()
              .filter(c -> c != 0 && !Character.isSurrogate((char) c) || c > 0xffff)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString();
      if (clean.isEmpty()) {
        clean = "x";
      }
      return URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String query() {
      if (random.nextInt(10) < 6) {
        return "";
      }
      StringBuilder q = new StringBuilder("?");
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          q.append(random.nextInt(8) == 0 ? "&&" : "&");
        }
        q.append(
            pick(
                List.of(
                    "token",
                    "callbackURL",
                    "disableRefresh",
                    "redirectTo",
                    "email",
                    "x",
                    "",
                    "%00",
                    "%ED%A0%80",
                    "t%FFk")));
        if (random.nextInt(8) != 0) {
          q.append('=').append(queryValue());
        }
      }
      return q.toString();
    }

    private String queryValue() {
      return switch (random.nextInt(16)) {
        case 0 -> "%00";
        case 1 -> "a%00b";
        case 2 -> "%ED%A0%80";
        case 3 -> "%ED%B0%80%ED%A0%80";
        case 4 -> "%FF";
        case 5 -> "%C0%80";
        case 6 -> "%zz";
        case 7 -> "true";
        case 8 -> URLEncoder.encode("javascript:alert(1)", StandardCharsets.UTF_8);
        case 9 -> URLEncoder.encode("https://evil.example.net/x", StandardCharsets.UTF_8);
        case 10 -> URLEncoder.encode("https://app.example.com/done?x=1", StandardCharsets.UTF_8);
        case 11 -> "%2F%2Fevil.example.net";
        case 12 -> "a".repeat(random.nextInt(2_000));
        case 13 -> "%F0%9F%98%80+%C3%A9";
        case 14 -> URLEncoder.encode(tokenish(), StandardCharsets.UTF_8);
        default -> Long.toString(random.nextLong(), 36);
      };
    }

    // --- headers -----------------------------------------------------------------------

    private List<String[]> headers(boolean hasBody) {
      List<String[]> h = new ArrayList<>();
      if (hasBody && random.nextInt(10) != 0) {
        h.add(
            new String[] {
              "Content-Type", random.nextInt(3) == 0 ? pick(CONTENT_TYPES) : "application/json"
            });
      }
      if (random.nextInt(4) == 0) {
        h.add(new String[] {"Accept", pick(ACCEPTS)});
      }
      if (random.nextInt(5) == 0) {
        h.add(
            new String[] {
              "Origin",
              pick(
                  List.of(
                      "https://app.example.com",
                      "http://localhost:8080",
                      "https://evil.example.net",
                      "null",
                      "",
                      "%%%"))
            });
      }
      if (random.nextInt(8) == 0) {
        h.add(new String[] {"Sec-Fetch-Site", pick(List.of("cross-site", "same-origin", "none"))});
        h.add(new String[] {"Sec-Fetch-Mode", pick(List.of("navigate", "cors", "no-cors"))});
      }
      if (random.nextInt(4) == 0) {
        h.add(new String[] {"User-Agent", ascii(random.nextInt(3) == 0 ? 1_000 : 40)});
      }
      if (random.nextInt(6) == 0) {
        h.add(new String[] {"X-Forwarded-For", ascii(30)});
      }
      if (random.nextInt(6) == 0) {
        h.add(
            new String[] {
              "Cookie",
              pick(
                  List.of(
                      "better-auth.session_token=" + ascii(40),
                      "=;;=a; ;",
                      "a=\"b",
                      "$Version=1; better-auth.session_token=x",
                      "better-auth.session_token=%",
                      "better-auth.dont_remember=true; better-auth.session_token="
                          + attackerToken()
                          + ".x",
                      "x=" + "y".repeat(2_000)))
            });
      }
      if (random.nextInt(10) == 0) {
        h.add(
            new String[] {
              "X-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36), ascii(100)
            });
      }
      return h;
    }

    private String attackerToken() {
      return attacker.token();
    }

    /** Printable ASCII and tabs: what Grizzly passes on in a header value. */
    private String ascii(int max) {
      int n = random.nextInt(max + 1);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(random.nextInt(30) == 0 ? '\t' : (char) (0x20 + random.nextInt(0x5f)));
      }
      return s.toString().strip();
    }

    // --- bodies -----------------------------------------------------------------------

    /** A body and whether it carries something the service must refuse. */
    record Poisonable(byte[] bytes, boolean poisoned) {}

    private Poisonable body(Routes.Route route) {
      List<String> fields =
          route.path().equals("update-user")
              ? UPDATE_USER_FIELDS
              : route.fields().isEmpty() ? List.of("name", "metadata", "token") : route.fields();
      Poison poison = new Poison();
      String json =
          switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> fieldsObject(fields, poison);
            case 4 -> randomObject(poison, 0);
            case 5 -> deep(poison);
            case 6 -> numberBomb(fields, poison);
            case 7 -> duplicates(fields, poison);
            case 8 -> hugeString(fields);
            default -> null;
          };
      if (json == null) {
        return garbage();
      }
      return new Poisonable(bytes(json), poison.any);
    }

    private String fieldsObject(List<String> fields, Poison poison) {
      StringBuilder o = new StringBuilder("{");
      for (String field : fields) {
        if (random.nextInt(10) < 7) {
          o.append(o.length() > 1 ? "," : "")
              .append(quote(field))
              .append(':')
              .append(value(field, poison, 0));
        }
      }
      if (random.nextInt(5) == 0) {
        o.append(o.length() > 1 ? "," : "")
            .append(key(poison))
            .append(':')
            .append(value("x", poison, 0));
      }
      return o.append('}').toString();
    }

    private String randomObject(Poison poison, int depth) {
      StringBuilder o = new StringBuilder("{");
      int n = random.nextInt(depth == 0 ? 8 : 4);
      for (int i = 0; i < n; i++) {
        o.append(i > 0 ? "," : "").append(key(poison)).append(':');
        o.append(
            depth < 6 && random.nextInt(3) == 0
                ? randomObject(poison, depth + 1)
                : value("x", poison, depth + 1));
      }
      return o.append('}').toString();
    }

    private String deep(Poison poison) {
      int depth =
          switch (random.nextInt(6)) {
            case 0 -> 2 + random.nextInt(40);
            case 1 -> 999;
            case 2 -> 1000;
            case 3 -> 1001;
            case 4 -> 30 + random.nextInt(5);
            default -> 2 + random.nextInt(12_000);
          };
      if (depth + 1 > 32) {
        poison.any = true;
      }
      boolean unclosed = random.nextInt(8) == 0;
      StringBuilder open = new StringBuilder();
      StringBuilder close = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        if (random.nextBoolean()) {
          open.append('[');
          close.insert(0, ']');
        } else {
          open.append("{\"\":");
          close.insert(0, '}');
        }
      }
      String inner = open + "1" + (unclosed ? "" : close.toString());
      if (unclosed) {
        poison.any = true;
      }
      return random.nextBoolean() ? "{\"metadata\":" + inner + "}" : "{\"name\":" + inner + "}";
    }

    private String numberBomb(List<String> fields, Poison poison) {
      StringBuilder m = new StringBuilder("{");
      int keys = random.nextInt(4) == 0 ? 1_200 : 1 + random.nextInt(20);
      String number = pick(NUMBERS);
      for (int i = 0; i < keys; i++) {
        String n = random.nextInt(3) == 0 ? pick(NUMBERS) : number;
        if (POISON_NUMBERS.contains(n)) {
          poison.any = true;
        }
        m.append(i > 0 ? "," : "").append("\"k").append(i).append("\":").append(n);
      }
      m.append('}');
      String field = pick(fields);
      String other = pick(NUMBERS);
      if (POISON_NUMBERS.contains(other)) {
        poison.any = true;
      }
      return "{\"metadata\":" + m + "," + quote(field) + ":" + other + "}";
    }

    private String duplicates(List<String> fields, Poison poison) {
      String field = pick(fields);
      return "{"
          + quote(field)
          + ":"
          + value(field, poison, 0)
          + ","
          + quote(field)
          + ":"
          + value(field, poison, 0)
          + ","
          + quote(field)
          + ":"
          + value(field, poison, 0)
          + "}";
    }

    private String hugeString(List<String> fields) {
      int size = random.nextInt(4) == 0 ? 66_000 + random.nextInt(4_000) : random.nextInt(60_000);
      return "{" + quote(pick(fields)) + ":\"" + "x".repeat(size) + "\"}";
    }

    private Poisonable garbage() {
      return switch (random.nextInt(14)) {
        case 0 -> new Poisonable(new byte[0], false);
        case 1 -> new Poisonable(bytes("   \n\t "), false);
        case 2 -> new Poisonable(bytes("null"), false);
        case 3 -> new Poisonable(bytes("[]"), false);
        case 4 -> new Poisonable(bytes("\"s\""), false);
        case 5 -> new Poisonable(bytes("{}x"), false);
        case 6 -> new Poisonable(bytes("{\"a\":"), false);
        case 7 -> new Poisonable("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_16), true);
        case 8 -> new Poisonable(bytes("\uFEFF{\"name\":\"bom\"}"), false);
        case 9 -> {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          b.writeBytes(bytes("{\"name\":\"a"));
          b.write(0xff);
          b.writeBytes(bytes("\"}"));
          yield new Poisonable(b.toByteArray(), true);
        }
        case 10 ->
            new Poisonable(
                new byte[] {
                  '{',
                  '"',
                  'n',
                  'a',
                  'm',
                  'e',
                  '"',
                  ':',
                  '"',
                  (byte) 0xed,
                  (byte) 0xa0,
                  (byte) 0x80,
                  '"',
                  '}'
                },
                true);
        case 11 -> {
          byte[] b = new byte[random.nextInt(300)];
          random.nextBytes(b);
          yield new Poisonable(b, false);
        }
        case 12 -> new Poisonable(bytes("{\"a\":NaN,\"b\":Infinity}"), false);
        default -> new Poisonable(bytes("{\"name\":\"raw\u0001control\"}"), false);
      };
    }

    /** A JSON value for {@code field}, as JSON text. */
    private String value(String field, Poison poison, int depth) {
      int kind = random.nextInt(20);
      return switch (kind) {
        case 0 -> pick(List.of("true", "false", "null", "[]", "{}", "[[1]]", "\"\""));
        case 1, 2 -> {
          String n = pick(NUMBERS);
          if (POISON_NUMBERS.contains(n)) {
            poison.any = true;
          }
          yield n;
        }
        case 3 -> {
          poison.any = true;
          yield pick(
              List.of(
                  "\"a\\u0000b\"",
                  "\"\\u0000\"",
                  "\"\\ud800\"",
                  "\"\\udfff\"",
                  "\"x\\udc00\\ud800y\"",
                  "\"\\ud83d\""));
        }
        case 4 -> quote(tokenish());
        case 5 ->
            quote(
                pick(
                    List.of(
                        victim.user().email(),
                        victim.user().email().toUpperCase(Locale.ROOT),
                        attacker.email(),
                        "a@b.c",
                        "not-an-email",
                        " " + victim.user().email())));
        case 6 ->
            quote(
                pick(
                    List.of(
                        victim.username(),
                        victim.username().toUpperCase(Locale.ROOT),
                        "ab",
                        "a".repeat(40),
                        "valid_" + random.nextInt(1000),
                        "bad name!")));
        case 7 -> quote(pick(List.of("credential", "google", "")));
        case 8 -> quote(pick(victim.accountIds().isEmpty() ? List.of("x") : victim.accountIds()));
        case 9 ->
            quote(
                pick(
                    List.of(
                        "https://evil.example.net/",
                        "/done",
                        "//evil.example.net",
                        "javascript:alert(1)",
                        "https://app.example.com/ok",
                        "http://localhost:8080/x\n")));
        case 10 ->
            quote(
                pick(
                    List.of(
                        "short",
                        "12345678",
                        "x".repeat(129),
                        attacker.password(),
                        "pass word \ud83d\ude00 long enough")));
        case 11 -> quote("\ud83d\ude00\u00e9\u202e\u200b\uFEFF\uFFFF text");
        case 12 -> "\"" + "\\u00" + String.format("%02x", 1 + random.nextInt(31)) + "ctl\"";
        case 13 -> quote("x".repeat(random.nextInt(5_000)));
        case 14 -> depth < 4 ? randomObject(poison, depth + 1) : "{}";
        case 15 ->
            "[" + value(field, poison, depth + 1) + "," + value(field, poison, depth + 1) + "]";
        case 16 -> quote("' OR 1=1 --");
        case 17 -> quote("../../WEB-INF/web.xml");
        default -> quote("value " + random.nextInt(1000));
      };
    }

    /** An object key, as JSON text. */
    private String key(Poison poison) {
      return switch (random.nextInt(12)) {
        case 0 -> {
          poison.any = true;
          yield pick(List.of("\"\\u0000\"", "\"k\\u0000\"", "\"\\ud800\"", "\"\\udc00k\""));
        }
        case 1 -> "\"\"";
        case 2 -> quote("k".repeat(1 + random.nextInt(1_000)));
        case 3 -> quote("__proto__");
        case 4 -> quote("constructor");
        case 5 -> quote("\ud83d\ude00");
        case 6 -> quote(pick(UPDATE_USER_FIELDS));
        default -> quote("k" + random.nextInt(50));
      };
    }

    /** Values for token fields: garbage, and the victim's (which must not work for anyone). */
    private String tokenish() {
      return switch (random.nextInt(10)) {
        case 0 -> "";
        case 1 -> victim.user().token();
        case 2 -> victim.secondToken();
        case 3 -> Signed.of(victim.user().token());
        case 4 -> pick(victim.sessionHashes());
        case 5 -> "x".repeat(random.nextInt(3_000));
        case 6 -> "%";
        case 7 -> attacker.token();
        case 8 -> "\u00e9\ud83d\ude00";
        default -> Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
      };
    }

    /**
     * A Java string as JSON text (every string it escapes is storable; poisons are written raw).
     */
    private static String quote(String s) {
      return Json.createValue(s).toString();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Set when a part of the body must make the request fail. */
    private static final class Poison {
      boolean any;
    }
  }
}
