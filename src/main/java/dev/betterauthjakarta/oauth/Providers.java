package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured providers by id, built once from {@link OAuthSettings} (no network at start). */
@ApplicationScoped
public class Providers {
  @Inject OAuthSettings settings;
  @Inject Clock clock;

  private Map<String, IdentityProvider> byId;

  @PostConstruct
  void build() {
    Map<String, IdentityProvider> built = new LinkedHashMap<>();
    settings
        .providers()
        .forEach(
            (id, p) ->
                built.put(
                    id,
                    p.kind().isOidc() ? new OidcProvider(p, clock) : new GitHubProvider(p, clock)));
    byId = Map.copyOf(built);
  }

  Optional<IdentityProvider> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /**
   * The provider, or 404 PROVIDER_NOT_FOUND.
   *
   * @throws AuthException 404 PROVIDER_NOT_FOUND for an id that is not configured
   */
  IdentityProvider get(String id) {
    return find(id).orElseThrow(() -> new AuthException(ErrorCode.PROVIDER_NOT_FOUND));
  }
}
