package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error answers Better Auth 1.7.25 itself gives, tried against it (issue 6): this service
 * answers the same status, code and message.
 */
@ExtendWith(ArquillianExtension.class)
class BetterAuthErrorsIT {
  /** Every POST route, with the body each needs to get past authentication. */
  private static final List<String> POST_ROUTES =
      List.of(
          "sign-up/email",
          "sign-in/email",
          "sign-in/username",
          "is-username-available",
          "sign-out",
          "change-password",
          "request-password-reset",
          "reset-password",
          "verify-password",
          "set-password",
          "change-email",
          "send-verification-email",
          "update-user",
          "delete-user",
          "revoke-session",
          "revoke-sessions",
          "revoke-other-sessions",
          "unlink-account");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  @Test
  void aMalformedEmailAtSignUpIsAValidationErrorButAtSignInInvalidEmail() {
    Api.Reply signUp =
        api()
            .post("sign-up/email")
            .json("{\"name\":\"a\",\"email\":\"not-an-email\",\"password\":\"password123\"}")
            .send();
    assertEquals(400, signUp.status());
    assertEquals("VALIDATION_ERROR", signUp.code());
    assertEquals("[body.email] Invalid email address", signUp.json().getString("message"));

    Api.Reply signIn =
        api()
            .post("sign-in/email")
            .json("{\"email\":\"not-an-email\",\"password\":\"password123\"}")
            .send();
    assertEquals(400, signIn.status());
    assertEquals("INVALID_EMAIL", signIn.code());
  }

  @Test
  void malformedJsonOnEveryPostRouteIsBadRequestInvalidJson() {
    TestUser u = TestUser.signUp(api());
    for (String route : POST_ROUTES) {
      Api.Reply reply = api().post(route).bearer(u.token()).json("{\"name\":").send();
      assertEquals(400, reply.status(), route + " -> " + reply);
      assertEquals("BAD_REQUEST", reply.code(), route);
      assertEquals("Invalid JSON in request body", reply.json().getString("message"), route);
    }
    assertEquals(
        200, api().get("get-session").bearer(u.token()).send().status(), "nothing changed");
  }

  @Test
  void aJsonArrayOrOtherNonObjectBodyOnEveryPostRouteIsAValidationError() {
    TestUser u = TestUser.signUp(api());
    for (String body : List.of("[1,2]", "\"text\"", "42", "true", "null")) {
      for (String route : POST_ROUTES) {
        Api.Reply reply = api().post(route).bearer(u.token()).json(body).send();
        assertEquals(400, reply.status(), route + " " + body + " -> " + reply);
        assertEquals("VALIDATION_ERROR", reply.code(), route + " " + body);
      }
    }
  }

  @Test
  void anUnsupportedContentTypeIs415NamingTheTypeSent() {
    for (String type :
        List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
      Api.Reply reply = api().post("sign-in/email").body(type, "email=a").send();
      assertEquals(415, reply.status(), reply.toString());
      assertEquals("UNSUPPORTED_MEDIA_TYPE", reply.code());
      assertEquals(
          "Content-Type \"" + type + "\" is not allowed. Allowed types: application/json",
          reply.json().getString("message"));
    }
  }

