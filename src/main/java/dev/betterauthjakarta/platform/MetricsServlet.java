package dev.betterauthjakarta.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code GET /internal/metrics}: every meter of {@link Metrics} in the Prometheus text exposition
 * format (version 0.0.4), for a scraper that sends {@code Authorization: Bearer
 * <better.auth.metrics.token>}. Without the setting it is a path that does not exist (404); a
 * missing or wrong token is 401 with {@code WWW-Authenticate: Bearer}, compared in constant time.
 *
 * <p>Served by the WAR (not the server's own {@code /metrics}, which Payara Micro fills with JVM
 * numbers only and WildFly's {@code standalone.xml} does not serve), so it is the same on every
 * server, and outside {@code /api/auth}, so a proxy that forwards only the API never exposes it.
 */
@WebServlet(MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {
  /** The context-relative path. */
  public static final String PATH = "/internal/metrics";

  /** Prometheus' text format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Metrics metrics;
  @Inject MetricsSettings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<byte[]> token = settings.token();
    if (token.isEmpty()) {
      ErrorPageServlet.write(response, 404, ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message());
      return;
    }
    if (!authorized(request.getHeader("Authorization"), token.get())) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorPageServlet.write(
          response, 401, ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED.message());
      return;
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType(CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, jakarta.servlet.ServletException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      ErrorPageServlet.write(
          response, 405, ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED.message());
      return;
    }
    super.service(request, response);
  }

  /** Whether the header is {@code Bearer <token>}; digests first, so the length leaks nothing. */
  static boolean authorized(String header, byte[] token) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sha256(presented), sha256(token));
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
