package dev.betterauthjakarta.platform;

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
}
