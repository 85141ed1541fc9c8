package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.FirstFactor;
import dev.betterauthjakarta.session.SecondFactor;
import dev.betterauthjakarta.session.SessionCredentials;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The second factor's answer to the core's sign-in gate ({@link SecondFactor}): a user with
 * two-factor on gets a pending sign-in (10 minutes, single use, stored as the SHA-256 of its
 * handle) instead of a session, unless the browser is a trusted device of the user or the identity
 * provider is configured as one whose {@code amr: ["mfa"]} is believed.
 */
@Stateless
public class TwoFactorGate implements SecondFactor {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TwoFactorSettings settings;
  @Inject SessionCredentials credentials;

  @Override
  public Optional<Pending> challenge(
      User user, FirstFactor proof, boolean rememberMe, ClientInfo client) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (settings.providerAssertsMfa(proof.providerId(), proof.amr())) {
      return Optional.empty();
    }
    Optional<String> trustToken = credentials.trustedDeviceToken(client.trustedDevice());
    if (trustToken.isPresent()) {
      TrustedDevice device = em.find(TrustedDevice.class, Tokens.hash(trustToken.get()));
      if (device != null && device.trusts(user.getId(), now)) {
        return Optional.empty();
      }
    }
    // Abandoned pending sign-ins and expired trust go as new ones come (bounded sweeps).
    em.createNativeQuery(
            "delete from \"twoFactorChallenge\" where \"id\" in (select \"id\" from"
                + " \"twoFactorChallenge\" where \"expiresAt\" < ?1 limit 100)")
        .setParameter(1, java.sql.Timestamp.from(now))
        .executeUpdate();
    em.createNativeQuery(
            "delete from \"twoFactorTrustedDevice\" where \"id\" in (select \"id\" from"
                + " \"twoFactorTrustedDevice\" where \"expiresAt\" < ?1 limit 100)")
        .setParameter(1, java.sql.Timestamp.from(now))
        .executeUpdate();
    String token = Tokens.generate();
    em.persist(
        new Challenge(
            Tokens.hash(token),
            user.getId(),
            null,
            rememberMe,
            now,
            now.plusSeconds(SessionCredentials.PENDING_SIGN_IN_SECONDS)));
    boolean totp =
        em.createNamedQuery(TwoFactor.BY_USER, TwoFactor.class)
            .setParameter("userId", user.getId())
            .getResultStream()
            .anyMatch(TwoFactor::isVerified);
    return Optional.of(new Pending(token, totp ? List.of("totp", "otp") : List.of("otp")));
  }

  @Override
  public void abandon(String handle) {
    if (handle.length() <= 64) {
      Challenge c = em.find(Challenge.class, Tokens.hash(handle));
      if (c != null && c.getSessionId() == null) {
        em.remove(c);
      }
    }
  }
}
