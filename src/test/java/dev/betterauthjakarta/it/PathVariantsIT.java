package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #10: every spelling of a path that reaches an origin-checked route gets the check (the
 * check follows the matched resource method, not the raw path), and a body without a content type
 * is never read as JSON.
 */
@ExtendWith(ArquillianExtension.class)
class PathVariantsIT {
  private static final String EVIL = "https://evil.example";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static List<String> spellings(String first, String second) {
    return List.of(
        first + "/" + second,
        first + ";x/" + second,
        first + "/" + second + ";x",
        first + ";jsessionid=1/" + second,
        first + "/" + second + "/",
        first + "/%" + Integer.toHexString(second.charAt(0)) + second.substring(1),
        first.toUpperCase() + "/" + second);
  }

  /** A browser request from an untrusted origin reaches no credential route, however spelled. */
  @Test
  void signInAndSignUpCheckTheOriginUnderEverySpellingThatReachesThem() {
    TestUser u = TestUser.signUp(api());
    JsonObject signIn =
        Json.createObjectBuilder().add("email", u.email()).add("password", u.password()).build();
    JsonObject signUp =
        Json.createObjectBuilder()
            .add("email", TestUser.uniqueEmail())
            .add("password", TestUser.PASSWORD)
            .add("name", "x")
            .build();
    JsonObject byUsername =
        Json.createObjectBuilder().add("username", "nobody_x").add("password", "p").build();
    record Route(String first, String second, JsonObject body) {}
    for (Route route :
        List.of(
            new Route("sign-in", "email", signIn),
            new Route("sign-up", "email", signUp),
            new Route("sign-in", "username", byUsername))) {
      for (String path : spellings(route.first(), route.second())) {
        Api.Reply reply = api().post(path).header("Origin", EVIL).json(route.body()).send();
        assertTrue(
            reply.status() == 403 || reply.status() == 404 || reply.status() == 400,
            path + " -> " + reply);
        if (reply.status() == 403) {
          assertEquals("INVALID_ORIGIN", reply.code(), path);
        }
        assertTrue(reply.header("set-auth-token").isEmpty(), path + " opened a session");
      }
    }
    assertEquals(
        0,
        Db.count("select count(*) from \"user\" where \"email\" = ?", signUp.getString("email")));
  }

  /** A cookie-bearing change from an untrusted origin is refused under every spelling. */
  @Test
  void cookieRequestsCheckTheOriginUnderEverySpelling() {
    TestUser u = TestUser.signUp(api());
    String cookie =
        "better-auth.session_token="
            + java.net.URLEncoder.encode(
                dev.betterauthjakarta.session.SignedTokens.sign(SessionIT.SECRET, u.token()),
                java.nio.charset.StandardCharsets.UTF_8);
    for (String path : List.of("update-user", "update-user;x", "update-user/", "%75pdate-user")) {
      Api.Reply reply =
          api()
              .post(path)
              .header("Cookie", cookie)
              .header("Origin", EVIL)
              .json("{\"name\":\"Hijacked\"}")
              .send();
      assertTrue(reply.status() == 403 || reply.status() == 404, path + " -> " + reply);
    }
    assertEquals("Test User", Db.string("select \"name\" from \"user\" where \"id\" = ?", u.id()));
  }

  @Test
  void aBodyWithoutAContentTypeIsNotReadAsJson() {
    TestUser u = TestUser.signUp(api());
    for (String route : List.of("sign-in/email", "update-user", "change-email")) {
      Api.Reply reply =
          api()
              .post(route)
              .bearer(u.token())
              .body(null, "{\"email\":\"" + u.email() + "\",\"password\":\"" + u.password() + "\"}")
              .send();
      assertEquals(415, reply.status(), route + " -> " + reply);
      assertEquals("UNSUPPORTED_MEDIA_TYPE", reply.code());
    }
    assertEquals(200, api().post("sign-out").bearer(u.token()).send().status(), "no body is fine");
  }
}
