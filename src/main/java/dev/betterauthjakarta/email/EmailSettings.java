package dev.betterauthjakarta.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Better Auth's {@code user.changeEmail} options. */
@ApplicationScoped
public class EmailSettings {

  @Inject
  @ConfigProperty(name = "better.auth.email-change.expires-in", defaultValue = "3600")
  long changeExpiresIn;

  @Inject
  @ConfigProperty(
      name = "better.auth.email-change.confirm-with-current-email",
      defaultValue = "false")
  boolean confirmWithCurrentEmail;

  /** How long a change (or approval) link works (1 hour). */
  public Duration changeExpiresIn() {
    return Duration.ofSeconds(changeExpiresIn);
  }

  /** A verified address must approve a change (Better Auth's sendChangeEmailConfirmation). */
  public boolean confirmWithCurrentEmail() {
    return confirmWithCurrentEmail;
  }
}
