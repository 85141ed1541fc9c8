package dev.betterauthjakarta.platform;

import java.net.URI;
import java.net.URISyntaxException;
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

  public boolean isTrustedUrl(String url) {
    if (url.startsWith("/")) {
      // A relative path, but not "//host" (protocol-relative) or "/\host" (browsers treat it so).
      return !url.startsWith("//") && !url.startsWith("/\\");
    }
    return originOf(url).map(this::isTrustedOrigin).orElse(false);
  }

  public boolean isTrustedOrigin(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (exact.contains(o)) {
      return true;
    }
    for (String w : wildcardSuffixes) {
      String scheme = w.substring(0, w.indexOf('\n'));
      String suffix = w.substring(w.indexOf('\n') + 1);
      if (o.startsWith(scheme) && o.endsWith(suffix) && o.length() > scheme.length() + suffix.length()) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> originOf(String url) {
    try {
      URI uri = new URI(url.trim());
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
          port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
