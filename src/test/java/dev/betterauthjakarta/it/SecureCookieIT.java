package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #10: with an https base URL only the {@code __Secure-} cookie counts. A sibling subdomain
 * can set the unprefixed name on the victim's browser; accepting it would sign the victim into the
 * attacker's account.
 */
@ExtendWith(ArquillianExtension.class)
class SecureCookieIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.variant(); // better.auth.url=https://localhost:8080
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  @Test
  void onHttpsOnlyTheSecurePrefixedCookieIsASession() {
    TestUser u = TestUser.signUpVerified(api());
    Api.Reply signIn =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", u.password())
                    .build())
            .send();
    String cookie =
        signIn.headers("set-cookie").stream()
            .filter(c -> c.startsWith("__Secure-better-auth.session_token="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(signIn.headers("set-cookie").toString()));
    assertTrue(cookie.contains("; Secure"), cookie);
    String value = cookie.split(";")[0].substring("__Secure-better-auth.session_token=".length());
    String planted =
        URLEncoder.encode(
            SignedTokens.sign(SessionIT.SECRET, signIn.json().getString("token")),
            StandardCharsets.UTF_8);
    assertEquals(value, planted);

    Api.Reply secure =
        api()
            .get("get-session")
            .header("Cookie", "__Secure-better-auth.session_token=" + value)
            .send();
    assertEquals(u.id(), secure.json().getJsonObject("user").getString("id"));
    Api.Reply unprefixed =
        api().get("get-session").header("Cookie", "better-auth.session_token=" + planted).send();
    assertEquals(JsonValue.NULL, unprefixed.value(), "the unprefixed name is no session here");
  }
}
