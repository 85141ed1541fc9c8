package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Settings of users and their credentials, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class IdentitySettings {
  @Inject Config config;

  private PasswordHashFormat passwordHashFormat;
  private boolean requireEmailVerification;

  @PostConstruct
  void read() {
    passwordHashFormat =
        ConfigValues.choice(
            config, "better.auth.password.hash-format", "argon2id", PasswordHashFormat::of);
    requireEmailVerification =
        ConfigValues.bool(config, "better.auth.email-verification.required", false);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    passwordHashFormat();
  }

  /** The format of new password hashes. */
  public PasswordHashFormat passwordHashFormat() {
    return passwordHashFormat;
  }

  /**
   * Sign-in of a user whose email is not verified is refused (403 EMAIL_NOT_VERIFIED) and sign-up
   * opens no session (Better Auth's {@code requireEmailVerification}).
   */
  public boolean requireEmailVerification() {
    return requireEmailVerification;
  }
}
