package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.SessionTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use, expiring tokens for mailed links. Only the token's hash is stored; consuming one
 * locks and deletes its row, so two requests racing with one token cannot both succeed.
 */
@Stateless
public class VerificationService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * A new token for {@code purpose}; {@code payload} must carry the user's id under "userId"
   * (written first, which is how {@link #deleteAllOf} finds the rows of a user).
   */
  public String issue(String purpose, JsonObject payload, Duration ttl) {
    String token = SessionTokens.generate();
    Instant now = now();
    em.persist(
        new Verification(
            UUID.randomUUID().toString(),
            identifier(purpose, token),
            payload.toString(),
            now,
            now.plus(ttl)));
    return token;
  }

  /** The payload of a valid token, which is used up; INVALID_TOKEN or TOKEN_EXPIRED otherwise. */
  public JsonObject consume(String purpose, String token) {
    Optional<Verification> found =
        em.createNamedQuery(Verification.BY_IDENTIFIER, Verification.class)
            .setParameter("identifier", identifier(purpose, token))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      throw new AuthException(ErrorCode.INVALID_TOKEN);
    }
    Verification verification = found.get();
    if (verification.isExpiredAt(now())) {
      // Removed in a transaction that rolls back with the error; the row then simply expires.
      throw new AuthException(ErrorCode.TOKEN_EXPIRED);
    }
    em.remove(verification);
    try (JsonReader reader = Json.createReader(new StringReader(verification.getValue()))) {
      return reader.readObject();
    }
  }

  /** Every pending token of a user: ours ({"userId":...} first) and Better Auth's (value = id). */
  public void deleteAllOf(String userId) {
    String escaped = userId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    em.createNativeQuery(
            "delete from \"verification\" where \"value\" = ?1 or \"value\" like ?2 escape '\\'")
        .setParameter(1, userId)
        .setParameter(2, "{\"userId\":\"" + escaped + "\"%")
        .executeUpdate();
  }

  private static String identifier(String purpose, String token) {
    return purpose + ":" + SessionTokens.hash(token);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
