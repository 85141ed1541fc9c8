package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.CookieHeader;
import dev.betterauthjakarta.platform.Headers;
import dev.betterauthjakarta.platform.ServiceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a session token travels, as Better Auth's clients expect: in with {@code Authorization:
 * Bearer} or the {@code better-auth.session_token} cookie; out in the {@code set-auth-token} header
 * (signed, readable across origins) and in that cookie (HttpOnly, SameSite=Lax, Secure and {@code
 * __Secure-} prefixed when the service is served over https). A session signed in with {@code
 * rememberMe: false} gets a browser-session cookie (no Max-Age) and Better Auth's signed {@code
 * better-auth.dont_remember} cookie, which keeps later re-issued cookies browser-session ones too.
 */
@ApplicationScoped
public class SessionCredentials {
  static final String COOKIE = "better-auth.session_token";
  static final String SECURE_COOKIE = "__Secure-" + COOKIE;
  static final String DONT_REMEMBER = "better-auth.dont_remember";
  static final String SECURE_DONT_REMEMBER = "__Secure-" + DONT_REMEMBER;
  static final String TWO_FACTOR = "better-auth.two_factor";

  /**
   * Lifetime of a pending sign-in and its cookie, seconds (Better Auth's twoFactorCookieMaxAge).
   */
  public static final long PENDING_SIGN_IN_SECONDS = 600;

  /** The header in which a bearer-only client may present its pending sign-in's handle (ours). */
  public static final String TWO_FACTOR_TOKEN_HEADER = "X-Two-Factor-Token";

  static final String ADMIN_SESSION = "better-auth.admin_session";
  static final String SECURE_ADMIN_SESSION = "__Secure-" + ADMIN_SESSION;

  @Inject ServiceSettings service;
  @Inject SessionSettings settings;

  /** What a request presented: a token that verified (or not), and whether it came as a cookie. */
  public record Presented(Optional<String> token, boolean viaCookie) {}

