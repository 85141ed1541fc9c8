package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each example of issue 7 (items 1–6) over HTTP, and the rest of its kind: numbers JSON can write
 * but not read back, amplification through normalisation, nesting, NUL and lone surrogates,
 * container error pages, WADL. {@link GeneratedAttackIT} tries the same kinds at random.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private RawHttp raw() {
    return new RawHttp(base);
  }

  private static List<Routes.Route> postRoutes() {
    return Routes.inWar().stream()
        .filter(r -> r.method().equals("POST") && !r.path().equals("get-session"))
        .toList();
  }

  /** A JSON body sent to a POST route as a signed-in user; must be a 400 VALIDATION_ERROR. */
  private void assertRefusedOnEveryPostRoute(String token, String json, String why) {
    for (Routes.Route route : postRoutes()) {
      RawHttp.Reply reply =
          raw()
              .request("POST", Routes.absolute(route.concretePath()))
              .bearer(token)
              .json(json)
              .send();
      assertEquals(400, reply.status(), why + " on " + route + ": " + reply);
      assertEquals("VALIDATION_ERROR", reply.code(), why + " on " + route + ": " + reply);
    }
  }

  private void assertUsable(TestUser u, String token) {
    assertEquals(200, api().get("get-session").bearer(token).send().status());
    assertEquals(200, api().get("list-accounts").bearer(token).send().status());
    assertEquals(200, api().get("list-sessions").bearer(token).send().status());
    Api.Reply rename =
        api().post("update-user").bearer(token).json("{\"name\":\"Still Me\"}").send();
    assertEquals(200, rename.status(), rename.toString());
    assertEquals(200, signIn(u).status());
  }

  private Api.Reply signIn(TestUser u) {
    return api()
        .post("sign-in/email")
        .json(
            Json.createObjectBuilder()
                .add("email", u.email())
                .add("password", u.password())
                .build())
        .send();
  }

  // --- 1. numbers JSON can write but not read back -------------------------------------------

  @Test
  void aNumberPostgresWouldWidenBeyondWhatJsonReadsBackIsRefusedAndTheUserStaysUsable() {
    TestUser u = TestUser.signUp(api());
    Api.Reply reply =
        api().post("update-user").bearer(u.token()).json("{\"metadata\":{\"n\":1e1200}}").send();
    assertEquals(400, reply.status(), reply.toString());
    assertEquals("VALIDATION_ERROR", reply.code());
    assertTrue(reply.json().getString("message").startsWith("[body.metadata.n] "), reply.text());

    assertUsable(u, u.token());
    Api.Reply delete = api().post("delete-user").bearer(u.token()).json("{}").send();
    assertEquals(200, delete.status(), delete.toString());
  }

  @Test
  void numbersTooBigToConvertAreA400OnEveryPostRouteInAnyField() {
    TestUser u = TestUser.signUp(api());
    assertRefusedOnEveryPostRoute(u.token(), "{\"username\":1e9999999999}", "exponent overflow");
    assertRefusedOnEveryPostRoute(u.token(), "{\"metadata\":{\"big\":1e1000000}}", "numeric");
    assertRefusedOnEveryPostRoute(u.token(), "{\"ignored\":[0e-99999]}", "zero, widened");
    assertRefusedOnEveryPostRoute(u.token(), "{\"x\":" + "9".repeat(1200) + "}", "1,200 digits");
    assertRefusedOnEveryPostRoute(u.token(), "{\"x\":-1e-400}", "below what a double holds");
    Api.Reply signUp =
        api()
            .post("sign-up/email")
            .json(
                "{\"name\":\"a\",\"email\":\""
                    + TestUser.uniqueEmail()
                    + "\",\"password\":\"password123\",\"metadata\":{\"big\":1e1000000}}")
            .send();
    assertEquals(400, signUp.status(), signUp.toString());
    assertUsable(u, u.token());
  }

  @Test
  void numbersAJavaScriptClientWritesAreAcceptedAndReadBackExactly() {
    TestUser u = TestUser.signUp(api());
    String metadata =
        "{\"max\":1.7976931348623157e308,\"min\":5e-324,\"int\":9007199254740991,"
            + "\"neg\":-0.5,\"big\":123456789012345678901234567890}";
    Api.Reply reply =
        api().post("update-user").bearer(u.token()).json("{\"metadata\":" + metadata + "}").send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject stored =
        api().get("get-session").bearer(u.token()).send().json().getJsonObject("user");
    JsonObject m = stored.getJsonObject("metadata");
    assertEquals(
        new java.math.BigDecimal("1.7976931348623157e308"),
        m.getJsonNumber("max").bigDecimalValue().stripTrailingZeros());
    assertEquals(new java.math.BigDecimal("5e-324"), m.getJsonNumber("min").bigDecimalValue());
    assertEquals(9007199254740991L, m.getJsonNumber("int").longValue());
    assertEquals(
        new java.math.BigInteger("123456789012345678901234567890"),
        m.getJsonNumber("big").bigIntegerValue());
  }

  @Test
  void storedMetadataThatCannotBeReadBackReadsAsEmptyAndStaysStoredUntilReplaced() {
    TestUser u = TestUser.signUp(api());
    // What the old code let through: PostgreSQL keeps 1e1200 as 1,201 digits.
    Db.update("update \"user\" set metadata = '{\"n\": 1e1200}'::jsonb where id = ?", u.id());
    String before = Db.string("select metadata::text from \"user\" where id = ?", u.id());

    Api.Reply session = api().get("get-session").bearer(u.token()).send();
    assertEquals(200, session.status(), session.toString());
    assertEquals(
        JsonObject.EMPTY_JSON_OBJECT, session.json().getJsonObject("user").get("metadata"));
    assertUsable(u, u.token());
    assertEquals(
        before,
        Db.string("select metadata::text from \"user\" where id = ?", u.id()),
        "reading (and a name change) leaves the unreadable value for an operator to see");

    Api.Reply replace =
        api().post("update-user").bearer(u.token()).json("{\"metadata\":{\"a\":1}}").send();
    assertEquals(200, replace.status(), replace.toString());
    assertEquals(
        "{\"a\": 1}", Db.string("select metadata::text from \"user\" where id = ?", u.id()));

    // Another writer's non-object value.
    Db.update("update \"user\" set metadata = '[1, 2]'::jsonb where id = ?", u.id());
    assertUsable(u, u.token());
  }

  // --- 2. amplification -------------------------------------------------------------------

  @Test
  void metadataLimitsCountWhatIsStoredAndReturnedNotTheRequestsBytes() {
    TestUser u = TestUser.signUp(api());
    for (String number : List.of("1e1099", "1e308", "1e-300")) {
      StringBuilder body = new StringBuilder("{\"metadata\":{");
      for (int i = 0; i < 1000; i++) {
        body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(number);
      }
      body.append("}}");
      assertTrue(body.length() < 16 * 1024, "the request itself is small");
      Api.Reply reply = api().post("update-user").bearer(u.token()).json(body.toString()).send();
      assertEquals(400, reply.status(), number + ": " + reply);
      assertEquals("VALIDATION_ERROR", reply.code());
    }
    Api.Reply one =
        api().post("update-user").bearer(u.token()).json("{\"metadata\":{\"n\":1e308}}").send();
    assertEquals(200, one.status(), one.toString());
    Api.Reply session = api().get("get-session").bearer(u.token()).send();
    assertEquals(200, session.status());
    assertTrue(session.text().length() < 20_000, "answer size " + session.text().length());
  }

  // --- 3. nesting ------------------------------------------------------------------------------

  @Test
  void nestingAtAnyDepthIsA400OnEveryPostRoute() {
    TestUser u = TestUser.signUp(api());
    for (int depth : new int[] {33, 999, 1000, 1001, 20_000}) {
      assertRefusedOnEveryPostRoute(
          u.token(), "[".repeat(depth) + "]".repeat(depth), "[ x" + depth);
      int objects = Math.min(depth, 12_000); // {"": is 4 bytes a level; the body stays < 64 KiB
      assertRefusedOnEveryPostRoute(
          u.token(),
          "{\"metadata\":" + "{\"\":".repeat(objects) + "1" + "}".repeat(objects + 1),
          "{ x" + objects);
    }
    assertRefusedOnEveryPostRoute(u.token(), "[".repeat(30_000), "unclosed");
    assertUsable(u, u.token());
  }

  // --- 4. NUL and lone surrogates ----------------------------------------------------------

  @Test
  void nulAndLoneSurrogatesAreRefusedInEveryStringAndKeyOnEveryPostRoute() {
    TestUser u = TestUser.signUp(api());
    Api.Reply nul =
        api().post("update-user").bearer(u.token()).json("{\"name\":\"a\\u0000b\"}").send();
    assertEquals(400, nul.status(), nul.toString());
    assertEquals("VALIDATION_ERROR", nul.code());
    Api.Reply lone =
        api().post("update-user").bearer(u.token()).json("{\"name\":\"\\ud800\"}").send();
    assertEquals(400, lone.status(), lone.toString());

    for (String bad : List.of("a\\u0000b", "\\ud800", "\\udfff", "x\\udc00\\ud800y")) {
      for (Routes.Route route : postRoutes()) {
        StringBuilder body = new StringBuilder("{");
        for (String field : route.fields()) {
          body.append('"').append(field).append("\":\"").append(bad).append("\",");
        }
        body.append("\"name\":\"").append(bad).append("\"}");
        RawHttp.Reply reply =
            raw()
                .request("POST", Routes.absolute(route.concretePath()))
                .bearer(u.token())
                .json(body.toString())
                .send();
        assertEquals(400, reply.status(), bad + " on " + route + ": " + reply);
        assertEquals("VALIDATION_ERROR", reply.code(), route + ": " + reply);
      }
      assertRefusedOnEveryPostRoute(u.token(), "{\"metadata\":{\"" + bad + "\":1}}", "key " + bad);
      assertRefusedOnEveryPostRoute(
          u.token(), "{\"metadata\":{\"a\":[[\"" + bad + "\"]]}}", "nested " + bad);
    }
    JsonObject user =
        api().get("get-session").bearer(u.token()).send().json().getJsonObject("user");
    assertEquals("Test User", user.getString("name"));

    Api.Reply pair =
        api().post("update-user").bearer(u.token()).json("{\"name\":\"\\ud83d\\ude00\"}").send();
    assertEquals(200, pair.status(), "a surrogate pair is a character: " + pair);
    assertEquals(
        "\ud83d\ude00",
        api()
            .get("get-session")
            .bearer(u.token())
            .send()
            .json()
            .getJsonObject("user")
            .getString("name"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    TestUser u = TestUser.signUp(api());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"name\":\"a".getBytes(StandardCharsets.UTF_8));
    body.write(0xff);
    body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
    RawHttp.Reply reply =
        raw()
            .request("POST", Routes.absolute("update-user"))
            .bearer(u.token())
            .header("Content-Type", "application/json")
            .body(body.toByteArray())
            .send();
    assertEquals(400, reply.status(), reply.toString());
    assertEquals("BAD_REQUEST", reply.code());
    // CESU-8 / WTF-8 bytes of a lone surrogate
    RawHttp.Reply cesu =
        raw()
            .request("POST", Routes.absolute("update-user"))
            .bearer(u.token())
            .header("Content-Type", "application/json")
            .body(
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
                })
            .send();
    assertEquals(400, cesu.status(), cesu.toString());
    assertEquals(
        "Test User",
        api()
            .get("get-session")
            .bearer(u.token())
            .send()
            .json()
            .getJsonObject("user")
            .getString("name"));
  }

  @Test
  void nulAndBrokenUtf8AreRefusedInQueryParameters() {
    TestUser u = TestUser.signUp(api());
    for (String bad : List.of("%00", "a%00b", "%ED%A0%80", "%FF", "%C0%80")) {
      for (String target :
          List.of(
              "verify-email?token=" + bad,
              "verify-email?token=x&callbackURL=" + bad,
              "reset-password/abc?callbackURL=" + bad,
              "delete-user/callback?token=" + bad,
              "get-session?disableRefresh=" + bad,
              "ok?" + bad + "=1")) {
        RawHttp.Reply reply =
            raw().request("GET", Routes.absolute(target)).bearer(u.token()).send();
        assertEquals(400, reply.status(), target + ": " + reply);
        assertEquals("VALIDATION_ERROR", reply.code(), target + ": " + reply);
      }
      RawHttp.Reply post =
          raw()
              .request("POST", Routes.absolute("reset-password?token=" + bad))
              .json("{\"newPassword\":\"password1234\"}")
              .send();
      assertEquals(400, post.status(), post.toString());
    }
    assertUsable(u, u.token());
  }

  // --- 5. container error pages ------------------------------------------------------------

  @Test
  void oddContentTypesGetJsonAnswers() {
    for (String type :
        List.of(
            "%%%",
            "",
            "application/json; charset=",
            "application/json; charset=\"x",
            "/",
            ";",
            "application/json;;",
            "text/plain",
            "application/json; charset=utf-16",
            "APPLICATION/JSON",
            "application/json, text/plain",
            "multipart/form-data; boundary=")) {
      RawHttp.Reply reply =
          raw()
              .request("POST", Routes.absolute("sign-in/email"))
              .header("Content-Type", type)
              .body("{}")
              .send();
      assertTrue(reply.status() >= 400 && reply.status() < 500, type + ": " + reply);
      assertTrue(
          reply.header("content-type").orElse("").startsWith("application/json"),
          type + ": " + reply);
      reply.code();
    }
    RawHttp.Reply broken =
        raw()
            .request("POST", Routes.absolute("sign-in/email"))
            .header("Content-Type", "application/json; charset=")
            .body("{}")
            .send();
    assertEquals("VALIDATION_ERROR", broken.code(), "read as JSON, as Better Auth does");
    RawHttp.Reply garbage =
        raw()
            .request("POST", Routes.absolute("sign-in/email"))
            .header("Content-Type", "%%%")
            .body("{}")
            .send();
    assertEquals(415, garbage.status(), garbage.toString());
    assertEquals("UNSUPPORTED_MEDIA_TYPE", garbage.code());
  }

  @Test
  void oddAcceptHeadersGetJsonAnswers() {
    for (String accept : List.of("%%%", "application/json;q=x", "text/html", "*/*;", "")) {
      RawHttp.Reply reply =
          raw().request("GET", Routes.absolute("get-session")).header("Accept", accept).send();
      assertTrue(reply.status() < 500, accept + ": " + reply);
      assertTrue(
          reply.header("content-type").orElse("").startsWith("application/json"),
          accept + ": " + reply);
    }
  }

  @Test
  void pathsOutsideTheApiAnswerJson404() {
    for (String path :
        List.of(
            "/",
            "/api",
            "/api/",
            "/favicon.ico",
            "/API/AUTH/ok",
            "/api/auth/..%2f..%2fWEB-INF/web.xml",
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/api/auth/../../WEB-INF/web.xml",
            "/api/auth/nothing",
            "/api/auth/ok/x",
            "/index.html",
            "/error")) {
      for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
        RawHttp.Request request = raw().request(method, path);
        if (method.equals("POST") || method.equals("PUT")) {
          request.json("{}");
        }
        RawHttp.Reply reply = request.send();
        assertTrue(
            reply.status() >= 400 && reply.status() < 500, method + " " + path + ": " + reply);
        assertTrue(
            reply.header("content-type").orElse("").startsWith("application/json"),
            method + " " + path + ": " + reply);
        assertFalse(reply.code().isEmpty());
      }
    }
  }

  /**
   * What Grizzly or the Coyote adapter answer before any application sees the request, pinned so
   * the README's production notes stay true (if Payara starts passing one on, this fails and the
   * WAR's JSON answer takes over).
   */
  @Test
  void whatOnlyTheServerAnswersIsWhatTheReadmeSays() {
    String path = Routes.absolute("get-session");
    assertServerOnly(raw().request("TRACE", path), 405);
    assertServerOnly(raw().request("GET", path).json("{\"a\":1}"), 400);
    assertServerOnly(raw().request("DELETE", path).json("{\"a\":1}"), 400);
    assertServerOnly(raw().request("HEAD", path).json("{\"a\":1}"), 400);
    assertServerOnly(raw().request("GET", path).header("Content-Length", "abc"), 400);
    assertServerOnly(raw().request("GET", path).bearer("a".repeat(10_000)), 400);
    assertServerOnly(
        raw()
            .request("GET", path)
            .rawHeader("Cookie: better-auth.session_token=\u00e9".getBytes(StandardCharsets.UTF_8)),
        400);
    assertServerOnly(
        raw()
            .request("GET", path)
            .rawHeader("User-Agent: a\u0000b".getBytes(StandardCharsets.ISO_8859_1)),
        400);
    RawHttp.Request manyHeaders = raw().request("GET", path);
    for (int i = 0; i < 99; i++) { // with Host and Connection: 101 lines
      manyHeaders.header("X-H" + i, "v");
    }
    assertServerOnly(manyHeaders, 400);
    assertServerOnly(raw().request("GET", Routes.absolute("ok%00")), 400);
    assertServerOnly(raw().request("GET", Routes.absolute("reset-password/%00")), 400);
    assertServerOnly(raw().request("GET", Routes.absolute("reset-password/%ED%A0%80")), 400);
    assertServerOnly(raw().request("GET", Routes.absolute("reset-password/%FF")), 400);
    assertServerOnly(raw().request("GET", Routes.absolute("ok%5C")), 400);
    assertServerOnly(raw().request("GET", path + "?" + "a".repeat(12_000)), 400);
  }

  private static void assertServerOnly(RawHttp.Request request, int status) {
    RawHttp.Reply reply = request.send();
    assertEquals(status, reply.status(), request.describe() + ": " + reply);
    assertEquals(0, reply.body().length, request.describe() + ": " + reply);
  }

  // --- 6. OPTIONS and WADL ----------------------------------------------------------------

  @Test
  void optionsListsTheMethodsOfAnyRouteAndNothingElse() {
    for (Routes.Route route : Routes.inWar()) {
      String path = Routes.absolute(route.concretePath());
      for (String accept :
          List.of("*/*", "application/vnd.sun.wadl+xml", "application/xml", "text/plain")) {
        RawHttp.Reply reply = raw().request("OPTIONS", path).header("Accept", accept).send();
        assertEquals(204, reply.status(), route + " " + accept + ": " + reply);
        assertTrue(reply.header("allow").orElse("").contains(route.method()), route + ": " + reply);
        assertEquals(0, reply.body().length, route + ": " + reply);
      }
    }
    for (String wadl :
        List.of("application.wadl", "application.wadl?detail=true", "application.wadl/xsd0.xsd")) {
      RawHttp.Reply reply = raw().request("GET", Routes.absolute(wadl)).send();
      assertEquals(404, reply.status(), wadl + ": " + reply);
      assertEquals("NOT_FOUND", reply.code());
    }
  }

  @Test
  void corsPreflightsFromATrustedOriginStillWork() {
    RawHttp.Reply reply =
        raw()
            .request("OPTIONS", Routes.absolute("sign-in/email"))
            .header("Origin", "https://app.example.com")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .send();
    assertEquals(204, reply.status(), reply.toString());
    assertEquals(
        "https://app.example.com", reply.header("access-control-allow-origin").orElseThrow());
    assertTrue(reply.header("access-control-allow-methods").orElseThrow().contains("POST"));
    RawHttp.Reply untrusted =
        raw()
            .request("OPTIONS", Routes.absolute("sign-in/email"))
            .header("Origin", "https://evil.example.net")
            .header("Access-Control-Request-Method", "POST")
            .send();
    assertTrue(untrusted.header("access-control-allow-origin").isEmpty(), untrusted.toString());
  }
}
