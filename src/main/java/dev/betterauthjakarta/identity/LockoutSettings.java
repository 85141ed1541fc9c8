package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The per-account sign-in lockout's settings ({@link LockoutPolicy}), read strictly. */
@ApplicationScoped
public class LockoutSettings {
  @Inject Config config;

  private boolean enabled;
  private LockoutPolicy policy;

  @PostConstruct
  void read() {
    enabled = ConfigValues.bool(config, "better.auth.lockout.enabled", true);
    long delayAfter = ConfigValues.count(config, "better.auth.lockout.delay-after", 10);
    long lockAfter = ConfigValues.count(config, "better.auth.lockout.lock-after", 20);
    long lockSeconds = ConfigValues.seconds(config, "better.auth.lockout.lock-duration", 300);
    long forgetSeconds = ConfigValues.seconds(config, "better.auth.lockout.forget-after", 86400);
    if (delayAfter < 1 || lockAfter < 1 || lockAfter > 1000 || delayAfter > 1000) {
      throw new IllegalArgumentException(
          "better.auth.lockout.delay-after and lock-after must be from 1 to 1000");
    }
    if (lockSeconds < 1 || forgetSeconds < 1) {
      throw new IllegalArgumentException(
          "better.auth.lockout.lock-duration and forget-after must be 1 second or more");
    }
    policy =
        new LockoutPolicy(
            (int) delayAfter,
            (int) lockAfter,
            Duration.ofSeconds(lockSeconds),
            Duration.ofSeconds(forgetSeconds));
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    policy();
  }

  public boolean enabled() {
    return enabled;
  }

  public LockoutPolicy policy() {
    return policy;
  }
}
