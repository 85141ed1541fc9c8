package dev.betterauthjakarta.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * Better Auth's base path; every route of the service lives under it. Jersey's WADL listing is
 * switched off: it would describe every resource to anyone who asks.
 */
@ApplicationPath(AuthApplication.PATH)
public class AuthApplication extends Application {
  /** The context-relative path of every route. */
  public static final String PATH = "/api/auth";

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
