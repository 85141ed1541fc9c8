package dev.betterauthjakarta.email;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Better Auth's {@code user.changeEmail} options, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class EmailSettings {
  @Inject Config config;

  private Duration changeExpiresIn;
  private boolean confirmWithCurrentEmail;

  @PostConstruct
  void read() {
    changeExpiresIn =
        Duration.ofSeconds(
            ConfigValues.seconds(config, "better.auth.email-change.expires-in", 3600));
    confirmWithCurrentEmail =
        ConfigValues.bool(config, "better.auth.email-change.confirm-with-current-email", false);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    changeExpiresIn();
  }

  /** How long a change (or approval) link works (1 hour). */
  public Duration changeExpiresIn() {
    return changeExpiresIn;
  }

  /** A verified address must approve a change (Better Auth's sendChangeEmailConfirmation). */
  public boolean confirmWithCurrentEmail() {
    return confirmWithCurrentEmail;
  }
}
