package dev.betterauthjakarta.session;

import dev.betterauthjakarta.user.UserView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

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

  /** Better Auth's health check. */
  @GET
  @Path("ok")
  public Response ok() {
    return Response.ok("{\"ok\":true}").build();
  }
}
