package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedOriginsTest {
  private final TrustedOrigins origins =
      TrustedOrigins.of(
          "http://localhost:8080", List.of("https://app.example.com", " https://*.tenant.io ", ""));

  @Test
  void relativePathsAndTheBaseOriginAreTrusted() {
    assertTrue(origins.isTrustedUrl("/dashboard?x=1"));
    assertTrue(origins.isTrustedUrl("http://localhost:8080/welcome"));
    assertTrue(origins.isTrustedUrl("https://app.example.com/after-change"));
    assertTrue(origins.isTrustedUrl("https://APP.example.com:443/x"));
  }

  @Test
  void wildcardsMatchSubdomainsOnly() {
    assertTrue(origins.isTrustedUrl("https://acme.tenant.io/x"));
    assertFalse(origins.isTrustedUrl("https://tenant.io/x"));
    assertFalse(origins.isTrustedUrl("http://acme.tenant.io/x"), "scheme is part of the origin");
    assertFalse(origins.isTrustedUrl("https://eviltenant.io/x"));
  }

  @Test
  void everythingElseIsNot() {
    assertFalse(origins.isTrustedUrl("https://evil.example/x"));
    assertFalse(origins.isTrustedUrl("//evil.example/x"), "protocol-relative");
    assertFalse(origins.isTrustedUrl("/\\evil.example"));
    assertFalse(origins.isTrustedUrl("javascript:alert(1)"));
    assertFalse(origins.isTrustedUrl("http://localhost:9999/"));
    assertFalse(origins.isTrustedUrl("https://app.example.com.evil.example/"));
    assertFalse(origins.isTrustedUrl("not a url"));
  }

  @Test
  void controlCharactersAreRefusedBecauseBrowsersDropThem() {
    for (String target :
        List.of(
            "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ok\u0000", "/a\u007f")) {
      assertFalse(origins.isTrustedUrl(target), target);
    }
    assertFalse(origins.isTrustedUrl("https://app.example.com/\tx"));
    assertFalse(origins.isTrustedUrl(""));
  }

  @Test
  void charactersAUriCannotHoldAreEncodedSoTheTargetStillRedirects() {
    assertTrue(origins.isTrustedUrl("/welcome?a={x}"));
    assertTrue(origins.isTrustedUrl("https://app.example.com/p?q=a b|c"));
    assertEquals(
        "http://localhost:8080/welcome?a=%7Bx%7D&b=%C3%A9",
        Redirects.location("http://localhost:8080", "/welcome?a={x}&b=é").toString());
    assertEquals(
        "https://app.example.com/p?q=a%20b",
        Redirects.location("http://localhost:8080", "https://app.example.com/p?q=a b").toString());
  }

  @Test
  void aQueryParameterGoesBeforeTheFragment() {
    assertEquals(
        "/done?error=INVALID_TOKEN#top",
        Redirects.withQueryParameter("/done#top", "error", "INVALID_TOKEN"));
    assertEquals(
        "/done?x=1&token=a%2Bb", Redirects.withQueryParameter("/done?x=1", "token", "a+b"));
  }

  @Test
  void userinfoBeforeATrustedHostIsRefused() {
    assertFalse(origins.isTrustedUrl("https://evil.example\\@app.example.com/x"));
    assertFalse(origins.isTrustedUrl("https://evil.example%5C@app.example.com/x"));
    assertFalse(origins.isTrustedUrl("https://user:pass@app.example.com/x"));
    assertFalse(origins.isTrustedUrl("https://@app.example.com/x"));
  }
}
