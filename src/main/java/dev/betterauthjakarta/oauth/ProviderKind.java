package dev.betterauthjakarta.oauth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of identity provider an entry configures: a generic OpenID Connect provider found by
 * its issuer, presets of it for Google, Microsoft Entra ID and GitLab, or GitHub (plain OAuth 2.0
 * with its REST API for the profile; no id token).
 */
public enum ProviderKind {
  OIDC("oidc", null, List.of("openid", "email", "profile")),
  GOOGLE("google", "https://accounts.google.com", List.of("openid", "email", "profile")),
  /** The issuer needs the tenant id ({@code tenant-id}); see {@link #issuerFor}. */
  MICROSOFT(
      "microsoft",
      "https://login.microsoftonline.com/{tenant}/v2.0",
      List.of("openid", "email", "profile", "offline_access")),
  GITLAB("gitlab", "https://gitlab.com", List.of("openid", "email", "profile")),
  GITHUB("github", null, List.of("read:user", "user:email"));

  private final String setting;
  private final String issuer;
  private final List<String> scopes;

  ProviderKind(String setting, String issuer, List<String> scopes) {
    this.setting = setting;
    this.issuer = issuer;
    this.scopes = scopes;
  }

  /** Whether the provider speaks OpenID Connect (discovery, id tokens). */
  public boolean isOidc() {
    return this != GITHUB;
  }

  /** The scopes asked for unless the entry names its own. */
  public List<String> defaultScopes() {
    return scopes;
  }

  /**
   * The preset's issuer, or null when the entry must give one. Microsoft's needs the tenant: a
   * tenant id or domain, never {@code common}/{@code organizations} (their tokens carry each
   * tenant's own issuer, which cannot be checked against one configured value).
   */
  String issuerFor(String tenant) {
    if (issuer == null || !issuer.contains("{tenant}")) {
      return issuer;
    }
    return tenant == null ? null : issuer.replace("{tenant}", tenant);
  }

  /**
   * The kind a configuration value names, ignoring case.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ProviderKind of(String value) {
    for (ProviderKind kind : values()) {
      if (kind.setting.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "must be one of "
            + Arrays.stream(values()).map(k -> k.setting).collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }

  /** The preset an id names, if the id is one of them (a provider called "google"). */
  static ProviderKind forId(String id) {
    for (ProviderKind kind : values()) {
      if (kind != OIDC && kind.setting.equals(id)) {
        return kind;
      }
    }
    return OIDC;
  }
}
