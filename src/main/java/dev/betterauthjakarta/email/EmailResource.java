package dev.betterauthjakarta.email;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Authenticated;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.user.Emails;
import dev.betterauthjakarta.user.UserView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {
  @Inject EmailService emails;
  @Inject AuthSettings settings;

  public record VerifiedResponse(boolean status, UserView user) {}

  @POST
  @Path("change-email")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse changeEmail(JsonObject body, @Context SecurityContext security) {
    emails.requestChange(
        Caller.of(security), ChangeEmailRequest.from(Body.of(body), settings.trustedOrigins()));
    return StatusResponse.TRUE;
  }

  @POST
  @Path("send-verification-email")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse sendVerificationEmail(JsonObject json, @Context SecurityContext security) {
    Body body = Body.of(json);
    String email = body.requiredString("email", Emails.MAX_LENGTH);
    if (!Emails.isValid(email)) {
      throw Body.invalid("email", "Invalid email address");
    }
    Optional<String> callbackURL = body.optionalString("callbackURL", 2048);
    if (callbackURL.isPresent() && !settings.trustedOrigins().isTrustedUrl(callbackURL.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    emails.requestVerification(Caller.find(security), Emails.normalize(email), callbackURL);
    return StatusResponse.TRUE;
  }

  /**
   * The target of every mailed email link. With a trusted callbackURL the browser is sent there
   * (with {@code ?error=CODE} on failure), as Better Auth does; without one the answer is JSON.
   */
  @GET
  @Path("verify-email")
  public Response verifyEmail(
      @QueryParam("token") String token, @QueryParam("callbackURL") String callbackURL) {
    boolean redirect = callbackURL != null && settings.trustedOrigins().isTrustedUrl(callbackURL);
    try {
      if (token == null || token.isBlank()) {
        throw Body.invalidQuery("token", "Invalid input: expected string, received undefined");
      }
      UserView user = emails.follow(token).orElse(null);
      return redirect
          ? Response.status(302).location(UriBuilder.fromUri(callbackURL).build()).build()
          : Response.ok(new VerifiedResponse(true, user)).build();
    } catch (AuthException e) {
      if (!redirect) {
        throw e;
      }
      return Response.status(302)
          .location(UriBuilder.fromUri(callbackURL).queryParam("error", e.code().name()).build())
          .build();
    }
  }
}
