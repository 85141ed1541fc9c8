package dev.betterauthjakarta.platform;

import jakarta.persistence.EntityManager;
import java.util.Arrays;

/**
 * Transaction-scoped PostgreSQL advisory locks on names such as {@code email:ada@example.com}. Two
 * requests claiming the same email or username queue on the lock, so the second one's "is it
 * taken?" query sees the first one's committed row and answers with the proper error instead of
 * tripping the unique constraint. The constraint stays as the last line of defence.
 */
public final class AdvisoryLocks {
  private AdvisoryLocks() {}

  public static void lock(EntityManager em, String... names) {
    String[] sorted = names.clone();
    Arrays.sort(
        sorted); // one global order, so two transactions never wait on each other in a cycle
    for (String name : sorted) {
      em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
          .setParameter(1, name)
          .getResultList();
    }
  }
}
