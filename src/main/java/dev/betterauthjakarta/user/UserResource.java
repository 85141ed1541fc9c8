package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.Authenticated;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.BearerTokens;
import dev.betterauthjakarta.session.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

@Path("")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject UserService users;
  @Inject BearerTokens bearerTokens;

  public record DeleteResponse(boolean success, String message) {}

  @POST
  @Path("update-user")
  public Response updateUser(JsonObject body, @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    users.update(caller, UpdateUserRequest.from(Body.of(body)));
    // Better Auth re-issues the session cookie here, so its clients see set-auth-token.
    return bearerTokens.withToken(Response.ok(StatusResponse.TRUE), caller.token()).build();
  }

  @POST
  @Path("delete-user")
  public DeleteResponse deleteUser(JsonObject body, @Context SecurityContext security) {
    users.delete(Caller.of(security), Body.of(body).optionalString("password", Integer.MAX_VALUE));
    return new DeleteResponse(true, "User deleted");
  }
}
