package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.platform.Metrics.SignInMethod;
import dev.betterauthjakarta.platform.Metrics.SignInResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters' names and labels as Prometheus sees them, without a server. */
class MetricsTest {
  private final Metrics metrics = new Metrics();

  @BeforeEach
  void register() {
    metrics.register();
  }

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void everySignInOutcomeIsExposedFromTheStartAndCountsOnce() {
    String before = metrics.scrape();
    for (SignInMethod m : SignInMethod.values()) {
      for (SignInResult r : SignInResult.values()) {
        String series =
            "better_auth_sign_ins_total{method=\""
                + m.tag()
                + "\",outcome=\""
                + r.tag()
                + "\"} 0.0";
        assertTrue(before.contains(series), series);
      }
    }
    metrics.signInRefused(SignInMethod.PASSWORD, ErrorCode.ACCOUNT_TEMPORARILY_LOCKED);
    metrics.signIn(SignInMethod.SOCIAL, SignInResult.SUCCESS);
    String after = metrics.scrape();
    assertTrue(
        after.contains(
            "better_auth_sign_ins_total{method=\"password\",outcome=\"locked_out\"} 1.0"),
        after);
    assertTrue(
        after.contains("better_auth_sign_ins_total{method=\"social\",outcome=\"success\"} 1.0"));
  }

  @Test
  void refusalsMapToTheirOutcome() {
    assertEquals(
        SignInResult.INVALID_CREDENTIALS, SignInResult.of(ErrorCode.INVALID_USERNAME_OR_PASSWORD));
    assertEquals(SignInResult.BANNED, SignInResult.of(ErrorCode.BANNED_USER));
    assertEquals(SignInResult.EMAIL_NOT_VERIFIED, SignInResult.of(ErrorCode.EMAIL_NOT_VERIFIED));
    assertEquals(SignInResult.PROVIDER_ERROR, SignInResult.of(ErrorCode.INVALID_TOKEN));
    assertEquals(SignInResult.FAILED, SignInResult.of(ErrorCode.CONFLICT));
  }

  @Test
  void theRouteRecorderTimesUnderTheTemplateAndCounts5xxByStatus() {
    var recorder = new RouteMetrics.Recorder(metrics, "GET", "/api/auth/reset-password/{token}");
    var request = FakeRequest.create();
    recorder.filter(request);
    recorder.filter(request, FakeRequest.response(503));
    recorder.filter(request, FakeRequest.response(503));
    recorder.filter(FakeRequest.create(), FakeRequest.response(200)); // never started: not timed
    String text = metrics.scrape();
    assertTrue(
        text.contains(
            "better_auth_http_requests_seconds_count{method=\"GET\","
                + "route=\"/api/auth/reset-password/{token}\",status=\"5xx\"} 2"),
        text);
    assertTrue(
        text.contains(
            "better_auth_http_server_errors_total{method=\"GET\","
                + "route=\"/api/auth/reset-password/{token}\",status=\"503\"} 2.0"));
    assertFalse(text.contains("status=\"2xx\""), "a request the filter never saw start");
  }

  @Test
  void theScraperMustPresentTheTokenExactly() {
    byte[] token = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    assertTrue(MetricsServlet.authorized("Bearer 0123456789abcdef", token));
    assertTrue(MetricsServlet.authorized("bearer 0123456789abcdef", token));
    assertFalse(MetricsServlet.authorized("Bearer 0123456789abcde", token));
    assertFalse(MetricsServlet.authorized("Bearer 0123456789abcdefg", token));
    assertFalse(MetricsServlet.authorized("0123456789abcdef", token));
    assertFalse(MetricsServlet.authorized(null, token));
  }
}
