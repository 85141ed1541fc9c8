package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Administrators for the integration tests, and the calls they make. */
public final class Admins {
  private Admins() {}

  /**
   * A new user made administrator with SQL (tests set up states, the admin routes themselves are
   * what they test); the session filter reads the role on every request, so the token works as an
   * administrator's at once.
   */
  public static TestUser create(Api api) {
    TestUser u = TestUser.signUp(api);
    Db.update("update \"user\" set \"role\" = 'admin' where \"id\" = ?", u.id());
    return u;
  }

  /** {@code {"userId": id}}. */
  public static JsonObject userId(String id) {
    return Json.createObjectBuilder().add("userId", id).build();
  }

  public static JsonObjectBuilder body() {
    return Json.createObjectBuilder();
  }

  /** POSTs {@code body} to {@code /admin/<route>} with the token. */
  public static Api.Reply post(Api api, String token, String route, JsonObject body) {
    return api.post("admin/" + route).bearer(token).json(body).send();
  }

  /** Asserts status and code. */
  public static void assertError(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(code, reply.code(), reply.toString());
  }

  /** The role stored for a user. */
  public static String role(String userId) {
    return Db.string("select \"role\" from \"user\" where \"id\" = ?", userId);
  }
}
