package dev.betterauthjakarta.audit;

import dev.betterauthjakarta.platform.ClientAddresses;
import dev.betterauthjakarta.platform.SafeText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way into the audit trail. {@link #record} joins the caller's transaction and refuses to
 * run without one ({@code MANDATORY}), so an event commits exactly when the change it describes
 * commits: a rolled-back change leaves no event. {@link #recordAlone} is for what happens although
 * the request fails (a failed sign-in), in a transaction of its own. The client's address (as
 * {@link ClientAddresses} resolved it) and User-Agent come from the current request, if any.
 */
@Stateless
public class AuditTrail {
  private static final int MAX_TEXT = 512;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject HttpServletRequest request;

  /** Records an event in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(AuditAction action, Actor actor, String targetUserId, Changes changes) {
    write(action, actor, targetUserId, changes);
  }

  /** Records an event in a transaction of its own, committed whatever the caller does next. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAlone(AuditAction action, Actor actor, String targetUserId, Changes changes) {
    write(action, actor, targetUserId, changes);
  }

  private void write(AuditAction action, Actor actor, String targetUserId, Changes changes) {
    String ip = null;
    String agent = null;
    try {
      ip = clip(ClientAddresses.of(request));
      agent = clip(request.getHeader("User-Agent"));
    } catch (RuntimeException e) {
      // No request (a timer, the start-up, background work): the event has no origin.
    }
    em.persist(
        new AuditEvent(
            UUID.randomUUID().toString(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            action.wire(),
            actor,
            targetUserId,
            ip,
            agent,
            changes.toJson()));
  }

  /** The page of events the query asks for, newest first. */
  public AuditPage list(AuditQuery query) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    query
        .userId()
        .ifPresent(
            u -> {
              where.append(
                  " and (e.actorUserId = :user or e.targetUserId = :user"
                      + " or e.impersonatorUserId = :user)");
              params.put("user", u);
            });
    query
        .action()
        .ifPresent(
            a -> {
              where.append(" and e.action = :action");
              params.put("action", a);
            });
    query
        .from()
        .ifPresent(
            f -> {
              where.append(" and e.createdAt >= :from");
              params.put("from", f);
            });
    query
        .to()
        .ifPresent(
            t -> {
              where.append(" and e.createdAt < :to");
              params.put("to", t);
            });
    TypedQuery<AuditEvent> select =
        em.createQuery(
                "select e from AuditEvent e" + where + " order by e.createdAt desc, e.id desc",
                AuditEvent.class)
            .setFirstResult(query.offset())
            .setMaxResults(query.limit());
    TypedQuery<Long> count =
        em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
    params.forEach(
        (k, v) -> {
          select.setParameter(k, v);
          count.setParameter(k, v);
        });
    List<AuditEventView> events = select.getResultStream().map(AuditEventView::from).toList();
    return new AuditPage(events, count.getSingleResult(), query.limit(), query.offset());
  }

  /** Deletes the events created before {@code cutoff}; the retention job's only statement. */
  public int purgeBefore(Instant cutoff) {
    return em.createNamedQuery(AuditEvent.DELETE_BEFORE)
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static String clip(String s) {
    if (s == null) {
      return null;
    }
    String clean = SafeText.clean(s);
    if (clean.length() > MAX_TEXT) {
      clean = clean.substring(0, MAX_TEXT);
      if (Character.isHighSurrogate(clean.charAt(MAX_TEXT - 1))) {
        clean = clean.substring(0, MAX_TEXT - 1);
      }
    }
    return clean;
  }
}
