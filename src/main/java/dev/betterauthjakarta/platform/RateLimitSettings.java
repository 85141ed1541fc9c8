package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The rate limiter's settings, read strictly ({@link ConfigValues}): on or off, the default rule
 * (Better Auth's 100 requests per 10 s per client address and path) and rules per path.
 */
@ApplicationScoped
public class RateLimitSettings {
  static final String RULES = "better.auth.rate-limit.rules";

  @Inject Config config;

  private boolean enabled;
  private RateLimitRules rules;

  @PostConstruct
  void read() {
    enabled = ConfigValues.bool(config, "better.auth.rate-limit.enabled", true);
    long window = ConfigValues.seconds(config, "better.auth.rate-limit.window", 10);
    long max = ConfigValues.count(config, "better.auth.rate-limit.max", 100);
    if (window < 1 || max < 1) {
      throw new IllegalArgumentException(
          "better.auth.rate-limit.window and better.auth.rate-limit.max must be 1 or more");
    }
    rules =
        new RateLimitRules(
            new RateLimitRules.Rule(max, Duration.ofSeconds(window)),
            RateLimitRules.parse(RULES, ConfigValues.list(config, RULES)));
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    rules();
  }

  /** Whether requests are limited at all. */
  public boolean enabled() {
    return enabled;
  }

  public RateLimitRules rules() {
    return rules;
  }
}
