package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Better Auth's {@code user.deleteUser} options, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class UserSettings {
  @Inject Config config;

  private boolean confirmDeleteByEmail;
  private Duration deleteExpiresIn;

  @PostConstruct
  void read() {
    confirmDeleteByEmail =
        ConfigValues.bool(config, "better.auth.delete-user.confirm-by-email", false);
    deleteExpiresIn =
        Duration.ofSeconds(
            ConfigValues.seconds(config, "better.auth.delete-user.expires-in", 86400));
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    deleteExpiresIn();
  }

  /** delete-user mails a link instead of deleting (Better Auth's sendDeleteAccountVerification). */
  public boolean confirmDeleteByEmail() {
    return confirmDeleteByEmail;
  }

  /** How long a deletion link works (1 day). */
  public Duration deleteExpiresIn() {
    return deleteExpiresIn;
  }
}
