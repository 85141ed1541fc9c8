package dev.betterauthjakarta.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Better Auth's health check, {@code GET /ok}: answers {@code {"ok":true}} without a database. */
// One instance for all requests (issue #9): per request, the container built and injected one.
@ApplicationScoped
@Path("ok")
@Produces(MediaType.APPLICATION_JSON)
public class OkResource {

  /** Always {@code {"ok":true}}. */
  @GET
  public String ok() {
    return "{\"ok\":true}";
  }
}
