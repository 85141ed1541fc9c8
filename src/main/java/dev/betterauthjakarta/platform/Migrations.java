package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at deployment, before any request is served. An existing Better Auth
 * database (tables but no Flyway history) is baselined at version 0, so the idempotent V1 still
 * runs over it and adds only what is missing.
 *
 * <p>The pool bounds every statement to a few seconds (DATABASE_TIMEOUT) so that requests fail fast
 * when the database stalls. A migration is no request: indexing a large table, or waiting for
 * another instance that holds Flyway's lock, takes longer. So Flyway's connections run without
 * those limits and get them back when Flyway returns them.
 *
 * <p>A database that refuses the connection or a migration that fails stops the start with one log
 * line ({@link StartupFailure}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway runs its own transactions
public class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = "jdbc/betterauth")
  DataSource dataSource;

  /** The versions of every migration the WAR carries, known once {@link #migrate} ran. */
  private volatile Set<String> carried = Set.of();

  @PostConstruct
  void migrate() {
    StartupFailure.checkConnection(dataSource); // before anything else
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(new UnboundedDataSource(dataSource))
            .locations("classpath:db/migration")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            // Features add their own idempotent, independent migrations (V3 admin, V4 two-factor,
            // built in parallel); a database that ran a higher one still takes a lower one that
            // arrives later, instead of refusing to start. Order between them is free.
            .outOfOrder(true)
            .load();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (RuntimeException e) {
      throw StartupFailure.report("the database migration failed", "", e);
    }
    carried =
        Arrays.stream(flyway.info().all())
            .filter(m -> m.getState().isResolved() && m.getVersion() != null)
            .filter(m -> m.getState() != MigrationState.BASELINE)
            .map(m -> m.getVersion().getVersion())
            .collect(Collectors.toUnmodifiableSet());
    LOG.info(
        "Database schema at version "
            + result.targetSchemaVersion
            + " ("
            + result.migrationsExecuted
            + " migration(s) applied now)");
  }

  /**
   * The versions of the migrations this WAR carries (for example {@code "1"}, {@code "4"}), which a
   * database it may serve has all applied.
   *
   * @return the versions, empty before the migration at deployment finished
   */
  @Lock(LockType.READ)
  public Set<String> carriedVersions() {
    return carried;
  }

  /**
   * Hands out the pool's connections with statement_timeout and the driver's socket timeout off,
   * and restores both when the last handle to a physical connection is closed. Payara may hand the
   * same physical connection to two of Flyway's getConnection calls on one thread, and they are not
   * always closed in reverse order; so the limits are lifted once per physical connection (the
   * object {@code unwrap(Connection.class)} returns), counted, and restored to the value the first
   * connection had before anything was changed, which is the pool's.
   */
  private static final class UnboundedDataSource implements DataSource {
    private final DataSource pool;
    private final Map<Connection, Integer> handles = new IdentityHashMap<>();
    private Integer poolNetworkTimeout;

    UnboundedDataSource(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return unbounded(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return unbounded(pool.getConnection(username, password));
    }

    private synchronized Connection unbounded(Connection c) throws SQLException {
      Connection physical = c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
      if (poolNetworkTimeout == null) {
        poolNetworkTimeout = c.getNetworkTimeout();
      }
      int open = handles.merge(physical, 1, Integer::sum);
      if (open == 1) {
        c.setNetworkTimeout(Runnable::run, 0);
        try (Statement s = c.createStatement()) {
          s.execute("set statement_timeout = 0");
        }
      }
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
              closing(c, physical);
            }
            try {
              return method.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return (Connection)
          Proxy.newProxyInstance(
              Migrations.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** Back to the pool's limits once no handle uses the physical connection any more. */
    private synchronized void closing(Connection c, Connection physical) throws SQLException {
      Integer open = handles.get(physical);
      if (open == null) {
        return; // closed twice
      }
      if (open > 1) {
        handles.put(physical, open - 1);
        return;
      }
      handles.remove(physical);
      if (c.isClosed()) {
        return;
      }
      try (Statement s = c.createStatement()) {
        s.execute("reset statement_timeout"); // the session's default: the pool's startup option
      }
      c.setNetworkTimeout(Runnable::run, poolNetworkTimeout);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}
