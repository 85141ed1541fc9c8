package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;

/**
 * One redirect flow, from sign-in/social or link-social to the callback: what the callback must
 * know and check. Kept server-side only, in a single-use verification row named by the hash of the
 * {@code state}.
 *
 * @param userId the user a link flow links to; empty for a sign-in (first in the JSON, so the rows
 *     of a deleted user are found)
 * @param linkEmail the user's email when the flow began (link flows), else null
 * @param sessionId the session that started a link flow (the link completes only while it lasts),
 *     else null
 * @param redirectUri the redirect URI sent to the provider (the code is bound to it)
 * @param codeVerifier the PKCE verifier, or null when the provider does not use PKCE
 * @param nonce the nonce the id token must carry, or null
 * @param exchangeSecretHash for a flow finished by exchange code (bearer-only clients), the SHA-256
 *     of the secret handed to the client; null for a browser flow (state cookie)
 */
record Flow(
    String userId,
    String providerId,
    String redirectUri,
    String codeVerifier,
    String nonce,
    String callbackURL,
    String errorURL,
    String newUserURL,
    String linkEmail,
    boolean requestSignUp,
    String exchangeSecretHash,
    List<String> scopes,
    String sessionId) {

  boolean isLink() {
    return linkEmail != null;
  }

  boolean finishesByExchange() {
    return exchangeSecretHash != null;
  }

  JsonObject toJson() {
    JsonObjectBuilder b =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("userId", userId)
            .add("providerId", providerId)
            .add("redirectUri", redirectUri)
            .add("callbackURL", callbackURL)
            .add("requestSignUp", requestSignUp);
    optional(b, "codeVerifier", codeVerifier);
    optional(b, "nonce", nonce);
    optional(b, "errorURL", errorURL);
    optional(b, "newUserURL", newUserURL);
    optional(b, "linkEmail", linkEmail);
    optional(b, "exchangeSecretHash", exchangeSecretHash);
    optional(b, "sessionId", sessionId);
    var s = Jsons.PROVIDER.createArrayBuilder();
    scopes.forEach(s::add);
    return b.add("scopes", s).build();
  }

  static Flow fromJson(JsonObject j) {
    return new Flow(
        j.getString("userId"),
        j.getString("providerId"),
        j.getString("redirectUri"),
        j.getString("codeVerifier", null),
        j.getString("nonce", null),
        j.getString("callbackURL"),
        j.getString("errorURL", null),
        j.getString("newUserURL", null),
        j.getString("linkEmail", null),
        j.getBoolean("requestSignUp", false),
        j.getString("exchangeSecretHash", null),
        j.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList(),
        j.getString("sessionId", null));
  }

  private static void optional(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
