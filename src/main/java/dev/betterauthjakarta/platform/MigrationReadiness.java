package dev.betterauthjakarta.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code migrations}: DOWN while the database lacks a migration this WAR carries
 * (pending: for example a row of Flyway's history removed, or the schema restored from an older
 * backup) or holds a failed one (another instance's migration broke off). The service migrates at
 * deployment and does not start when that fails ({@link Migrations}); this check notices what
 * changes afterwards, by one query of Flyway's history table, bounded like {@link
 * DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
public class MigrationReadiness implements HealthCheck {
  @Resource(lookup = "jdbc/betterauth")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @Inject Migrations migrations;

  private final BoundedProbe<State> probe = new BoundedProbe<>(this::read);

  /** What the history says: the versions not applied and those that failed. */
  record State(Set<String> pending, Set<String> failed, boolean readable) {
    boolean up() {
      return readable && pending.isEmpty() && failed.isEmpty();
    }

    static final State UNREADABLE = new State(Set.of(), Set.of(), false);
  }

  /**
   * UP when every migration the WAR carries was applied successfully and none failed; DOWN
   * otherwise, or when the history cannot be read within {@value
   * DatabaseReadiness#ANSWER_WITHIN_SECONDS} s. The data names the pending and failed versions
   * (schema versions are no secret).
   */
  @Override
  public HealthCheckResponse call() {
    State state = probe.answer(executor, DatabaseReadiness.ANSWER_WITHIN_SECONDS, State.UNREADABLE);
    var response = HealthCheckResponse.named("migrations").status(state.up());
    if (!state.pending().isEmpty()) {
      response.withData("pending", String.join(",", state.pending()));
    }
    if (!state.failed().isEmpty()) {
      response.withData("failed", String.join(",", state.failed()));
    }
    return response.build();
  }

  private State read() {
    Map<String, Boolean> history = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select version, success from flyway_schema_history where version is not null")) {
      while (rs.next()) {
        history.merge(rs.getString(1), rs.getBoolean(2), Boolean::logicalAnd);
      }
    } catch (SQLException | RuntimeException e) {
      return State.UNREADABLE;
    }
    return state(migrations.carriedVersions(), history);
  }

  /**
   * Compares what the WAR carries with what the database applied.
   *
   * @param carried the versions of the WAR's migrations; empty means not migrated yet (DOWN)
   * @param history each version in Flyway's history and whether every row of it succeeded
   * @return the pending and failed versions, sorted
   */
  static State state(Set<String> carried, Map<String, Boolean> history) {
    if (carried.isEmpty()) {
      return State.UNREADABLE;
    }
    Set<String> pending = new TreeSet<>();
    for (String version : carried) {
      if (!Boolean.TRUE.equals(history.get(version))) {
        pending.add(version);
      }
    }
    Set<String> failed = new TreeSet<>();
    history.forEach(
        (version, success) -> {
          if (!success) {
            failed.add(version);
          }
        });
    pending.removeAll(failed);
    return new State(pending, failed, true);
  }
}
