package dev.betterauthjakarta.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Better Auth's rate limiter on its {@code "rateLimit"} table, so that every instance of the
 * service sharing the database counts together. One statement decides and counts atomically (the
 * row is locked by the upsert, so concurrent requests on any instance queue on it), with the
 * database's clock, so instances whose clocks differ still agree: a key seen for the first time or
 * idle for a whole window starts again at 1; below the maximum it counts one more; at the maximum
 * it is refused and not counted. Each accepted request moves {@code lastRequest} forward, so the
 * window slides, as in Better Auth 1.7.
 */
@Stateless
public class RateLimiter {
  private static final String NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

  @PersistenceContext EntityManager em;

  /**
   * Counts a request under {@code key}, if the rule allows it.
   *
   * @return empty when allowed, else the seconds until the client may try again
   */
  public OptionalLong consume(String key, RateLimitRules.Rule rule) {
    long window = rule.window().toMillis();
    List<?> counted =
        em.createNativeQuery(
                "insert into \"rateLimit\" as r (\"id\", \"key\", \"count\", \"lastRequest\")"
                    + " values (?1, ?2, 1, "
                    + NOW_MS
                    + ") on conflict (\"key\") do update set \"count\" = case when"
                    + " excluded.\"lastRequest\" - r.\"lastRequest\" >= ?3 then 1 else r.\"count\""
                    + " + 1 end, \"lastRequest\" = excluded.\"lastRequest\" where"
                    + " excluded.\"lastRequest\" - r.\"lastRequest\" >= ?3 or r.\"count\" < ?4"
                    + " returning r.\"count\"")
            .setParameter(1, UUID.randomUUID().toString())
            .setParameter(2, key)
            .setParameter(3, window)
            .setParameter(4, rule.max())
            .getResultList();
    if (!counted.isEmpty()) {
      return OptionalLong.empty();
    }
    List<?> wait =
        em.createNativeQuery(
                "select ceil((\"lastRequest\" + ?1 - "
                    + NOW_MS
                    + ") / 1000.0)::bigint from \"rateLimit\" where \"key\" = ?2")
            .setParameter(1, window)
            .setParameter(2, key)
            .getResultList();
    long seconds = wait.isEmpty() ? 1 : ((Number) wait.get(0)).longValue();
    return OptionalLong.of(Math.max(1, seconds));
  }

  /** Deletes the counters of keys idle longer than {@code idle}: they would start at 1 anyway. */
  public int sweep(Duration idle) {
    return em.createNativeQuery(
            "delete from \"rateLimit\" where \"lastRequest\" < " + NOW_MS + " - ?1")
        .setParameter(1, idle.toMillis())
        .executeUpdate();
  }
}
