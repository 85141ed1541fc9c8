package dev.betterauthjakarta.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * Resolves the client's address once per request ({@link ClientAddresses#resolve}, which believes
 * {@code X-Forwarded-For} only from a trusted proxy) and keeps it on the request, where the rate
 * limiter, the audit trail and new sessions read it ({@link ClientAddresses#of}).
 */
@WebFilter("/*")
public class ClientAddressFilter extends HttpFilter {
  @Inject ClientAddresses addresses;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(
        ClientAddresses.ATTRIBUTE,
        SafeText.clean(
            ClientAddresses.resolve(
                addresses.trusted(),
                request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")))));
    chain.doFilter(request, response);
  }
}
