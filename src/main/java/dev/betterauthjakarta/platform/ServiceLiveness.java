package dev.betterauthjakarta.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code GET /health/live}): UP whenever the application answers. It deliberately asks
 * nothing of the database: a restart cannot cure an outage there, and restarting every instance
 * during one would only add a cold start to it. {@link DatabaseReadiness} reports the database.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

  /** Always UP: being called at all is the proof. */
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("service");
  }
}
