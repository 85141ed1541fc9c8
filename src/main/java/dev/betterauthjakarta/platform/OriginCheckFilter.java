package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Better Auth's cross-site request forgery defence. A state-changing request that carries cookies
 * (which a browser attaches on its own) must come from a trusted Origin (or Referer). Sign-in and
 * sign-up ({@link SignInRoute}), which carry no session cookie yet, are checked whenever the
 * browser says it is a browser (Origin or Sec-Fetch-* headers), and a cross-site navigation to them
 * is refused (login CSRF). Pure bearer requests and non-browser clients (no Origin, no Sec-Fetch)
 * pass: a bearer token is not attached by a browser on its own.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class OriginCheckFilter implements ContainerRequestFilter {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject ServiceSettings settings;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return;
    }
    if (resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(CrossSitePost.class)) {
      return; // it only redirects to a GET that checks the flow's own state cookie
    }
    boolean signInOrUp =
        resource.getResourceMethod() != null
            && resource.getResourceMethod().isAnnotationPresent(SignInRoute.class);
    if (request.getHeaderString(HttpHeaders.COOKIE) != null) {
      requireTrustedOrigin(request);
    } else if (signInOrUp) {
      if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))
          && "navigate".equals(request.getHeaderString("Sec-Fetch-Mode"))) {
        throw new AuthException(ErrorCode.CROSS_SITE_NAVIGATION_LOGIN_BLOCKED);
      }
      if (request.getHeaderString("Origin") != null || hasFetchMetadata(request)) {
        requireTrustedOrigin(request);
      }
    }
  }

  private void requireTrustedOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      String referer = request.getHeaderString("Referer");
      if (referer == null || referer.isBlank()) {
        throw new AuthException(ErrorCode.MISSING_OR_NULL_ORIGIN);
      }
      if (!settings.trustedOrigins().isTrustedUrl(referer) || referer.startsWith("/")) {
        throw new AuthException(ErrorCode.INVALID_ORIGIN);
      }
      return;
    }
    if (!settings.trustedOrigins().isTrustedOrigin(origin.trim())) {
      throw new AuthException(ErrorCode.INVALID_ORIGIN);
    }
  }

  private static boolean hasFetchMetadata(ContainerRequestContext request) {
    return request.getHeaders().keySet().stream()
        .anyMatch(name -> name.regionMatches(true, 0, "Sec-Fetch-", 0, 10));
  }
}
