package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.SecretCipher;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.verification.Redemption;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The server-side halves of a redirect flow, as single-use verification rows stored by the hash of
 * their token ({@link VerificationService}): the flow behind a {@code state} (10 minutes), and for
 * bearer-only clients the provider's answer waiting behind an exchange code (60 seconds, its tokens
 * sealed and bound to the client's secret).
 */
@Stateless
public class OAuthFlows {
  static final String STATE = "oauth-state";
  static final String EXCHANGE = "oauth-exchange";
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  static final Duration EXCHANGE_LIFETIME = Duration.ofSeconds(60);

  @Inject VerificationService verifications;
  @Inject ServiceSettings service;

  /** Stores the flow; the answer is its {@code state} (32 random characters). */
  public String begin(Flow flow) {
    verifications.purgeExpired(STATE, 100);
    verifications.purgeExpired(EXCHANGE, 100);
    return verifications.issue(STATE, flow.toJson(), STATE_LIFETIME);
  }

  /** Uses the flow of a {@code state} up; empty for an unknown, used or expired one. */
  public Optional<Flow> take(String state) {
    if (state.length() > 256) {
      return Optional.empty();
    }
    return verifications.redeem(state, STATE) instanceof Redemption.Valid v
        ? Optional.of(Flow.fromJson(v.payload()))
        : Optional.empty();
  }

  /** What waits behind an exchange code. */
  record Pending(Flow flow, ProviderProfile profile, ProviderTokens tokens) {}

  /** Parks the provider's answer for the client that holds the flow's secret; returns the code. */
  public String hold(Flow flow, ProviderProfile profile, ProviderTokens tokens) {
    SecretCipher cipher = service.secretCipher();
    String context = EXCHANGE + ":" + flow.exchangeSecretHash();
    JsonObjectBuilder t = Jsons.PROVIDER.createObjectBuilder();
    seal(t, "accessToken", tokens.accessToken(), cipher, context);
    seal(t, "refreshToken", tokens.refreshToken(), cipher, context);
    seal(t, "idToken", tokens.idToken(), cipher, context);
    if (tokens.accessTokenExpiresAt() != null) {
      t.add("accessTokenExpiresAt", tokens.accessTokenExpiresAt().toString());
    }
    if (tokens.refreshTokenExpiresAt() != null) {
      t.add("refreshTokenExpiresAt", tokens.refreshTokenExpiresAt().toString());
    }
    var scopes = Jsons.PROVIDER.createArrayBuilder();
    tokens.scopes().forEach(scopes::add);
    t.add("scopes", scopes);
    JsonObject payload =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("userId", flow.userId())
            .add("flow", flow.toJson())
            .add("profile", profile.toJson())
            .add("tokens", t)
            .build();
    return verifications.issue(EXCHANGE, payload, EXCHANGE_LIFETIME);
  }

  /**
   * Uses an exchange code up (whatever the secret: a wrong guess burns it) and returns what waits
   * behind it, if the secret is the flow's.
   */
  public Optional<Pending> redeem(String code, String secret) {
    if (code.length() > 256 || secret.length() > 256) {
      return Optional.empty();
    }
    if (!(verifications.redeem(code, EXCHANGE) instanceof Redemption.Valid v)) {
      return Optional.empty();
    }
    Flow flow = Flow.fromJson(v.payload().getJsonObject("flow"));
    String presented = Tokens.hash(secret);
    if (flow.exchangeSecretHash() == null
        || !MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.US_ASCII),
            flow.exchangeSecretHash().getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    SecretCipher cipher = service.secretCipher();
    String context = EXCHANGE + ":" + flow.exchangeSecretHash();
    JsonObject t = v.payload().getJsonObject("tokens");
    ProviderTokens tokens;
    try {
      tokens =
          new ProviderTokens(
              open(t, "accessToken", cipher, context),
              open(t, "refreshToken", cipher, context),
              open(t, "idToken", cipher, context),
              instant(t, "accessTokenExpiresAt"),
              instant(t, "refreshTokenExpiresAt"),
              t.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList());
    } catch (IllegalStateException e) {
      return Optional.empty(); // the secret changed within the minute
    }
    return Optional.of(
        new Pending(flow, ProviderProfile.fromJson(v.payload().getJsonObject("profile")), tokens));
  }

  private static void seal(
      JsonObjectBuilder b, String key, String value, SecretCipher cipher, String context) {
    if (value != null) {
      b.add(key, cipher.seal(value, context + ":" + key));
    }
  }

  private static String open(JsonObject o, String key, SecretCipher cipher, String context) {
    String sealed = o.getString(key, null);
    return sealed == null ? null : cipher.open(sealed, context + ":" + key);
  }

  private static Instant instant(JsonObject o, String key) {
    String v = o.getString(key, null);
    return v == null ? null : Instant.parse(v);
  }
}
