package dev.betterauthjakarta.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of users and their credentials, read through MicroProfile Config. */
@ApplicationScoped
public class IdentitySettings {

  @Inject
  @ConfigProperty(name = "better.auth.password.hash-format", defaultValue = "argon2id")
  String passwordHashFormatSetting;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.required", defaultValue = "false")
  boolean requireEmailVerification;

  private PasswordHashFormat passwordHashFormat;

  /**
   * Parses the setting. Payara's MicroProfile Config falls back to the default when a value does
   * not convert, so the conversion happens here, where a typo throws.
   */
  @PostConstruct
  void parse() {
    passwordHashFormat = PasswordHashFormat.of(passwordHashFormatSetting);
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
