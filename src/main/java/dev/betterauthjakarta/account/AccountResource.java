package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  @Inject AccountManagement plugin;

  @GET
  @Path("list-accounts")
  public Object listAccounts(@Context SecurityContext security) {
    return plugin.listAccounts(Caller.find(security));
  }

  @POST
  @Path("unlink-account")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse unlinkAccount(JsonObject body, @Context SecurityContext security) {
    plugin.unlinkAccount(Caller.find(security), Body.of(body));
    return StatusResponse.TRUE;
  }
}
