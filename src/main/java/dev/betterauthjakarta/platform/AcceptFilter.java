package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * An {@code Accept} header the JAX-RS runtime cannot parse ({@code %%%}, {@code q=x}) is dropped
 * before the runtime picks a response type with it, which would otherwise end in the server's error
 * page: Better Auth ignores Accept, and every answer here is JSON. (A broken Content-Type is
 * handled earlier, by {@link ContentTypeFilter}.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class AcceptFilter implements ContainerRequestFilter {

  /** A weight per RFC 9110 section 12.4.2: {@code 0} to {@code 1} with at most three decimals. */
  private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

  @Override
  public void filter(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (accept != null && !parses(accept)) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
  }

  /**
   * Whether every media range of an Accept header parses and carries a valid weight. Checked here
   * rather than left to the runtime: Jersey refuses {@code q=x} when asked for the acceptable
   * types, RESTEasy only later, while it sorts them, and then answers 500.
   */
  static boolean parses(String accept) {
    try {
      for (String range : accept.split(",", -1)) {
        if (range.isBlank()) {
          continue;
        }
        String q = MediaType.valueOf(range.trim()).getParameters().get("q");
        if (q != null && !QVALUE.matcher(q.trim()).matches()) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      // The runtime's header parsing error (IllegalArgumentException or ProcessingException).
      return false;
    }
  }
}
