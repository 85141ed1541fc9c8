package dev.betterauthjakarta.password;

import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Metrics;
import dev.betterauthjakarta.platform.Redirects;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.SessionCredentials;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/** change-password, request-password-reset, reset-password, verify-password, set-password. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {
  @Inject Metrics metrics;
  @Inject PasswordService passwords;
  @Inject SessionCredentials credentialsOut;
  @Inject ServiceSettings settings;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record ChangedResponse(String token, UserView user) {}

  public record ResetRequestedResponse(boolean status, String message) {}

  public record ResetTokenResponse(boolean status, String token) {}

  @POST
  @Path("change-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(
      @Valid PasswordRequests.ChangePassword request, @Context SecurityContext security) {
    var changed =
        passwords.change(
            Caller.of(security),
            request.currentPassword(),
            request.newPassword(),
            Boolean.TRUE.equals(request.revokeOtherSessions()),
            ClientInfo.from(headers, http));
    var response =
        Response.ok(
            new ChangedResponse(
                changed.session().map(s -> s.token()).orElse(null), changed.user()));
    return changed
        .session()
        .map(s -> credentialsOut.withSession(response, headers, s.token(), s.session()))
        .orElse(response)
        .build();
  }

  @POST
  @Path("request-password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  public ResetRequestedResponse requestPasswordReset(@Valid PasswordRequests.RequestReset request) {
    passwords.requestReset(
        Emails.normalize(request.email()), Optional.ofNullable(request.redirectTo()));
    metrics.passwordResetRequested();
    return new ResetRequestedResponse(
        true, "If this email exists in our system, check your email for the reset link");
  }

  /**
   * The mailed link. With a trusted callbackURL the browser goes on to the app's reset form ({@code
   * ?token=} or {@code ?error=INVALID_TOKEN}); without one the answer is JSON.
   */
  @GET
  @Path("reset-password/{token}")
  public Response checkResetToken(
      @PathParam("token") String token, @QueryParam("callbackURL") String callbackURL) {
    boolean valid = passwords.isResetTokenValid(token);
    if (callbackURL != null && settings.trustedOrigins().isTrustedUrl(callbackURL)) {
      String target =
          valid
              ? Redirects.withQueryParameter(callbackURL, "token", token)
              : Redirects.withQueryParameter(callbackURL, "error", "INVALID_TOKEN");
      return Response.status(302).location(Redirects.location(settings.baseUrl(), target)).build();
    }
    if (!valid) {
      throw new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token");
    }
    return Response.ok(new ResetTokenResponse(true, token)).build();
  }

  @POST
  @Path("reset-password")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse resetPassword(
      @Valid PasswordRequests.Reset request, @QueryParam("token") String queryToken) {
    String token =
        Optional.ofNullable(request.token())
            .or(() -> Optional.ofNullable(queryToken))
            .orElseThrow(() -> new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token"));
    passwords.reset(token, request.newPassword());
    metrics.passwordResetCompleted(); // after the reset's transaction committed
    return StatusResponse.TRUE;
  }

  @POST
  @Path("verify-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse verifyPassword(
      @Valid PasswordRequests.Verify request, @Context SecurityContext security) {
    passwords.verify(Caller.of(security), request.password());
    return StatusResponse.TRUE;
  }

  @POST
  @Path("set-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse setPassword(
      @Valid PasswordRequests.SetPassword request, @Context SecurityContext security) {
    passwords.set(Caller.of(security), request.newPassword());
    return StatusResponse.TRUE;
  }
}
