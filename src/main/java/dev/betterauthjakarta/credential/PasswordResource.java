package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Authenticated;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.SessionCredentials;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.user.Emails;
import dev.betterauthjakarta.user.UserView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {
  @Inject PasswordService passwords;
  @Inject SessionCredentials credentialsOut;
  @Inject AuthSettings settings;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record ChangedResponse(String token, UserView user) {}

  public record ResetRequestedResponse(boolean status, String message) {}

  public record ResetTokenResponse(boolean status, String token) {}

  @POST
  @Path("change-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(JsonObject json, @Context SecurityContext security) {
    Body body = Body.of(json);
    var changed =
        passwords.change(
            Caller.of(security),
            body.requiredString("currentPassword", Integer.MAX_VALUE),
            body.requiredString("newPassword", Integer.MAX_VALUE),
            body.optionalBoolean("revokeOtherSessions").orElse(false),
            ClientInfo.from(headers, http));
    var response =
        Response.ok(new ChangedResponse(changed.session().map(s -> s.token()).orElse(null), changed.user()));
    return changed.session()
        .map(s -> credentialsOut.withSession(response, s.token(), s.session()))
        .orElse(response)
        .build();
  }

  @POST
  @Path("request-password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  public ResetRequestedResponse requestPasswordReset(JsonObject json) {
    Body body = Body.of(json);
    String email = body.requiredString("email", Emails.MAX_LENGTH);
    Optional<String> redirectTo = body.optionalString("redirectTo", 2048);
    if (!Emails.isValid(email)) {
      throw Body.invalid("email", "Invalid email address");
    }
    if (redirectTo.isPresent() && !settings.trustedOrigins().isTrustedUrl(redirectTo.get())) {
      throw new AuthException(ErrorCode.INVALID_REDIRECT_URL);
    }
    passwords.requestReset(Emails.normalize(email), redirectTo);
    return new ResetRequestedResponse(
        true, "If this email exists in our system, check your email for the reset link");
  }

  /**
   * The mailed link. With a trusted callbackURL the browser goes on to the app's reset form
   * ({@code ?token=} or {@code ?error=INVALID_TOKEN}); without one the answer is JSON.
   */
  @GET
  @Path("reset-password/{token}")
  public Response checkResetToken(
      @PathParam("token") String token, @QueryParam("callbackURL") String callbackURL) {
    boolean valid = passwords.isResetTokenValid(token);
    if (callbackURL != null && settings.trustedOrigins().isTrustedUrl(callbackURL)) {
      UriBuilder target = UriBuilder.fromUri(callbackURL);
      target = valid ? target.queryParam("token", token) : target.queryParam("error", "INVALID_TOKEN");
      return Response.status(302).location(target.build()).build();
    }
    if (!valid) {
      throw new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token");
    }
    return Response.ok(new ResetTokenResponse(true, token)).build();
  }

  @POST
  @Path("reset-password")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse resetPassword(JsonObject json, @QueryParam("token") String queryToken) {
    Body body = Body.of(json);
    String newPassword = body.requiredString("newPassword", Integer.MAX_VALUE);
    String token =
        body.optionalString("token", 256)
            .or(() -> Optional.ofNullable(queryToken))
            .orElseThrow(() -> new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token"));
    passwords.reset(token, newPassword);
    return StatusResponse.TRUE;
  }

  @POST
  @Path("verify-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse verifyPassword(JsonObject json, @Context SecurityContext security) {
    passwords.check(
        Caller.of(security).userId(), Body.of(json).requiredString("password", Integer.MAX_VALUE));
    return StatusResponse.TRUE;
  }

  @POST
  @Path("set-password")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse setPassword(JsonObject json, @Context SecurityContext security) {
    passwords.set(
        Caller.of(security), Body.of(json).requiredString("newPassword", Integer.MAX_VALUE));
    return StatusResponse.TRUE;
  }
}
