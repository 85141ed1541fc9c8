package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.identity.IdentitySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Better Auth's {@code emailVerification} options. */
@ApplicationScoped
public class EmailVerificationSettings {
  @Inject IdentitySettings identity;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.send-on-sign-up")
  Optional<Boolean> sendOnSignUp;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.expires-in", defaultValue = "3600")
  long expiresIn;

  /** Sign-up mails a verification link; defaults to whether verification is required. */
  public boolean sendOnSignUp() {
    return sendOnSignUp.orElse(identity.requireEmailVerification());
  }

  /** How long a verification link works (1 hour). */
  public Duration expiresIn() {
    return Duration.ofSeconds(expiresIn);
  }
}
