package dev.betterauthjakarta.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Better Auth's {@code user.deleteUser} options. */
@ApplicationScoped
public class UserSettings {

  @Inject
  @ConfigProperty(name = "better.auth.delete-user.confirm-by-email", defaultValue = "false")
  boolean confirmDeleteByEmail;

  @Inject
  @ConfigProperty(name = "better.auth.delete-user.expires-in", defaultValue = "86400")
  long deleteExpiresIn;

  /** delete-user mails a link instead of deleting (Better Auth's sendDeleteAccountVerification). */
  public boolean confirmDeleteByEmail() {
    return confirmDeleteByEmail;
  }

  /** How long a deletion link works (1 day). */
  public Duration deleteExpiresIn() {
    return Duration.ofSeconds(deleteExpiresIn);
  }
}
