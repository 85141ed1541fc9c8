package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
 * Taking over a database a real Better Auth 1.7.25 server wrote (shared/fixtures): the service
 * started on it (its own execution in the pom: fixture loaded first, that server's secret, Better
 * Auth's password format kept because a Better Auth server may still share the data).
 */
@ExtendWith(ArquillianExtension.class)
class AdoptionIT {
  static final String ADA = "H9z6G8OkSwgPnTCk4KASL12MeLnndHFT";
  static final String GRACE = "MLuOvUpgScLZlhRLo9i7ymNH8rgNVNYB";
  static final String ADA_SESSION = "iLxgG7szuD1SItsdBhvrsam5zqnrNMmB";
  static final String GRACE_SESSIONS[] = {
    "BunW7zyPOjSoz93Hx0mZ242oNE4ZosIJ", "KhyFc6ujGC8OKvKpNCmrLdNtxpF0Owsk"
  };
  static final byte[] FIXTURE_SECRET =
      "peer-conformance-secret-do-not-use-in-production-0123456789abcdef"
          .getBytes(StandardCharsets.UTF_8);
  static final String SCRYPT = "^[0-9a-f]{32}:[0-9a-f]{128}$";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private Api.Reply signIn(String email, String password) {
    return api()
        .post("sign-in/email")
        .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
        .send();
  }

  @Test
  void nothingTheBetterAuthServerWroteWasLost() {
    assertEquals(2, Db.count("select count(*) from \"user\" where \"id\" in (?, ?)", ADA, GRACE));
    assertEquals(
        "Ada Lovelace|ada@example.com|ada_l|Ada_L|user|false|2026-11-28 08:26:55.265+00",
        Db.string(
            "select concat_ws('|', \"name\", \"email\", \"username\", \"displayUsername\","
                + " \"role\", \"banned\"::text, \"createdAt\"::text) from \"user\" where \"id\" ="
                + " ?",
            ADA));
    assertEquals(
        "{}|false",
        Db.string(
            "select concat_ws('|', \"metadata\"::text, \"twoFactorEnabled\"::text) from \"user\""
                + " where \"id\" = ?",
            GRACE),
        "the seed's columns were added");
    assertTrue(
        Db.count(
                "select count(*) from \"account\" where \"id\" in"
                    + " ('YQ7SDlR4DFTOcULDhB0Ap2JlDr5yoYll', 'WBORj1oihNVe1zSVA6ac6QxXN11e0m7a')")
            == 2);
    assertTrue(
        Db.count(
                "select count(*) from \"session\" where \"id\" in"
                    + " ('jnOG8A08sSxkSmSd4BRTFqCfi4kMzOVq', 'omXmDXAdFEOW5LAqeLgnlRqi4dGoCyQj',"
                    + " 'yjQVL0dL8VUFW92mwv3ZOHCDZf8cDpVu')")
            == 3);
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"session\" where \"token\" in (?, ?, ?)",
            ADA_SESSION,
            GRACE_SESSIONS[0],
            GRACE_SESSIONS[1]),
        "raw tokens were hashed in place");
    assertEquals(
        1,
        Db.count("select count(*) from \"session\" where \"token\" = ?", Tokens.hash(ADA_SESSION)));
  }

  @Test
  void bothFixtureUsersSignInWithTheirPasswordsAndTheHashStaysInBetterAuthsFormat() {
    Api.Reply ada = signIn("ada@example.com", "correct horse battery staple");
    assertEquals(200, ada.status(), ada.toString());
    assertEquals(ADA, ada.json().getJsonObject("user").getString("id"));
    Api.Reply grace = signIn("GRACE@example.com", "Pässwörd-ﬁ 123");
    assertEquals(200, grace.status(), grace.toString());
    assertEquals(GRACE, grace.json().getJsonObject("user").getString("id"));
    Api.Reply byUsername =
        api()
            .post("sign-in/username")
            .json("{\"username\":\"Ada_L\",\"password\":\"correct horse battery staple\"}")
            .send();
    assertEquals(200, byUsername.status());
    assertEquals(401, signIn("ada@example.com", "wrong horse").status());
    for (String id : List.of(ADA, GRACE)) {
      assertTrue(
          Db.string("select \"password\" from \"account\" where \"userId\" = ?", id)
              .matches(SCRYPT),
          "a Better Auth server can still read it");
    }
  }

  @Test
  void newPasswordsAreWrittenInBetterAuthsFormatToo() {
    TestUser u = TestUser.signUp(api());
    assertTrue(
        Db.string("select \"password\" from \"account\" where \"userId\" = ?", u.id())
            .matches(SCRYPT));
    assertEquals(200, signIn(u.email(), u.password()).status());
  }

  @Test
  void liveFixtureSessionsWorkAsBearerTokensRawOrSignedWithThatServersSecret() {
    String signed = SignedTokens.sign(FIXTURE_SECRET, ADA_SESSION);
    for (String credential :
        List.of(ADA_SESSION, signed, URLEncoder.encode(signed, StandardCharsets.UTF_8))) {
      Api.Reply reply = api().get("get-session").bearer(credential).send();
      assertEquals(200, reply.status());
      JsonObject json = reply.json();
      assertEquals(
          "jnOG8A08sSxkSmSd4BRTFqCfi4kMzOVq", json.getJsonObject("session").getString("id"));
      assertEquals(ADA, json.getJsonObject("user").getString("id"));
      assertEquals("ada_l", json.getJsonObject("user").getString("username"));
    }
    for (String token : GRACE_SESSIONS) {
      assertEquals(
          GRACE,
          api()
              .get("get-session")
              .bearer(token)
              .send()
              .json()
              .getJsonObject("user")
              .getString("id"));
    }
  }

  @Test
  void listAccountsShowsTheFixtureUsersCredentialAccounts() {
    JsonArray accounts =
        api().get("list-accounts").bearer(GRACE_SESSIONS[0]).send().json().getJsonArray("accounts");
    assertEquals(1, accounts.size());
    JsonObject credential = accounts.getJsonObject(0);
    assertEquals("WBORj1oihNVe1zSVA6ac6QxXN11e0m7a", credential.getString("id"));
    assertEquals("credential", credential.getString("providerId"));
    assertEquals(GRACE, credential.getString("accountId"));
    assertEquals("2026-11-28T08:26:55.580Z", credential.getString("createdAt"));
    assertFalse(accounts.toString().contains(":" + "aaea6045"), "no password hash on the wire");
  }

  /**
   * Provider tokens as Better Auth left them (its bare-hex XChaCha20-Poly1305 under the secret, and
   * a $ba$ envelope under a rotated secret; vectors made by its own symmetricEncrypt) are read, and
   * sealed in this service's format when the row is next written.
   */
  @Test
  void providerTokensBetterAuthEncryptedAreReadAndSealedAgainOnTheNextWrite() throws Exception {
    JsonObject vectors;
    try (var in =
        AdoptionIT.class.getResourceAsStream(
            "/fixtures/better-auth-1.7.25/encrypted-tokens.json")) {
      vectors = Json.createReader(in).readObject();
    }
    TestUser u = TestUser.signUp(api());
    String sub = "adopted-" + u.id();
    Api.Reply linked = linkWithIdToken(u, sub);
    assertEquals(200, linked.status(), linked.toString());
    String row =
        Db.string(
            "select id from \"account\" where \"providerId\" = 'mock' and \"accountId\" = ?", sub);
    Db.update(
        "update \"account\" set \"accessToken\" = ?, \"refreshToken\" = ?,"
            + " \"accessTokenExpiresAt\" = now() + interval '1 hour' where id = ?",
        vectors.getJsonObject("bareHex").getString("stored"),
        vectors.getJsonObject("envelope").getString("stored"),
        row);
    Api.Reply read =
        api()
            .post("get-access-token")
            .bearer(u.token())
            .json("{\"accountId\":\"" + row + "\"}")
            .send();
    assertEquals(200, read.status(), read.toString());
    assertEquals(
        vectors.getJsonObject("bareHex").getString("plaintext"),
        read.json().getString("accessToken"));

    // The next write (the identity's id token again) seals every column in this service's format.
    assertEquals(200, linkWithIdToken(u, sub).status());
    for (String column : List.of("accessToken", "refreshToken", "idToken")) {
      String stored = Db.string("select \"" + column + "\" from \"account\" where id = ?", row);
      assertTrue(stored.startsWith("$bj1$"), column + ": " + stored);
    }
    Api.Reply again =
        api()
            .post("get-access-token")
            .bearer(u.token())
            .json("{\"accountId\":\"" + row + "\"}")
            .send();
    assertEquals(
        vectors.getJsonObject("bareHex").getString("plaintext"),
        again.json().getString("accessToken"));
  }

  private Api.Reply linkWithIdToken(TestUser u, String sub) {
    String token =
        IdentityProviderServer.idToken(
            "mock",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user(sub, u.email(), true),
            java.time.Duration.ofMinutes(5));
    return api()
        .post("link-social")
        .bearer(u.token())
        .json(
            Json.createObjectBuilder()
                .add("provider", "mock")
                .add("idToken", Json.createObjectBuilder().add("token", token))
                .build())
        .send();
  }
}
