package dev.betterauthjakarta.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code GET /health/ready}, served by the server's MicroProfile Health): DOWN while the
 * database cannot hand out a working connection, so a load balancer stops sending requests that
 * could only answer 503.
 *
 * <p>The probe takes a connection from the pool (which validates it) and asks the driver whether it
 * still answers. When the database stalls, the pool's timeouts bound the probe, but at
 * DATABASE_TIMEOUT for each idle connection the pool checks and then for a new one; a readiness
 * probe must answer sooner than that. So the check waits at most {@value #ANSWER_WITHIN_SECONDS} s
 * for the probe and says DOWN if it has not finished ({@link BoundedProbe}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  /** Seconds a readiness check waits for its probe; a healthy database answers in milliseconds. */
  static final int ANSWER_WITHIN_SECONDS = 2;

  @Resource(lookup = "jdbc/betterauth")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private final BoundedProbe<Boolean> probe = new BoundedProbe<>(this::databaseAnswers);

  /**
   * UP when a pooled connection answered within {@value #ANSWER_WITHIN_SECONDS} s, DOWN otherwise.
   * The answer names no error: the endpoint is public, and the 503s of the same outage are logged.
   */
  @Override
  public HealthCheckResponse call() {
    boolean up = probe.answer(executor, ANSWER_WITHIN_SECONDS, false);
    return HealthCheckResponse.named("database").status(up).build();
  }

  private boolean databaseAnswers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(ANSWER_WITHIN_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
