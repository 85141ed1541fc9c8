package dev.betterauthjakarta.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of users and their credentials, read through MicroProfile Config. */
@ApplicationScoped
public class IdentitySettings {

  @Inject
  @ConfigProperty(name = "better.auth.password.hash-format", defaultValue = "argon2id")
  PasswordHashFormat passwordHashFormat;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.required", defaultValue = "false")
  boolean requireEmailVerification;

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
