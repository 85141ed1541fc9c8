package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.identity.IdentitySettings;
import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Better Auth's {@code emailVerification} options, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class EmailVerificationSettings {
  @Inject Config config;
  @Inject IdentitySettings identity;

  private Optional<Boolean> sendOnSignUp;
  private Duration expiresIn;

  @PostConstruct
  void read() {
    sendOnSignUp =
        ConfigValues.optionalBool(config, "better.auth.email-verification.send-on-sign-up");
    expiresIn =
        Duration.ofSeconds(
            ConfigValues.seconds(config, "better.auth.email-verification.expires-in", 3600));
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    expiresIn();
  }

  /** Sign-up mails a verification link; defaults to whether verification is required. */
  public boolean sendOnSignUp() {
    return sendOnSignUp.orElse(identity.requireEmailVerification());
  }

  /** How long a verification link works (1 hour). */
  public Duration expiresIn() {
    return expiresIn;
  }
}
