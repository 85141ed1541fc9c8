package dev.betterauthjakarta.audit;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** How long audit events are kept, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class AuditSettings {
  @Inject Config config;

  private long retentionDays;

  @PostConstruct
  void read() {
    retentionDays = ConfigValues.count(config, "better.auth.audit.retention-days", 365);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    retention();
  }

  /** How long an event is kept; empty keeps every event for good ({@code 0}). */
  public Optional<Duration> retention() {
    return retentionDays == 0 ? Optional.empty() : Optional.of(Duration.ofDays(retentionDays));
  }
}
