package dev.betterauthjakarta.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Turns a unique-constraint violation at flush into a 409 instead of a 500. Rules check uniqueness
 * under advisory locks first, so this only fires when another writer (say a Better Auth server
 * sharing the database) races past them.
 */
public final class Conflicts {
  private static final String UNIQUE_VIOLATION = "23505";

  private Conflicts() {}

  public static void flush(EntityManager em) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new AuthException(ErrorCode.CONFLICT);
      }
      throw e;
    }
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
