package dev.betterauthjakarta.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a {@code callbackURL} may point at: relative paths on this service, or absolute URLs
 * whose origin is the base URL's or a configured trusted origin ({@code https://*.example.com}
 * matches any subdomain). Anything else would let a mailed link redirect to an attacker's site.
 */
public final class TrustedOrigins {
  /** RFC 3986's unreserved and reserved characters, and '%' of existing escapes. */
  private static final String URI_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final List<String> exact;
  private final List<String> wildcardSuffixes;

  private TrustedOrigins(List<String> exact, List<String> wildcardSuffixes) {
    this.exact = exact;
    this.wildcardSuffixes = wildcardSuffixes;
  }

  public static TrustedOrigins of(String baseUrl, List<String> configured) {
    List<String> exact = new ArrayList<>();
    List<String> wildcards = new ArrayList<>();
    originOf(baseUrl).ifPresent(exact::add);
    for (String entry : configured) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      int star = e.indexOf("://*.");
      if (star > 0) {
        // "https://*.example.com" -> scheme "https://", suffix ".example.com"
        wildcards.add(e.substring(0, star + 3) + "\n" + e.substring(star + 4));
      } else {
        originOf(e).ifPresent(exact::add);
      }
    }
    return new TrustedOrigins(List.copyOf(exact), List.copyOf(wildcards));
  }

  /**
   * Whether a browser may be sent to {@code url}: a path on this service, or an absolute http(s)
   * URL on a trusted origin. Control characters are refused anywhere (a browser drops a tab or
   * newline, turning {@code /<tab>/evil.example} into {@code //evil.example}), and so is userinfo
   * before the host; characters a URI cannot hold (such as {@code {}}) are percent-encoded first,
   * so every accepted value can be redirected to ({@link Redirects}).
   */
  public boolean isTrustedUrl(String url) {
    Optional<URI> uri = toUri(url);
    if (uri.isEmpty()) {
      return false;
    }
    if (url.startsWith("/")) {
      // A relative path, but not "//host" (protocol-relative) or "/\host" (browsers treat it so).
      return !url.startsWith("//")
          && !url.startsWith("/\\")
          && uri.get().getScheme() == null
          && uri.get().getRawAuthority() == null;
    }
    // Credentials before the host ("https://evil.example%5C@app.example.com") are never needed
    // by a trusted page and only make a trusted URL read like another site's.
    return uri.get().getRawUserInfo() == null
        && originOf(uri.get()).map(this::isTrustedOrigin).orElse(false);
  }

  /**
   * {@code url} as a URI, with characters a URI cannot hold percent-encoded; empty when it holds a
   * control character or still does not parse.
   */
  static Optional<URI> toUri(String url) {
    if (url.isEmpty() || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.empty();
    }
    StringBuilder encoded = new StringBuilder(url.length());
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && URI_CHARACTERS.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    try {
      return Optional.of(new URI(encoded.toString()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether an {@code Origin} header value (scheme, host and port) is trusted. */
  public boolean isTrustedOrigin(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (exact.contains(o)) {
      return true;
    }
    for (String w : wildcardSuffixes) {
      String scheme = w.substring(0, w.indexOf('\n'));
      String suffix = w.substring(w.indexOf('\n') + 1);
      if (o.startsWith(scheme)
          && o.endsWith(suffix)
          && o.length() > scheme.length() + suffix.length()) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> originOf(String url) {
    return toUri(url.trim()).flatMap(TrustedOrigins::originOf);
  }

  private static Optional<String> originOf(URI uri) {
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || host == null) {
      return Optional.empty();
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return Optional.of(
        scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }
}
