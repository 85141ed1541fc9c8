package dev.betterauthjakarta.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Session lifetimes (Better Auth's {@code session} options), in seconds in configuration. */
@ApplicationScoped
public class SessionSettings {

  @Inject
  @ConfigProperty(name = "better.auth.session.expires-in", defaultValue = "604800")
  long expiresIn;

  @Inject
  @ConfigProperty(name = "better.auth.session.update-age", defaultValue = "86400")
  long updateAge;

  @Inject
  @ConfigProperty(name = "better.auth.session.fresh-age", defaultValue = "86400")
  long freshAge;

  /** How long a session lives after sign-in or its last extension (7 days by default). */
  public Duration expiresIn() {
    return Duration.ofSeconds(expiresIn);
  }

  /** Better Auth's fixed lifetime of a session signed in with {@code rememberMe: false}. */
  public Duration shortExpiresIn() {
    return Duration.ofDays(1);
  }

  /** How old the last extension must be before use extends a session again (1 day). */
  public Duration updateAge() {
    return Duration.ofSeconds(updateAge);
  }

  /** How recently one must have signed in for sensitive routes (1 day); zero turns it off. */
  public Duration freshAge() {
    return Duration.ofSeconds(freshAge);
  }
}
