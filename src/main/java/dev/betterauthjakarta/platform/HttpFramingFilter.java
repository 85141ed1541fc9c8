package dev.betterauthjakarta.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a request with an ambiguous body length from smuggling a second request on the same
 * connection. A request carrying both {@code Content-Length} and {@code Transfer-Encoding}, two
 * different lengths, or a transfer coding that does not end in {@code chunked} can be read as one
 * request by a proxy and as two by the server; the hidden second one is then answered as if it came
 * from the next client. RFC 9112 (6.1, 6.3) has a server reject such a request or at least close
 * the connection after answering it, so that nothing after it on the connection is read.
 *
 * <p>What this filter can see, it refuses with 400 BAD_REQUEST and {@code Connection: close}. But
 * Payara's HTTP layer (Grizzly) drops a {@code Content-Length} that precedes {@code
 * Transfer-Encoding: chunked} before the request reaches the WAR, and keeps the connection open; so
 * any request with a {@code Transfer-Encoding} is answered normally but with {@code Connection:
 * close}: a request that was ambiguous then smuggles nothing, at the price of a new connection
 * after a chunked request body, which API clients seldom send.
 *
 * <p>A servlet filter sees only requests to this WAR; the server's own endpoints ({@code /health},
 * {@code /metrics}, {@code /openapi}) are answered by Payara alone. The README's production notes
 * say what the proxy in front must do about those.
 */
@WebFilter(filterName = "HttpFramingFilter", urlPatterns = "/*", asyncSupported = true)
public class HttpFramingFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
      Optional<String> problem =
          problem(
              Collections.list(http.getHeaders("Content-Length")),
              Collections.list(http.getHeaders("Transfer-Encoding")));
      if (problem.isPresent()) {
        refuse(out, problem.get());
        return;
      }
      if (http.getHeader("Transfer-Encoding") != null) {
        // The server may have dropped a Content-Length that came with it (see above): answer,
        // then close, so the rest of the connection is never read as another request.
        out.setHeader("Connection", "close");
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * What makes a request's framing ambiguous, if anything.
   *
   * @param contentLengths every {@code Content-Length} header value, in order
   * @param transferEncodings every {@code Transfer-Encoding} header value, in order
   * @return a short reason for the 400, or empty when the body length is clear
   */
  static Optional<String> problem(List<String> contentLengths, List<String> transferEncodings) {
    if (!transferEncodings.isEmpty() && !contentLengths.isEmpty()) {
      return Optional.of("Content-Length and Transfer-Encoding must not both be sent");
    }
    if (!transferEncodings.isEmpty()) {
      List<String> codings = elements(transferEncodings);
      if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
        return Optional.of("Transfer-Encoding must end in chunked");
      }
      return Optional.empty();
    }
    List<String> lengths = elements(contentLengths);
    if (lengths.stream().distinct().count() > 1) {
      return Optional.of("Conflicting Content-Length values");
    }
    if (!lengths.isEmpty() && !lengths.get(0).matches("[0-9]{1,18}")) {
      return Optional.of("Invalid Content-Length");
    }
    return Optional.empty();
  }

  /** The comma-separated elements of all the values, trimmed and lower case. */
  private static List<String> elements(List<String> values) {
    List<String> elements = new ArrayList<>();
    for (String value : values) {
      for (String element : value.split(",", -1)) {
        elements.add(element.trim().toLowerCase(Locale.ROOT));
      }
    }
    return elements;
  }

  private static void refuse(HttpServletResponse out, String reason) throws IOException {
    ErrorCode code = ErrorCode.BAD_REQUEST;
    byte[] body =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("code", code.name())
            .add("message", reason)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    out.setStatus(code.status());
    // The unread rest of the connection may be a smuggled request: the server must not parse it.
    out.setHeader("Connection", "close");
    out.setContentType("application/json");
    out.setContentLength(body.length);
    out.getOutputStream().write(body);
    out.flushBuffer();
  }
}