  @Test
  void aTooLongPasswordAtSignInIsRefusedBeforeTheUserIsEvenLookedUp() {
    TestUser u = TestUser.signUp(api());
    for (String email : List.of(u.email(), TestUser.uniqueEmail())) {
      Api.Reply reply =
          api()
              .post("sign-in/email")
              .json(
                  Json.createObjectBuilder()
                      .add("email", email)
                      .add("password", "p".repeat(129))
                      .build())
              .send();
      assertEquals(400, reply.status(), reply.toString());
      assertEquals("PASSWORD_TOO_LONG", reply.code());
    }
    Api.Reply byUsername =
        api()
            .post("sign-in/username")
            .json("{\"username\":\"nobody_here\",\"password\":\"" + "p".repeat(129) + "\"}")
            .send();
    assertEquals("PASSWORD_TOO_LONG", byUsername.code());
    Api.Reply atLimit =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", "p".repeat(128))
                    .build())
            .send();
    assertEquals(401, atLimit.status(), "128 characters is allowed, and simply wrong");
  }

  @Test
  void postToGetSessionIs405DeferSessionRequired() {
    Api.Reply reply = api().post("get-session").json("{}").send();
    assertEquals(405, reply.status());
    assertEquals("METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED", reply.code());
    assertEquals(
        "POST method requires deferSessionRefresh to be enabled in session config",
        reply.json().getString("message"));
  }

  @Test
  void getSessionIsCacheControlNoStoreExactly() {
    TestUser u = TestUser.signUp(api());
    for (Api.Reply reply :
        List.of(
            api().get("get-session").bearer(u.token()).send(), api().get("get-session").send())) {
      assertEquals(List.of("no-store"), reply.headers("cache-control"));
    }
  }

  @Test
  void theSessionCookieHasNoVersionAndMaxAgeIsTheConfiguredLifetimeExactly() {
    TestUser u = TestUser.signUp(api());
    String cookie = sessionCookie(signIn(u.email(), true));
    assertFalse(cookie.contains("Version"), cookie);
    assertTrue(cookie.contains("; Max-Age=604800;"), cookie);
    assertEquals(
        "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
        sessionCookie(api().post("sign-out").bearer(u.token()).json("{}").send()));
  }

  @Test
  void rememberMeFalseSetsTheSignedDontRememberCookieWhichLaterCookiesHonour() {
    TestUser u = TestUser.signUp(api());
    Api.Reply reply = signIn(u.email(), false);
    String session = sessionCookie(reply);
    assertFalse(session.contains("Max-Age"), session);
    String mark = cookie(reply, "better-auth.dont_remember=");
    String expected =
        URLEncoder.encode(SignedTokens.sign(SessionIT.SECRET, "true"), StandardCharsets.UTF_8);
    assertEquals(
        "better-auth.dont_remember=" + expected + "; Path=/; HttpOnly; SameSite=Lax", mark);

    // A remembered session's cookie, re-issued to a browser that carries the mark (update-user
    // re-issues it, as a refresh does), becomes a browser-session cookie too.
    Api.Reply longSession = signIn(u.email(), true);
    String token = longSession.json().getString("token");
    Api.Reply updated =
        api()
            .post("update-user")
            .header("Cookie", sessionCookie(longSession).split(";")[0] + "; " + mark.split(";")[0])
            .header("Origin", BrowserIT.APP)
            .json("{\"name\":\"Still me\"}")
            .send();
    assertEquals(200, updated.status(), updated.toString());
    assertFalse(sessionCookie(updated).contains("Max-Age"), sessionCookie(updated));
    Api.Reply withoutMark =
        api().post("update-user").bearer(token).json("{\"name\":\"Me\"}").send();
    assertTrue(sessionCookie(withoutMark).contains("Max-Age=604800"), sessionCookie(withoutMark));
    assertTrue(
        cookie(api().post("sign-out").bearer(token).json("{}").send(), "better-auth.dont_remember=")
            .contains("Max-Age=0"),
        "sign-out clears the mark too");
  }

  @Test
  void relativeTargetsWithControlCharactersAreRefusedEverywhere() {
    TestUser u = TestUser.signUp(api());
    for (String target :
        List.of("/\t/evil.example", "/\n/evil.example", "/ok\r\nSet-Cookie: x=1", "/%09ok\u007f")) {
      String json = Json.createObjectBuilder().add("callbackURL", target).build().toString();
      Api.Reply signIn =
          api()
              .post("sign-in/email")
              .json(
                  Json.createObjectBuilder()
                      .add("email", u.email())
                      .add("password", u.password())
                      .add("callbackURL", target)
                      .build())
              .send();
      assertEquals(403, signIn.status(), target + " -> " + signIn);
      assertEquals("INVALID_CALLBACK_URL", signIn.code());
      Api.Reply reset =
          api()
              .post("request-password-reset")
              .json(
                  Json.createObjectBuilder()
                      .add("email", u.email())
                      .add("redirectTo", target)
                      .build())
              .send();
      assertEquals(403, reset.status());
      assertEquals("INVALID_REDIRECT_URL", reset.code());
      Api.Reply delete = api().post("delete-user").bearer(u.token()).json(json).send();
      assertEquals("INVALID_CALLBACK_URL", delete.code());
    }
  }

  @Test
  void aRelativeRedirectIsResolvedAgainstTheConfiguredUrlNeverTheHostHeader() throws IOException {
    String token = "unknownToken0123456789";
    String response =
        rawGet(
            "/api/auth/verify-email?token=" + token + "&callbackURL=%2Fwelcome%3Fa%3D%7Bx%7D",
            "evil.example");
    assertTrue(response.startsWith("HTTP/1.1 302"), response);
    assertTrue(
        response
            .toLowerCase(java.util.Locale.ROOT)
            .contains("\nlocation: http://localhost:8080/welcome?a=%7bx%7d&error=invalid_token\r"),
        response);
  }

  private Api.Reply signIn(String email, boolean rememberMe) {
    return api()
        .post("sign-in/email")
        .json(
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", TestUser.PASSWORD)
                .add("rememberMe", rememberMe)
                .build())
        .send();
  }

  private static String sessionCookie(Api.Reply reply) {
    return cookie(reply, "better-auth.session_token=");
  }

  private static String cookie(Api.Reply reply, String prefix) {
    return reply.headers("set-cookie").stream()
        .filter(c -> c.startsWith(prefix))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + prefix + " in " + reply.response().headers().map()));
  }

  /** A GET with a Host header of our choosing, which java.net.http does not allow to set. */
  private String rawGet(String pathAndQuery, String host) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
