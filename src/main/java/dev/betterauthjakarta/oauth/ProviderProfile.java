package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.SafeText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Who the provider says the user is: its stable id for the user (the account's {@code accountId})
 * and the profile it reports.
 *
 * @param email lower-cased, or null when the provider gave none
 * @param emailVerified whether the provider asserts that the user controls the email
 * @param raw the provider's profile as it sent it (account-info's {@code data})
 */
public record ProviderProfile(
    String accountId,
    String email,
    boolean emailVerified,
    String name,
    String image,
    JsonObject raw) {

  private static final int MAX_NAME = 256;
  private static final int MAX_IMAGE = 2048;

  /**
   * What a provider sends is input like any other: an email that is no valid address counts as
   * none, and name and picture are cleaned of what the database cannot store and cut to the limits
   * sign-up applies.
   */
  public ProviderProfile {
    String e = email == null ? null : email.trim();
    email = e == null || !Emails.isValid(e) ? null : Emails.normalize(e);
    name = clip(name, MAX_NAME);
    image = clip(image, MAX_IMAGE);
    raw = raw == null ? JsonValue.EMPTY_JSON_OBJECT : raw;
  }

  /**
   * Whether {@code accountId} can be the provider's stable id for a user: not empty, not the text a
   * missing value turns into, storable and of sane length.
   */
  static boolean isUsableSubject(String accountId) {
    return accountId != null
        && !accountId.isBlank()
        && !accountId.equals("undefined")
        && !accountId.equals("null")
        && accountId.length() <= 255
        && SafeText.isStorable(accountId)
        && accountId.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean = SafeText.clean(s).strip();
    if (clean.length() > max) {
      clean = clean.substring(0, Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max);
    }
    return clean.isEmpty() ? null : clean;
  }

  /**
   * The authentication methods the provider's id token names (RFC 8176 {@code amr}), strings only;
   * empty when it names none.
   */
  public List<String> amr() {
    JsonValue v = raw.get("amr");
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    return v.asJsonArray().stream()
        .filter(x -> x.getValueType() == JsonValue.ValueType.STRING)
        .map(x -> ((JsonString) x).getString())
        .toList();
  }

  /** The profile as a pending sign-in keeps it (without the raw data but its amr). */
  JsonObject toJson() {
    var b =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("accountId", accountId)
            .add("emailVerified", emailVerified);
    if (!amr().isEmpty()) {
      b.add("amr", Jsons.PROVIDER.createArrayBuilder(amr()));
    }
    if (email != null) {
      b.add("email", email);
    }
    if (name != null) {
      b.add("name", name);
    }
    if (image != null) {
      b.add("image", image);
    }
    return b.build();
  }

  static ProviderProfile fromJson(JsonObject json) {
    return new ProviderProfile(
        json.getString("accountId"),
        json.getString("email", null),
        json.getBoolean("emailVerified", false),
        json.getString("name", null),
        json.getString("image", null),
        json.containsKey("amr")
            ? Jsons.PROVIDER.createObjectBuilder().add("amr", json.getJsonArray("amr")).build()
            : null);
  }
}
