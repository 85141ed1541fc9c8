package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.Tokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
import java.util.Arrays;
import java.util.List;
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
    String token = Tokens.generate();
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

  /**
   * Like {@link #issue}, keeping at most {@code max} live tokens of this purpose for the user: the
   * oldest beyond that are deleted first, so asking again and again cannot pile up valid links.
   */
  public String issueCapped(String purpose, JsonObject payload, Duration ttl, int max) {
    String userId = payload.getString("userId");
    em.createNativeQuery(
            "delete from \"verification\" where \"id\" in (select \"id\" from \"verification\""
                + " where \"identifier\" like ?1 and \"value\" like ?2 escape '\\'"
                + " order by \"createdAt\" desc, \"id\" offset ?3)")
        .setParameter(1, purpose + ":%")
        .setParameter(2, "{\"userId\":\"" + escapeLike(userId) + "\"%")
        .setParameter(3, Math.max(0, max - 1))
        .executeUpdate();
    return issue(purpose, payload, ttl);
  }

  /**
   * Uses a token up: the row is locked and deleted, so of two requests racing with one token only
   * one gets {@link Redemption.Valid}. The token may be of any of the given purposes.
   */
  public Redemption redeem(String token, String... purposes) {
    Optional<Verification> found = find(token, purposes, LockModeType.PESSIMISTIC_WRITE);
    if (found.isEmpty()) {
      return new Redemption.Unknown();
    }
    Verification verification = found.get();
    em.remove(verification); // expired or not, it is of no further use
    if (verification.isExpiredAt(now())) {
      return new Redemption.Expired();
    }
    return new Redemption.Valid(verification.purpose(), parse(verification.getValue()));
  }

  /** Whether a token would redeem now, without using it up (e.g. before showing a form). */
  public Optional<JsonObject> peek(String token, String purpose) {
    return find(token, new String[] {purpose}, LockModeType.NONE)
        .filter(v -> !v.isExpiredAt(now()))
        .map(v -> parse(v.getValue()));
  }

  private Optional<Verification> find(String token, String[] purposes, LockModeType lock) {
    List<String> identifiers = Arrays.stream(purposes).map(p -> identifier(p, token)).toList();
    return em.createNamedQuery(Verification.BY_IDENTIFIERS, Verification.class)
        .setParameter("identifiers", identifiers)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static JsonObject parse(String value) {
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(value))) {
      return reader.readObject();
    }
  }

  /**
   * Deletes up to {@code max} expired, never redeemed tokens of a purpose, so that flows started
   * and abandoned (a sign-in/social nobody finished) do not pile up.
   */
  public void purgeExpired(String purpose, int max) {
    em.createNativeQuery(
            "delete from \"verification\" where \"id\" in (select \"id\" from \"verification\""
                + " where \"identifier\" like ?1 escape '\\' and \"expiresAt\" < now() limit ?2)")
        .setParameter(1, escapeLike(purpose) + ":%")
        .setParameter(2, max)
        .executeUpdate();
  }

  /** Every pending token of a user: ours ({"userId":...} first) and Better Auth's (value = id). */
  public void deleteAllOf(String userId) {
    String escaped = escapeLike(userId);
    em.createNativeQuery(
            "delete from \"verification\" where \"value\" = ?1 or \"value\" like ?2 escape '\\'")
        .setParameter(1, userId)
        .setParameter(2, "{\"userId\":\"" + escaped + "\"%")
        .executeUpdate();
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String identifier(String purpose, String token) {
    return purpose + ":" + Tokens.hash(token);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
