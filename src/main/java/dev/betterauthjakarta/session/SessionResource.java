package dev.betterauthjakarta.session;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.StatusResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Better Auth's session routes: get-session, list-sessions, revoke-session, revoke-sessions,
 * revoke-other-sessions.
 */
// One instance for all requests (issue #9): per request, the container built and injected one.
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject SessionService sessions;
  @Inject SessionCredentials credentials;

  /** get-session's answer. */
  public record SessionWithUser(SessionView session, UserView user) {}

  /** revoke-session's body: a raw or signed token, or the hash list-sessions shows. */
  public record RevokeSessionRequest(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 1024, message = Messages.TOO_BIG)
          String token) {}

  /** Never 401: no valid session is the JSON literal null, as Better Auth's client expects. */
  @GET
  @Path("get-session")
  public Response getSession(@Context SecurityContext security) {
    Object body =
        Caller.find(security)
            .<Object>map(c -> new SessionWithUser(c.session(), c.user()))
            .orElse("null");
    return Response.ok(body)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  /** Better Auth allows POST only with deferSessionRefresh, which this service does not offer. */
  @POST
  @Path("get-session")
  public Response postGetSession() {
    throw new AuthException(ErrorCode.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED);
  }

  @GET
  @Path("list-sessions")
  @Authenticated
  public List<SessionView> listSessions(@Context SecurityContext security) {
    return sessions.listActive(Caller.of(security));
  }

  @POST
  @Path("revoke-session")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse revokeSession(
      @Valid RevokeSessionRequest body, @Context SecurityContext security) {
    sessions.revoke(Caller.of(security), body.token());
    return StatusResponse.TRUE;
  }

  /** Every session of the caller ends, this one included. */
  @POST
  @Path("revoke-sessions")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response revokeSessions(JsonObject ignored, @Context SecurityContext security) {
    sessions.revokeAll(Caller.of(security));
    return credentials.clearing(Response.ok(StatusResponse.TRUE)).build();
  }

  @POST
  @Path("revoke-other-sessions")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse revokeOtherSessions(JsonObject ignored, @Context SecurityContext security) {
    sessions.revokeOthers(Caller.of(security));
    return StatusResponse.TRUE;
  }
}
