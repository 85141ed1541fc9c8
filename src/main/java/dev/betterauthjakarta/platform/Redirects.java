package dev.betterauthjakarta.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a browser is sent after a mailed link: a target that {@link TrustedOrigins#isTrustedUrl}
 * accepted, made absolute against the configured base URL. A relative target is never resolved
 * against the request's Host header (an attacker controls that), and the target is never read as a
 * URI template, so {@code {x}} in it is only text.
 */
public final class Redirects {
  private Redirects() {}

  /**
   * The absolute redirect URI for a trusted {@code target}.
   *
   * @param baseUrl the service's public base URL ({@link ServiceSettings#baseUrl()})
   * @param target an absolute URL or a path beginning with one {@code /}, already trusted
   * @throws IllegalArgumentException if the target is not a valid URI reference (trusted targets
   *     always are)
   */
  public static URI location(String baseUrl, String target) {
    URI uri =
        TrustedOrigins.toUri(target)
            .orElseThrow(() -> new IllegalArgumentException("Not a URI reference"));
    return target.startsWith("/") ? URI.create(baseUrl + uri.toString()) : uri;
  }

  /** {@code target} with {@code name=value} added to its query, before any fragment. */
  public static String withQueryParameter(String target, String name, String value) {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? "" : target.substring(hash);
    return path
        + (path.contains("?") ? "&" : "?")
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8)
        + fragment;
  }
}