  /**
   * The session credential of a request: the bearer header wins over the cookie; empty when the
   * request carries neither.
   */
  public Optional<Presented> fromRequest(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      Optional<String> token = SignedTokens.fromAuthorization(service.secret(), header);
      if (token.isPresent() || !hasSessionCookie(request)) {
        return Optional.of(new Presented(token, false));
      }
    }
    // Only the configured name: on https a sibling subdomain can plant an unprefixed cookie, and
    // accepting it would let an attacker sign the victim's browser into the attacker's account.
    Cookie cookie = request.getCookies().get(sessionCookieName());
    if (cookie != null) {
      return Optional.of(
          new Presented(SignedTokens.fromCookie(service.secret(), cookie.getValue()), true));
    }
    return Optional.empty();
  }

  /**
   * Hands the client its session: {@code set-auth-token} and the session cookie (and the
   * dont-remember cookie for a short session, or when the request carried one).
   *
   * @param request the request's headers, to read a dont-remember cookie from
   */
  public Response.ResponseBuilder withSession(
      Response.ResponseBuilder response, HttpHeaders request, String token, SessionView session) {
    boolean dontRemember = dontRemember(request.getCookies().get(dontRememberName()), session);
    response
        .header(Headers.SET_AUTH_TOKEN, signed(token))
        .header(Headers.EXPOSE_HEADERS, Headers.SET_AUTH_TOKEN)
        .header(HttpHeaders.SET_COOKIE, sessionCookie(token, dontRemember));
    if (dontRemember) {
      response.header(HttpHeaders.SET_COOKIE, dontRememberCookie());
    }
    return response;
  }

  /** The same, on a response that is already built (the refresh filter). */
  public void addSession(
      MultivaluedMap<String, Object> headers,
      ContainerRequestContext request,
      String token,
      SessionView session) {
    boolean dontRemember = dontRemember(request.getCookies().get(dontRememberName()), session);
    headers.add(Headers.SET_AUTH_TOKEN, signed(token));
    headers.add(Headers.EXPOSE_HEADERS, Headers.SET_AUTH_TOKEN);
    headers.add(HttpHeaders.SET_COOKIE, sessionCookie(token, dontRemember));
    if (dontRemember) {
      headers.add(HttpHeaders.SET_COOKIE, dontRememberCookie());
    }
  }

  /**
   * Tells a browser to drop its session and dont-remember cookies (sign-out, deletion, a dead
   * token): {@code Set-Cookie} values with {@code Max-Age=0}.
   */
  public String[] clearingCookies() {
    return new String[] {
      CookieHeader.of(sessionCookieName(), "", 0, service.isHttps()),
      CookieHeader.of(dontRememberName(), "", 0, service.isHttps()),
      clearingPendingCookie()
    };
  }

  /** Adds {@link #clearingCookies()} to a response. */
  public Response.ResponseBuilder clearing(Response.ResponseBuilder response) {
    for (String cookie : clearingCookies()) {
      response.header(HttpHeaders.SET_COOKIE, cookie);
    }
    return response;
  }

  /**
   * Parks a sign-in for its second factor: the signed {@code better-auth.two_factor} cookie
   * (Max-Age 600 s) that Better Auth's browser clients send back to the verify routes.
   */
  public Response.ResponseBuilder withPendingSignIn(
      Response.ResponseBuilder response, String token) {
    return response.header(
        HttpHeaders.SET_COOKIE,
        CookieHeader.of(
            pendingCookieName(),
            URLEncoder.encode(signed(token), StandardCharsets.UTF_8),
            PENDING_SIGN_IN_SECONDS,
            service.isHttps()));
  }

  /** {@code Set-Cookie} that drops the pending sign-in cookie. */
  public String clearingPendingCookie() {
    return CookieHeader.of(pendingCookieName(), "", 0, service.isHttps());
  }

  /**
   * The pending sign-in handle a request presents: the {@link #TWO_FACTOR_TOKEN_HEADER} header (raw
   * handle) wins, else the signed cookie (a bad signature counts as none).
   */
  public Optional<String> pendingFrom(HttpHeaders request) {
    String header = request.getHeaderString(TWO_FACTOR_TOKEN_HEADER);
    if (header != null && !header.isBlank()) {
      return Optional.of(header.strip());
    }
    Cookie cookie = request.getCookies().get(pendingCookieName());
    return cookie == null
        ? Optional.empty()
        : SignedTokens.fromCookie(service.secret(), cookie.getValue());
  }

  /**
   * {@code Set-Cookie} for Better Auth's trusted-device cookie: the signed token, or with a null
   * token one that drops it.
   *
   * @param maxAgeSeconds its lifetime (30 days for a new one)
   */
  public String trustDeviceCookie(String token, long maxAgeSeconds) {
    String name = (service.isHttps() ? "__Secure-" : "") + ClientInfo.TRUST_DEVICE_COOKIE;
    return token == null
        ? CookieHeader.of(name, "", 0, service.isHttps())
        : CookieHeader.of(
            name,
            URLEncoder.encode(signed(token), StandardCharsets.UTF_8),
            maxAgeSeconds,
            service.isHttps());
  }

  /** The raw token of a trusted-device cookie value, if its signature verifies. */
  public Optional<String> trustedDeviceToken(String cookieValue) {
    return cookieValue == null
        ? Optional.empty()
        : SignedTokens.fromCookie(service.secret(), cookieValue);
  }

  /** What Better Auth's {@code admin_session} cookie holds: the administrator's own session. */
  public record AdminSession(String token, boolean dontRemember) {}

  /**
   * Starts impersonation in a browser, as Better Auth does: the administrator's own token (and
   * whether it was a dont-remember session) goes into the signed {@code admin_session} cookie, and
   * the impersonation session becomes the session cookie (browser-session only, with the
   * dont-remember mark). Bearer clients get the new token in {@code set-auth-token} and must keep
   * their own to go back.
   */
  public Response.ResponseBuilder withImpersonation(
      Response.ResponseBuilder response,
      HttpHeaders request,
      String adminToken,
      IssuedSession impersonation) {
    boolean adminDontRemember =
        SignedTokens.fromCookie(
                service.secret(), cookieValue(request.getCookies().get(dontRememberName())))
            .filter("true"::equals)
            .isPresent();
    String value = adminToken + ":" + (adminDontRemember ? "true" : "");
    response.header(
        HttpHeaders.SET_COOKIE,
        CookieHeader.of(
            adminSessionName(),
            URLEncoder.encode(signed(value), StandardCharsets.UTF_8),
            settings.expiresIn().toSeconds(),
            service.isHttps()));
    return withSession(response, request, impersonation.token(), impersonation.session());
  }

  /** The administrator's session a browser kept while impersonating, if its cookie verifies. */
  public Optional<AdminSession> adminSession(HttpHeaders request) {
    return SignedTokens.fromCookie(
            service.secret(), cookieValue(request.getCookies().get(adminSessionName())))
        .filter(v -> v.indexOf(':') > 0)
        .map(
            v ->
                new AdminSession(
                    v.substring(0, v.indexOf(':')),
                    v.substring(v.indexOf(':') + 1).equals("true")));
  }

  /**
   * Ends impersonation in a browser: the administrator's session cookie again (remembered as it
   * was) and the {@code admin_session} cookie dropped.
   */
  public Response.ResponseBuilder endingImpersonation(
      Response.ResponseBuilder response, String adminToken, boolean dontRemember) {
    response
        .header(Headers.SET_AUTH_TOKEN, signed(adminToken))
        .header(Headers.EXPOSE_HEADERS, Headers.SET_AUTH_TOKEN)
        .header(HttpHeaders.SET_COOKIE, sessionCookie(adminToken, dontRemember))
        .header(
            HttpHeaders.SET_COOKIE, CookieHeader.of(adminSessionName(), "", 0, service.isHttps()));
    response.header(
        HttpHeaders.SET_COOKIE,
        dontRemember
            ? dontRememberCookie()
            : CookieHeader.of(dontRememberName(), "", 0, service.isHttps()));
    return response;
  }

  private static String cookieValue(Cookie cookie) {
    return cookie == null ? null : cookie.getValue();
  }

  private String adminSessionName() {
    return service.isHttps() ? SECURE_ADMIN_SESSION : ADMIN_SESSION;
  }

  /** {@code <token>.<base64 HMAC-SHA256>} with the service's secret. */
  public String signed(String token) {
    return SignedTokens.sign(service.secret(), token);
  }

  /**
   * The session cookie: Max-Age is the configured lifetime exactly, as Better Auth sets it; none
   * for a session that is not to be remembered.
   */
  private String sessionCookie(String token, boolean dontRemember) {
    long maxAge = dontRemember ? -1 : settings.expiresIn().toSeconds();
    return CookieHeader.of(
        sessionCookieName(),
        URLEncoder.encode(signed(token), StandardCharsets.UTF_8),
        maxAge,
        service.isHttps());
  }

  private String dontRememberCookie() {
    return CookieHeader.of(
        dontRememberName(),
        URLEncoder.encode(signed("true"), StandardCharsets.UTF_8),
        -1,
        service.isHttps());
  }

  /** A short (rememberMe false) session, or a browser that carries a valid dont-remember mark. */
  private boolean dontRemember(Cookie mark, SessionView session) {
    if (Session.isShortLived(session.createdAt(), session.expiresAt(), settings.shortExpiresIn())) {
      return true;
    }
    return mark != null
        && SignedTokens.fromCookie(service.secret(), mark.getValue())
            .filter("true"::equals)
            .isPresent();
  }

  private String sessionCookieName() {
    return sessionCookieName(service.isHttps());
  }

  /**
   * The session cookie's name: {@code better-auth.session_token}, {@code __Secure-} prefixed when
   * the service is served over https (Better Auth's naming).
   *
   * @param https whether {@code better.auth.url} is an https URL
   */
  public static String sessionCookieName(boolean https) {
    return https ? SECURE_COOKIE : COOKIE;
  }

  private String pendingCookieName() {
    return service.isHttps() ? "__Secure-" + TWO_FACTOR : TWO_FACTOR;
  }

  private String dontRememberName() {
    return service.isHttps() ? SECURE_DONT_REMEMBER : DONT_REMEMBER;
  }

  private boolean hasSessionCookie(ContainerRequestContext request) {
    return request.getCookies().containsKey(sessionCookieName());
  }
}
