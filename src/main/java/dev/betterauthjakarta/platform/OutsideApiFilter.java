package dev.betterauthjakarta.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;

/**
 * Nothing of this WAR lives outside {@code /api/auth}: any other path ({@code /}, {@code /api},
 * {@code /favicon.ico}, {@code /API/AUTH/ok}) answers 404 NOT_FOUND in JSON for every method,
 * instead of reaching the server's default servlet (HTML errors, a 403 for PUT, an OPTIONS answer
 * that offers PUT and DELETE). Requests that map to a servlet of their own pass: the API, and the
 * endpoints the server adds to a WAR deployed at the context root (Payara serves MicroProfile
 * {@code /health}, {@code /metrics} and {@code /openapi} inside that WAR's context).
 */
@WebFilter("/*")
public class OutsideApiFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals(AuthApplication.PATH) || path.startsWith(AuthApplication.PATH + "/")) {
      chain.doFilter(request, response);
      return;
    }
    MappingMatch match = request.getHttpServletMapping().getMappingMatch();
    boolean ownServlet =
        match != null
            && match != MappingMatch.DEFAULT
            && match != MappingMatch.CONTEXT_ROOT
            && !request.getServletPath().equals(ErrorPageServlet.PATH);
    if (ownServlet) {
      chain.doFilter(request, response);
      return;
    }
    ErrorPageServlet.write(response, 404, ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message());
  }
}
