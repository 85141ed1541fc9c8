package dev.betterauthjakarta.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * A {@code Content-Type} that does not parse, seen before the JAX-RS runtime (which parses it
 * before any of its filters run, to look for form parameters, and answers a bare 400 when it
 * cannot). One whose type is {@code application/json} but whose parameters are broken ({@code
 * application/json; charset=}) is passed on as plain {@code application/json}, as Better Auth reads
 * it (it matches the type and ignores the charset; bodies are UTF-8 either way, see {@link
 * StrictJson}); any other ({@code %%%}, {@code /}) answers 415 UNSUPPORTED_MEDIA_TYPE in JSON.
 */
@WebFilter("/*")
public class ContentTypeFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || type.isBlank() || parses(type)) {
      chain.doFilter(request, response);
      return;
    }
    String essence = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!essence.equals(MediaType.APPLICATION_JSON)) {
      ErrorPageServlet.write(
          response,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          WebApplicationExceptionMapper.unsupportedMediaType(type));
      return;
    }
    chain.doFilter(new PlainJson(request), response);
  }

  private static boolean parses(String type) {
    try {
      MediaType.valueOf(type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The request with its Content-Type read as plain {@code application/json}. */
  private static final class PlainJson extends HttpServletRequestWrapper {
    PlainJson(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return MediaType.APPLICATION_JSON;
    }

    @Override
    public String getHeader(String name) {
      return isContentType(name) ? MediaType.APPLICATION_JSON : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isContentType(name)
          ? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON))
          : super.getHeaders(name);
    }

    private static boolean isContentType(String name) {
      return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
    }
  }
}
