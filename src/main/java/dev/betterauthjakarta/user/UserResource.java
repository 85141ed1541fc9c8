package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Redirects;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionCredentials;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** update-user, delete-user and the mailed deletion link. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject UserService users;
  @Inject SessionCredentials credentialsOut;
  @Inject ServiceSettings settings;
  @Context HttpHeaders headers;

  public record DeleteResponse(boolean success, String message) {}

  private static final DeleteResponse DELETED = new DeleteResponse(true, "User deleted");

  @POST
  @Path("update-user")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateUser(JsonObject body, @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    users.update(caller, UpdateUserRequest.from(Body.of(body)));
    // Better Auth re-issues the session cookie here, so its clients see set-auth-token.
    return credentialsOut
        .withSession(Response.ok(StatusResponse.TRUE), headers, caller.token(), caller.session())
        .build();
  }

  @POST
  @Path("delete-user")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response deleteUser(@Valid DeleteUserRequest request, @Context SecurityContext security) {
    return switch (users.delete(Caller.of(security), request)) {
      case DELETED -> deleted();
      case VERIFICATION_SENT ->
          Response.ok(new DeleteResponse(true, "Verification email sent")).build();
    };
  }

  /**
   * The mailed deletion link; needs the same user signed in (404 otherwise, as in Better Auth).
   * With a trusted callbackURL the browser goes there afterwards.
   */
  @GET
  @Path("delete-user/callback")
  public Response deleteUserCallback(
      @QueryParam("token") String token,
      @QueryParam("callbackURL") String callbackURL,
      @Context SecurityContext security) {
    Caller caller =
        Caller.find(security)
            .orElseThrow(() -> new AuthException(ErrorCode.FAILED_TO_GET_USER_INFO));
    users.deleteByLink(caller, token == null ? "" : token);
    if (callbackURL != null && settings.trustedOrigins().isTrustedUrl(callbackURL)) {
      return credentialsOut
          .clearing(
              Response.status(302).location(Redirects.location(settings.baseUrl(), callbackURL)))
          .build();
    }
    return deleted();
  }

  private Response deleted() {
    return credentialsOut.clearing(Response.ok(DELETED)).build();
  }
}
