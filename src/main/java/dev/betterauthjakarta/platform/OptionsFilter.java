package dev.betterauthjakarta.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code OPTIONS} on a route answers 204 with only the {@code Allow} header. The runtime's own
 * answer is a 200 whose body lists the methods, or with WADL switched off ({@link AuthApplication})
 * an empty body typed as WADL; neither is JSON, and nothing about the resources should be described
 * beyond {@code Allow}. CORS preflights are answered earlier ({@link CorsFilter}).
 */
@Provider
public class OptionsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if ("OPTIONS".equals(request.getMethod()) && response.getStatus() == 200) {
      response.setStatus(204);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
