package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Bearer tokens under the configured secret, and the {@code set-auth-token} response header. */
@ApplicationScoped
public class BearerTokens {
  public static final String SET_AUTH_TOKEN = "set-auth-token";
  public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

  @Inject AuthSettings settings;

  public Optional<String> fromAuthorization(String header) {
    return SignedTokens.fromAuthorization(settings.secret(), header);
  }

  /**
   * Hands a session token to the client the way Better Auth's bearer plugin does: signed, in a
   * header that browsers may read across origins.
   */
  public Response.ResponseBuilder withToken(Response.ResponseBuilder response, String token) {
    return response.header(SET_AUTH_TOKEN, signed(token)).header(EXPOSE_HEADERS, SET_AUTH_TOKEN);
  }

  public String signed(String token) {
    return SignedTokens.sign(settings.secret(), token);
  }
}
