package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.CookieHeader;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.session.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Better Auth's {@code better-auth.state} cookie: the flow's {@code state}, signed, set by the
 * request that starts a browser flow and required back on the callback. It ties the callback to the
 * browser that started the flow, so a {@code state} from another browser (login CSRF: an attacker's
 * own flow finished in the victim's browser) is refused. HttpOnly, SameSite=Lax (sent on the
 * provider's top-level redirect back), Path=/ without Domain, Secure and {@code __Host-} prefixed
 * over https.
 */
@ApplicationScoped
public class StateCookie {
  static final String NAME = "better-auth.state";

  /**
   * Over https the {@code __Host-} prefix (Better Auth: {@code __Secure-}): a browser then accepts
   * the cookie only from this host, so a sibling subdomain cannot plant its own flow's state in the
   * victim's browser (cookie tossing) to finish its flow there. Clients never read this HttpOnly
   * cookie, so its name is the server's business.
   */
  static final String SECURE_NAME = "__Host-" + NAME;

  @Inject ServiceSettings service;

  /** The {@code Set-Cookie} value carrying {@code state}, alive as long as the flow. */
  String set(String state) {
    return CookieHeader.of(
        name(),
        URLEncoder.encode(SignedTokens.sign(service.secret(), state), StandardCharsets.UTF_8),
        OAuthFlows.STATE_LIFETIME.toSeconds(),
        service.isHttps());
  }

  /** The {@code Set-Cookie} value that drops it. */
  String clear() {
    return CookieHeader.of(name(), "", 0, service.isHttps());
  }

  /** The state the request's cookie carries, if it carries one whose signature verifies. */
  Optional<String> read(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(name());
    return cookie == null
        ? Optional.empty()
        : SignedTokens.fromCookie(service.secret(), cookie.getValue());
  }

  private String name() {
    return service.isHttps() ? SECURE_NAME : NAME;
  }
}
