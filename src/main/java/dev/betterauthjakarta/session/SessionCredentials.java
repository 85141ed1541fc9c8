package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * How a session token travels, as Better Auth's clients expect: in with
 * {@code Authorization: Bearer} or the {@code better-auth.session_token} cookie; out in the
 * {@code set-auth-token} header (signed, readable across origins) and in that cookie (HttpOnly,
 * SameSite=Lax, Secure and {@code __Secure-} prefixed when the service is served over https).
 */
@ApplicationScoped
public class SessionCredentials {
  public static final String SET_AUTH_TOKEN = "set-auth-token";
  public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  static final String COOKIE = "better-auth.session_token";
  static final String SECURE_COOKIE = "__Secure-" + COOKIE;

  @Inject AuthSettings settings;
  @Inject Clock clock;

  /** What a request presented: a token that verified (or not), and whether it came as a cookie. */
  public record Presented(Optional<String> token, boolean viaCookie) {}

  /** The bearer header wins over the cookie; empty when the request carries neither. */
  public Optional<Presented> fromRequest(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      Optional<String> token = SignedTokens.fromAuthorization(settings.secret(), header);
      if (token.isPresent() || !hasSessionCookie(request)) {
        return Optional.of(new Presented(token, false));
      }
    }
    for (String name : new String[] {SECURE_COOKIE, COOKIE}) {
      Cookie cookie = request.getCookies().get(name);
      if (cookie != null) {
        return Optional.of(
            new Presented(SignedTokens.fromCookie(settings.secret(), cookie.getValue()), true));
      }
    }
    return Optional.empty();
  }

  /** Hands the client its session: {@code set-auth-token} and the session cookie. */
  public Response.ResponseBuilder withSession(
      Response.ResponseBuilder response, String token, SessionView session) {
    return response
        .header(SET_AUTH_TOKEN, signed(token))
        .header(EXPOSE_HEADERS, SET_AUTH_TOKEN)
        .cookie(sessionCookie(token, session));
  }

  /** The same, on a response that is already built (the refresh filter). */
  public void addSession(MultivaluedMap<String, Object> headers, String token, SessionView session) {
    headers.add(SET_AUTH_TOKEN, signed(token));
    headers.add(EXPOSE_HEADERS, SET_AUTH_TOKEN);
    headers.add(HttpHeaders.SET_COOKIE, sessionCookie(token, session));
  }

  /** Tells a browser to drop its session cookie (sign-out, deletion, a dead token). */
  public NewCookie clearingCookie() {
    return baseCookie("").maxAge(0).expiry(new Date(0)).build();
  }

  public String signed(String token) {
    return SignedTokens.sign(settings.secret(), token);
  }

  /**
   * Lives as long as the session; a rememberMe:false session gets a browser-session cookie (no
   * Max-Age), as in Better Auth.
   */
  private NewCookie sessionCookie(String token, SessionView session) {
    NewCookie.Builder cookie = baseCookie(URLEncoder.encode(signed(token), StandardCharsets.UTF_8));
    if (!Session.isShortLived(
        session.createdAt(), session.expiresAt(), settings.shortSessionExpiresIn())) {
      long seconds = Duration.between(clock.instant(), session.expiresAt()).toSeconds();
      cookie.maxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds)));
    }
    return cookie.build();
  }

  private NewCookie.Builder baseCookie(String value) {
    boolean secure = settings.baseUrl().startsWith("https://");
    return new NewCookie.Builder(secure ? SECURE_COOKIE : COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX);
  }

  private static boolean hasSessionCookie(ContainerRequestContext request) {
    return request.getCookies().containsKey(COOKIE) || request.getCookies().containsKey(SECURE_COOKIE);
  }
}
