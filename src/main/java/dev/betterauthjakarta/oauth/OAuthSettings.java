package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Identity providers and account-linking rules, read strictly at deployment ({@link ConfigValues}):
 * a missing client id, an unknown type or a malformed URL fails the deployment with the key's name.
 * Providers are listed in {@code better.auth.oauth.providers}; each one's settings are {@code
 * better.auth.oauth.<id>.<setting>} (environment: {@code BETTER_AUTH_OAUTH_<ID>_<SETTING>}). The
 * README lists every setting with examples.
 */
@ApplicationScoped
public class OAuthSettings {
  static final String PROVIDERS = "better.auth.oauth.providers";
  private static final String PREFIX = "better.auth.oauth.";
  private static final String LINKING = "better.auth.account-linking.";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** Authorization-URL parameters the service sets itself; a provider cannot override them. */
  static final Set<String> RESERVED_PARAMS =
      Set.of(
          "state",
          "client_id",
          "redirect_uri",
          "response_type",
          "code_challenge",
          "code_challenge_method",
          "nonce",
          "scope");

  @Inject Config config;

  private Map<String, ProviderSettings> providers;
  private boolean linkingEnabled;
  private boolean implicitLinking;
  private Set<String> trustedProviders;
  private boolean allowDifferentEmails;
  private boolean updateUserInfoOnLink;

