package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Session lifetimes (Better Auth's {@code session} options), in seconds in configuration. */
@ApplicationScoped
public class SessionSettings {
  @Inject Config config;

  private Duration expiresIn;
  private Duration updateAge;
  private Duration freshAge;

  @PostConstruct
  void read() {
    expiresIn =
        Duration.ofSeconds(ConfigValues.seconds(config, "better.auth.session.expires-in", 604800));
    updateAge =
        Duration.ofSeconds(ConfigValues.seconds(config, "better.auth.session.update-age", 86400));
    freshAge =
        Duration.ofSeconds(ConfigValues.seconds(config, "better.auth.session.fresh-age", 86400));
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    expiresIn();
  }

  /** How long a session lives after sign-in or its last extension (7 days by default). */
  public Duration expiresIn() {
    return expiresIn;
  }

  /** Better Auth's fixed lifetime of a session signed in with {@code rememberMe: false}. */
  public Duration shortExpiresIn() {
    return Duration.ofDays(1);
  }

  /** How old the last extension must be before use extends a session again (1 day). */
  public Duration updateAge() {
    return updateAge;
  }

  /** How recently one must have signed in for sensitive routes (1 day); zero turns it off. */
  public Duration freshAge() {
    return freshAge;
  }
}
