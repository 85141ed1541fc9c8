package dev.betterauthjakarta.session;

import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the session token of every request, the hottest path of the service: one read-only query
 * (the session joined with its user), without a transaction, an enterprise bean call or managed
 * entities when nothing has to be written, which is almost every request. The database is still
 * read on every request, so a revoked session or a ban is refused at once on every instance. When
 * something has to be written (an expired row to delete, an expired ban to lift, a sliding refresh
 * that is due) it hands over to {@link SessionService#authenticate}, which reads again in a
 * transaction of its own and applies the same rules.
 */
@ApplicationScoped
public class SessionResolver {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SessionSettings settings;
  @Inject SessionService sessions;

  /**
   * The caller behind a raw token, or empty for an unknown, expired or banned one (the rules of
   * {@link SessionService#authenticate}).
   *
   * @param token the raw session token (not the signed form)
   * @param allowRefresh false when the client asked for no sliding refresh ({@code disableRefresh})
   * @return the caller, or empty
   */
  public Optional<Caller> resolve(String token, boolean allowRefresh) {
    List<Object[]> rows =
        em.createNamedQuery(Session.WITH_USER_BY_TOKEN_HASH, Object[].class)
            .setParameter("token", Tokens.hash(token))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty(); // unknown token, or its user is gone (the join drops the row)
    }
    Session session = (Session) rows.get(0)[0];
    User user = (User) rows.get(0)[1];
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    boolean banExpired = user.isBanExpiredAt(now);
    boolean refreshDue =
        allowRefresh
            && !session.isShortLived(settings.shortExpiresIn())
            && session.isDueForRefresh(now, settings.expiresIn(), settings.updateAge());
    if (session.isExpiredAt(now) || banExpired || refreshDue) {
      return sessions.authenticate(token, allowRefresh); // a write is due: in a transaction
    }
    if (user.isBanned()) {
      // Bans are enforced on every request, so a banned user's sessions stop working at once.
      return Optional.empty();
    }
    boolean fresh = session.isFreshAt(now, settings.freshAge());
    return Optional.of(
        new Caller(SessionView.from(session, token), UserView.from(user), token, false, fresh));
  }
}
