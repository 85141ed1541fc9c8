package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.OptionalLong;

/**
 * Better Auth's rate limit, checked before the route runs (and before the session is looked up): at
 * most {@code max} requests per window per client address ({@link ClientAddresses}) and route, then
 * 429 TOO_MANY_REQUESTS with {@code X-Retry-After} (seconds). The route is the matched resource
 * method's path template ({@code /sign-in/email}, {@code /reset-password/{token}}), not the path as
 * typed, so {@code /sign-in;x/email} or a percent-encoded spelling counts against the same rule and
 * bucket.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 200)
public class RateLimitFilter implements ContainerRequestFilter {
  @Inject RateLimitSettings settings;
  @Inject RateLimiter limiter;
  @Inject Metrics metrics;
  @Context ResourceInfo resource;
  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.enabled() || resource.getResourceMethod() == null) {
      return;
    }
    String path = routeOf(resource.getResourceClass(), resource.getResourceMethod());
    var rule = settings.rules().ruleFor(path);
    if (rule.isEmpty()) {
      return;
    }
    String key = ClientAddresses.bucket(ClientAddresses.of(http)) + "|" + path;
    OptionalLong retryAfter = limiter.consume(key, rule.get());
    if (retryAfter.isPresent()) {
      metrics.rateLimited(AuthApplication.PATH + path).increment(); // rare: looked up here
      throw new AuthException(ErrorCode.TOO_MANY_REQUESTS)
          .withHeader(Headers.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
    }
  }

  /** {@code /} plus the class's and the method's {@code @Path}, e.g. {@code /admin/ban-user}. */
  static String routeOf(Class<?> type, Method method) {
    StringBuilder path = new StringBuilder();
    for (Path p : new Path[] {type.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
      if (p == null) {
        continue;
      }
      for (String segment : p.value().split("/")) {
        if (!segment.isEmpty()) {
          path.append('/').append(segment);
        }
      }
    }
    return path.isEmpty() ? "/" : path.toString();
  }
}
