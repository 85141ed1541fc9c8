package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for the trusted origins only, with credentials (Better Auth's web client sends {@code
 * credentials: "include"}) and {@code set-auth-token} exposed so browser code can read it.
 * Preflights from a trusted origin are answered here; other origins get no CORS headers, so
 * browsers keep their pages out.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
  private static final String DEFAULT_ALLOWED_HEADERS = "Content-Type, Authorization";

  @Inject ServiceSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = trustedOrigin(request);
    if (origin == null
        || !"OPTIONS".equals(request.getMethod())
        || request.getHeaderString("Access-Control-Request-Method") == null) {
      return;
    }
    String requested = request.getHeaderString("Access-Control-Request-Headers");
    request.abortWith(
        Response.noContent()
            .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .header(
                "Access-Control-Allow-Headers",
                requested == null || requested.isBlank() ? DEFAULT_ALLOWED_HEADERS : requested)
            .header("Access-Control-Max-Age", "600")
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = trustedOrigin(request);
    if (origin == null) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", origin);
    headers.putSingle("Access-Control-Allow-Credentials", "true");
    headers.putSingle(Headers.EXPOSE_HEADERS, Headers.SET_AUTH_TOKEN + ", " + Headers.RETRY_AFTER);
    headers.add("Vary", "Origin");
  }

  private String trustedOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    return origin != null && settings.trustedOrigins().isTrustedOrigin(origin.trim())
        ? origin.trim()
        : null;
  }
}
