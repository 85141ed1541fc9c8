package dev.betterauthjakarta.email;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.Redirects;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** change-email, send-verification-email and verify-email (the target of every email link). */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {
  @Inject EmailService emails;
  @Inject ServiceSettings settings;

  public record VerifiedResponse(boolean status, UserView user) {}

  @POST
  @Path("change-email")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse changeEmail(
      @Valid EmailRequests.ChangeEmail request, @Context SecurityContext security) {
    emails.requestChange(Caller.of(security), request.normalizedEmail(), request.callback());
    return StatusResponse.TRUE;
  }

  @POST
  @Path("send-verification-email")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse sendVerificationEmail(
      @Valid EmailRequests.SendVerification request, @Context SecurityContext security) {
    emails.requestVerification(
        Caller.find(security), request.normalizedEmail(), request.callback());
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
        throw Body.invalidQuery("token", Messages.REQUIRED_STRING);
      }
      UserView user = emails.follow(token).orElse(null);
      return redirect
          ? Response.status(302)
              .location(Redirects.location(settings.baseUrl(), callbackURL))
              .build()
          : Response.ok(new VerifiedResponse(true, user)).build();
    } catch (AuthException e) {
      if (!redirect) {
        throw e;
      }
      String target = Redirects.withQueryParameter(callbackURL, "error", e.code().name());
      return Response.status(302).location(Redirects.location(settings.baseUrl(), target)).build();
    }
  }
}