  @PostConstruct
  void read() {
    Map<String, ProviderSettings> read = new LinkedHashMap<>();
    for (String id : list(ConfigValues.string(config, PROVIDERS).orElse(""))) {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            PROVIDERS + ": a provider id is 1-40 of [a-z0-9-], not '" + id + "'");
      }
      if (read.containsKey(id)) {
        throw new IllegalArgumentException(PROVIDERS + " names '" + id + "' twice");
      }
      read.put(id, provider(id));
    }
    providers = Map.copyOf(read);
    linkingEnabled = ConfigValues.bool(config, LINKING + "enabled", true);
    implicitLinking = ConfigValues.bool(config, LINKING + "implicit-linking", true);
    trustedProviders =
        Set.copyOf(list(ConfigValues.string(config, LINKING + "trusted-providers").orElse("")));
    allowDifferentEmails = ConfigValues.bool(config, LINKING + "allow-different-emails", false);
    updateUserInfoOnLink = ConfigValues.bool(config, LINKING + "update-user-info-on-link", false);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    providers();
  }

  private ProviderSettings provider(String id) {
    ProviderKind kind =
        ConfigValues.string(config, key(id, "type"))
            .map(v -> parse(key(id, "type"), () -> ProviderKind.of(v)))
            .orElse(ProviderKind.forId(id));
    String clientId =
        ConfigValues.string(config, key(id, "client-id"))
            .orElseThrow(() -> new IllegalArgumentException(key(id, "client-id") + " is required"));
    String clientSecret = ConfigValues.string(config, key(id, "client-secret")).orElse(null);
    List<String> audiences = new ArrayList<>(List.of(clientId));
    list(ConfigValues.string(config, key(id, "audiences")).orElse("")).stream()
        .filter(a -> !audiences.contains(a))
        .forEach(audiences::add);

    URI issuer = null;
    URI discovery = null;
    if (kind.isOidc()) {
      String configured =
          ConfigValues.string(config, key(id, "issuer"))
              .orElse(
                  kind.issuerFor(ConfigValues.string(config, key(id, "tenant-id")).orElse(null)));
      if (configured == null) {
        throw new IllegalArgumentException(
            key(id, kind == ProviderKind.MICROSOFT ? "tenant-id" : "issuer") + " is required");
      }
      issuer = url(key(id, "issuer"), configured);
      String issuerText = configured.endsWith("/") ? configured : configured + "/";
      discovery =
          url(
              key(id, "discovery-url"),
              ConfigValues.string(config, key(id, "discovery-url"))
                  .orElse(issuerText + ".well-known/openid-configuration"));
    }
    boolean github = kind == ProviderKind.GITHUB;
    URI authorization =
        optionalUrl(
            id,
            "authorization-endpoint",
            github ? "https://github.com/login/oauth/authorize" : null);
    URI token =
        optionalUrl(
            id, "token-endpoint", github ? "https://github.com/login/oauth/access_token" : null);
    URI api = optionalUrl(id, "api-url", github ? "https://api.github.com" : null);

    List<String> scopes =
        ConfigValues.string(config, key(id, "scopes")).map(OAuthSettings::list).orElse(null);
    if (scopes == null) {
      scopes = kind.defaultScopes();
    }
    ProviderSettings.ClaimNames claims =
        new ProviderSettings.ClaimNames(
            claim(id, "subject", github ? "id" : "sub"),
            claim(id, "email", "email"),
            claim(id, "email-verified", "email_verified"),
            claim(id, "name", "name"),
            claim(id, "image", github ? "avatar_url" : "picture"));
    ProviderSettings.ClientAuthentication auth =
        ConfigValues.choice(
            config,
            key(id, "token-endpoint-auth"),
            "client_secret_post",
            v ->
                switch (v.toLowerCase(java.util.Locale.ROOT)) {
                  case "client_secret_post" ->
                      ProviderSettings.ClientAuthentication.CLIENT_SECRET_POST;
                  case "client_secret_basic" ->
                      ProviderSettings.ClientAuthentication.CLIENT_SECRET_BASIC;
                  default ->
                      throw new IllegalArgumentException(
                          key(id, "token-endpoint-auth")
                              + " must be client_secret_post or client_secret_basic, not '"
                              + v
                              + "'");
                });
    return new ProviderSettings(
        id,
        kind,
        clientId,
        clientSecret,
        List.copyOf(audiences),
        issuer,
        discovery,
        List.copyOf(scopes),
        ConfigValues.bool(config, key(id, "pkce"), true),
        auth,
        authorization,
        token,
        api,
        claims,
        ConfigValues.bool(config, key(id, "disable-sign-up"), false),
        ConfigValues.bool(config, key(id, "disable-implicit-sign-up"), false),
        ConfigValues.bool(config, key(id, "disable-id-token-sign-in"), !kind.isOidc()),
        authorizationParams(id));
  }

  private Map<String, String> authorizationParams(String id) {
    Map<String, String> params = new LinkedHashMap<>();
    Optional<String> raw = ConfigValues.string(config, key(id, "authorization-params"));
    if (raw.isEmpty()) {
      return Map.of();
    }
    for (String pair : raw.get().split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            key(id, "authorization-params")
                + " must be name=value pairs joined by &, not '"
                + raw.get()
                + "'");
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      if (RESERVED_PARAMS.contains(name)) {
        throw new IllegalArgumentException(
            key(id, "authorization-params") + " cannot set '" + name + "': the service sets it");
      }
      params.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return Map.copyOf(params);
  }

  private String claim(String id, String name, String defaultValue) {
    return ConfigValues.string(config, key(id, "claims." + name), defaultValue);
  }

  private URI optionalUrl(String id, String name, String defaultValue) {
    Optional<String> value = ConfigValues.string(config, key(id, name));
    String v = value.orElse(defaultValue);
    return v == null ? null : url(key(id, name), v);
  }

  private static URI url(String key, String value) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        throw new URISyntaxException(value, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          key + " must be an absolute http(s) URL, not '" + value + "'");
    }
  }

  private static <T> T parse(String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " " + e.getMessage());
    }
  }

  private static String key(String id, String name) {
    return PREFIX + id + "." + name;
  }

  /** Comma- or space-separated values, trimmed, empties dropped, first occurrence kept. */
  static List<String> list(String value) {
    return List.copyOf(
        new LinkedHashSet<>(
            Arrays.stream(value.split("[,\\s]+"))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList()));
  }

  /** The configured providers by id. */
  public Map<String, ProviderSettings> providers() {
    return providers;
  }

  /** Account linking at all (Better Auth's {@code accountLinking.enabled}). */
  public boolean linkingEnabled() {
    return linkingEnabled;
  }

  /** Linking a new provider identity to an existing user by email at sign-in. */
  public boolean implicitLinking() {
    return implicitLinking;
  }

  /** Whether the provider's word on an email address is trusted for implicit linking. */
  public boolean isTrusted(String providerId) {
    return trustedProviders.contains(providerId);
  }

  /** Whether link-social may link an identity whose email differs from the user's. */
  public boolean allowDifferentEmails() {
    return allowDifferentEmails;
  }

  /** Whether linking copies the provider's name and picture to the user. */
  public boolean updateUserInfoOnLink() {
    return updateUserInfoOnLink;
  }
}
