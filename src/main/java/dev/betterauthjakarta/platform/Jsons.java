package dev.betterauthjakarta.platform;

import jakarta.json.spi.JsonProvider;

/**
 * JSON-P's provider, looked up once. The static factories of {@code jakarta.json.Json} look the
 * provider up again (a {@code ServiceLoader} scan) on every call; reading the user's metadata that
 * way took 12 % of get-session's CPU (issue #9). Use {@code Jsons.PROVIDER.createObjectBuilder()}
 * and the like instead of {@code Jsons.PROVIDER.createObjectBuilder()}.
 */
public final class Jsons {
  /** The provider the application's class loader finds, as {@code Json}'s factories would. */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}
}
