package dev.betterauthjakarta.it;

import static dev.betterauthjakarta.it.SocialSignInIT.APP;
import static dev.betterauthjakarta.it.SocialSignInIT.SERVICE_ERROR;
import static dev.betterauthjakarta.it.SocialSignInIT.error;
import static dev.betterauthjakarta.it.SocialSignInIT.location;
import static dev.betterauthjakarta.it.SocialSignInIT.signInBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
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
 * Hostile requests aimed at the identity-provider routes specifically (GeneratedAttackIT and
 * HostileInputIT cover them generically): wrong shapes in the nested and array fields, values that
 * would end up in the provider's URL or in a redirect, oversized callback parameters, odd content
 * types on the posted callback. Each answer is a 4xx with a JSON code, or a redirect to an error.
 */
@ExtendWith(ArquillianExtension.class)
class SocialAttackIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private void assertRefused(String path, String json, String token, int status, String code) {
    Api.Call call = api().post(path).json(json);
    if (token != null) {
      call.bearer(token);
    }
    Api.Reply reply = call.send();
    assertEquals(status, reply.status(), path + " " + json + ": " + reply);
    assertTrue(reply.json().get("code") instanceof JsonString, reply.toString());
    assertEquals(code, reply.code(), path + " " + json + ": " + reply);
  }

  @Test
  void wrongShapesInTheStartBodiesAreValidationErrors() {
    TestUser u = TestUser.signUp(api());
    for (String path : List.of("sign-in/social", "link-social")) {
      for (String body :
          List.of(
              "{\"provider\":5}",
              "{\"provider\":\"mock\",\"scopes\":\"openid\"}",
              "{\"provider\":\"mock\",\"scopes\":[1]}",
              "{\"provider\":\"mock\",\"scopes\":[\"a b\"]}",
              "{\"provider\":\"mock\",\"scopes\":[\"\\\"quoted\\\"\"]}",
              "{\"provider\":\"mock\",\"scopes\":[" + "\"s\",".repeat(60) + "\"s\"]}",
              "{\"provider\":\"mock\",\"additionalParams\":{\"state\":\"mine\"}}",
              "{\"provider\":\"mock\",\"additionalParams\":{\"redirect_uri\":\"https://evil\"}}",
              "{\"provider\":\"mock\",\"additionalParams\":{\"a\":1}}",
              "{\"provider\":\"mock\",\"additionalParams\":{\"a b\":\"x\"}}",
              "{\"provider\":\"mock\",\"idToken\":\"eyJ\"}",
              "{\"provider\":\"mock\",\"idToken\":{}}",
              "{\"provider\":\"mock\",\"idToken\":{\"token\":5}}",
              "{\"provider\":\"mock\",\"idToken\":{\"token\":\"x\",\"expiresAt\":\"soon\"}}",
              "{\"provider\":\"mock\",\"idToken\":{\"token\":\"x\",\"user\":[]}}",
              "{\"provider\":\"mock\",\"idToken\":{\"token\":\"" + "x".repeat(16_385) + "\"}}",
              "{\"provider\":\"mock\",\"codeExchange\":\"yes\"}",
              "{\"provider\":\"mock\",\"loginHint\":\"" + "x".repeat(1025) + "\"}",
              "{\"provider\":\"" + "p".repeat(65) + "\"}")) {
        assertRefused(path, body, u.token(), 400, "VALIDATION_ERROR");
      }
    }
  }

  @Test
  void providerIdsThatAreNotConfiguredAreNotFoundWhateverTheyLookLike() {
    for (String provider : List.of("../mock", "MOCK", "mock ", "credential", "", "mock/x")) {
      assertRefused(
          "sign-in/social", "{\"provider\":\"" + provider + "\"}", null, 404, "PROVIDER_NOT_FOUND");
    }
  }

  @Test
  void aLoginHintWithControlCharactersStaysInsideItsParameter() {
    Api.Reply started =
        api()
            .post("sign-in/social")
            .json("{\"provider\":\"mock\",\"loginHint\":\"a@b.c\\r\\nLocation: https://evil\"}")
            .send();
    assertEquals(200, started.status(), started.toString());
    String url = started.json().getString("url");
    assertFalse(url.contains("\r") || url.contains("\n") || url.contains(" "), url);
    assertTrue(url.contains("login_hint=a%40b.c%0D%0ALocation"), url);
  }

  @Test
  void tokenRouteSelectorsWithWrongShapesAreRefused() {
    TestUser u = TestUser.signUp(api());
    for (String path : List.of("get-access-token", "refresh-token")) {
      assertRefused(path, "{}", u.token(), 400, "VALIDATION_ERROR");
      assertRefused(path, "{\"accountId\":5}", u.token(), 400, "VALIDATION_ERROR");
      assertRefused(
          path,
          "{\"accountId\":\"x\",\"useAccountCookie\":\"yes\"}",
          u.token(),
          400,
          "VALIDATION_ERROR");
      assertRefused(path, "{\"useAccountCookie\":true}", u.token(), 400, "VALIDATION_ERROR");
      assertRefused(path, "{\"accountId\":\"nope\"}", u.token(), 400, "ACCOUNT_NOT_FOUND");
      assertRefused(
          path, "{\"accountId\":\"" + "x".repeat(1025) + "\"}", u.token(), 400, "VALIDATION_ERROR");
      assertRefused(path, "{\"accountId\":\"nope\"}", null, 401, "UNAUTHORIZED");
    }
    String own = Db.string("select id from \"account\" where \"userId\" = ?", u.id());
    assertRefused(
        "get-access-token",
        "{\"accountId\":\"" + own + "\"}",
        u.token(),
        400,
        "PROVIDER_NOT_SUPPORTED");
    Api.Reply info =
        api().get("account-info?accountId=" + "x".repeat(3000)).bearer(u.token()).send();
    assertEquals(400, info.status(), info.toString());
    Api.Reply credential = api().get("account-info?accountId=" + own).bearer(u.token()).send();
    assertEquals(400, credential.status());
    assertEquals("PROVIDER_NOT_CONFIGURED", credential.code());
  }

  @Test
  void exchangeBodiesWithWrongShapesAreRefused() {
    assertRefused("sign-in/social/exchange", "{}", null, 400, "VALIDATION_ERROR");
    assertRefused(
        "sign-in/social/exchange",
        "{\"exchangeCode\":1,\"exchangeSecret\":[]}",
        null,
        400,
        "VALIDATION_ERROR");
    assertRefused(
        "sign-in/social/exchange",
        "{\"exchangeCode\":\"" + "c".repeat(257) + "\",\"exchangeSecret\":\"s\"}",
        null,
        400,
        "VALIDATION_ERROR");
    assertRefused(
        "sign-in/social/exchange",
        "{\"exchangeCode\":\"guess\",\"exchangeSecret\":\"guess\"}",
        null,
        401,
        "INVALID_EXCHANGE_CODE");
  }

  @Test
  void oversizedOrOddCallbackParametersLandOnTheErrorPage() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String big = "c".repeat(5000);
    assertEquals(
        "invalid_callback_request",
        error(browser.get("callback/mock?code=" + big + "&state=" + at.state()), SERVICE_ERROR));
    // The flow was not used up by the refused request: its own callback still finishes.
    IdentityProviderServer.script(
        at.code(), IdentityProviderServer.user(SocialSignInIT.sub(), TestUser.uniqueEmail(), true));
    assertEquals(APP + "/new", location(browser.get(at.servicePath())));

    Api.Reply weird =
        api()
            .get(
                "callback/mock?state=abc&error="
                    + URLEncoder.encode("<script>\r\nx", StandardCharsets.UTF_8))
            .send();
    assertEquals("state_mismatch", error(weird, SERVICE_ERROR));
    Api.Reply unknownProvider = api().get("callback/nobody?code=x&state=abc").send();
    assertEquals("state_mismatch", error(unknownProvider, SERVICE_ERROR));
    Api.Reply nul = api().get("callback/mock?code=%00&state=abc").send();
    assertEquals(400, nul.status(), nul.toString());
    assertEquals("VALIDATION_ERROR", nul.code());
  }

  @Test
  void aForeignIssuerInTheCallbackIsRefused() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String path =
        at.servicePath()
            + "&iss="
            + URLEncoder.encode(IdentityProviderServer.issuer("untrusted"), StandardCharsets.UTF_8);
    assertEquals("issuer_mismatch", error(browser.get(path), APP + "/oops"));
  }

  @Test
  void thePostedCallbackTakesOnlyAFormOrJson() {
    for (String[] body :
        new String[][] {
          {"application/x-www-form-urlencoded", "code=%zz&state=s"},
          {"application/x-www-form-urlencoded", "code=a%00b&state=s"},
          {"application/x-www-form-urlencoded", "c\u00f6de=x"},
          {"application/x-www-form-urlencoded", "=x"},
        }) {
      Api.Reply reply = api().post("callback/mock").body(body[0], body[1]).send();
      assertEquals(400, reply.status(), body[1] + ": " + reply);
      assertEquals("BAD_REQUEST", reply.code());
    }
    Api.Reply text = api().post("callback/mock").body("text/plain", "code=x").send();
    assertEquals(415, text.status(), text.toString());
    Api.Reply jsonTypes = api().post("callback/mock").json("{\"code\":5}").send();
    assertEquals(400, jsonTypes.status());
    assertEquals("VALIDATION_ERROR", jsonTypes.code());
    // An empty body reads as {} on every POST route (EmptyBodyFilter): no form either.
    Api.Reply empty =
        api().post("callback/mock").body("application/x-www-form-urlencoded", "").send();
    assertEquals(400, empty.status(), empty.toString());
  }

  /** A provider that cannot be reached is a JSON error or an error redirect, never a 500. */
  @Test
  void aProviderThatIsDownIsAJsonErrorOrAnErrorRedirect() {
    assertRefused(
        "sign-in/social", "{\"provider\":\"offline\"}", null, 502, "PROVIDER_UNAVAILABLE");
    String token =
        IdentityProviderServer.idToken(
            "offline",
            "offline-client",
            IdentityProviderServer.user(SocialSignInIT.sub(), TestUser.uniqueEmail(), true),
            java.time.Duration.ofMinutes(5));
    assertRefused(
        "sign-in/social",
        "{\"provider\":\"offline\",\"idToken\":{\"token\":\"" + token + "\"}}",
        null,
        502,
        "PROVIDER_UNAVAILABLE");
    // Discovery works, the token endpoint is down: the callback lands on the error URL.
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("flaky"), null)));
    assertEquals("provider_unavailable", error(browser.get(at.servicePath()), APP + "/oops"));
  }
}
