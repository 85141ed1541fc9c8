package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** list-accounts and unlink-account, answered by whichever {@link AccountManagement} is active. */
// One instance for all requests (issue #9): per request, the container built and injected one.
@ApplicationScoped
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
  public StatusResponse unlinkAccount(
      @Valid UnlinkRequest request, @Context SecurityContext security) {
    plugin.unlinkAccount(Caller.find(security), request);
    return StatusResponse.TRUE;
  }
}
