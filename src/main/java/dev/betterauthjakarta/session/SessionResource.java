package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.Authenticated;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.user.UserView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject SessionService sessions;
  @Inject SessionCredentials credentials;

  public record SessionWithUser(SessionView session, UserView user) {}

  /** Never 401: no valid session is the JSON literal null, as Better Auth's client expects. */
  @GET
  @Path("get-session")
  public Response getSession(@Context SecurityContext security) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    Object body =
        Caller.find(security).<Object>map(c -> new SessionWithUser(c.session(), c.user()))
            .orElse("null");
    return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
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
  public StatusResponse revokeSession(JsonObject body, @Context SecurityContext security) {
    sessions.revoke(Caller.of(security), Body.of(body).requiredString("token", 1024));
    return StatusResponse.TRUE;
  }

  /** Every session of the caller ends, this one included. */
  @POST
  @Path("revoke-sessions")
  @Authenticated
  public Response revokeSessions(@Context SecurityContext security) {
    sessions.endAllOf(Caller.of(security).userId());
    return Response.ok(StatusResponse.TRUE).cookie(credentials.clearingCookie()).build();
  }

  @POST
  @Path("revoke-other-sessions")
  @Authenticated
  public StatusResponse revokeOtherSessions(@Context SecurityContext security) {
    sessions.revokeOthers(Caller.of(security));
    return StatusResponse.TRUE;
  }

  /** Better Auth's health check. */
  @GET
  @Path("ok")
  public Response ok() {
    return Response.ok("{\"ok\":true}").build();
  }
}
