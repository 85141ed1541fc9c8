package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Field;
import dev.betterauthjakarta.platform.WireDates;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user fields an administrator may write ({@code data} of create-user and update-user), each
 * absent, {@code null} or a value, checked by JSON type and length. A key outside this list ({@code
 * id}, {@code createdAt}, {@code twoFactorEnabled}, a typo) is refused with FIELD_NOT_ALLOWED
 * rather than ignored, so an administrator's tool never believes it changed something it did not;
 * {@code password} has Better Auth's own error.
 */
record UserData(
    JsonObject raw,
    Field<String> name,
    Field<String> image,
    Field<String> username,
    Field<String> displayUsername,
    Field<JsonObject> metadata,
    Field<String> email,
    Optional<Boolean> emailVerified,
    Optional<List<String>> roles,
    Optional<Boolean> banned,
    Field<String> banReason,
    Field<Instant> banExpires) {

  static final Set<String> BAN_FIELDS = Set.of("banned", "banReason", "banExpires");
  private static final Set<String> KNOWN =
      Set.of(
          "name",
          "image",
          "username",
          "displayUsername",
          "metadata",
          "email",
          "emailVerified",
          "role",
          "banned",
          "banReason",
          "banExpires");

  /**
   * Reads {@code data}.
   *
   * @throws AuthException 400 PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER for a password, 400
   *     FIELD_NOT_ALLOWED for a key outside the list, 400 INVALID_ROLE_TYPE or VALIDATION_ERROR
   */
  static UserData parse(JsonObject data) {
    if (data.containsKey("password")) {
      throw new AuthException(ErrorCode.PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER);
    }
    for (String key : data.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new AuthException(
            ErrorCode.FIELD_NOT_ALLOWED,
            dev.betterauthjakarta.platform.SafeText.quotable(key, 64)
                + " is not allowed to be set");
      }
    }
    Body body = Body.of(data);
    JsonValue role = data.get("role");
    if (role != null
        && role.getValueType() != JsonValue.ValueType.NULL
        && role.getValueType() != JsonValue.ValueType.STRING
        && role.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new AuthException(ErrorCode.INVALID_ROLE_TYPE); // Better Auth: typeof role !== string
    }
    Optional<List<String>> roles =
        role == null
            ? Optional.empty()
            : role.getValueType() == JsonValue.ValueType.NULL
                ? Optional.of(List.of())
                : Optional.of(AdminRequests.roles("data.role", role));
    Field<String> username = body.string("username", 1024);
    if (username.hasValue()) {
      Usernames.validate(username.value());
    }
    return new UserData(
        data,
        body.string("name", 256),
        body.string("image", 2048),
        username,
        body.string("displayUsername", Usernames.MAX_DISPLAY_LENGTH),
        body.object("metadata"),
        body.string("email", 1024),
        body.optionalBoolean("emailVerified"),
        roles,
        body.optionalBoolean("banned"),
        body.string("banReason", 1024),
        date(data, "banExpires"));
  }

  boolean isEmpty() {
    return raw.isEmpty();
  }

  boolean hasBanFields() {
    return BAN_FIELDS.stream().anyMatch(raw::containsKey);
  }

  boolean hasEmailFields() {
    return raw.containsKey("email") || raw.containsKey("emailVerified");
  }

  private static Field<Instant> date(JsonObject data, String key) {
    JsonValue v = data.get(key);
    if (v == null) {
      return Field.absent();
    }
    return switch (v.getValueType()) {
      case NULL -> Field.of(null);
      case STRING -> {
        try {
          yield Field.of(WireDates.parse(((JsonString) v).getString()));
        } catch (DateTimeParseException e) {
          throw Body.invalid("data." + key, "Invalid input: expected date, received string");
        }
      }
      case NUMBER -> {
        JsonNumber n = (JsonNumber) v;
        if (!n.isIntegral()
            || n.bigDecimalValue()
                    .abs()
                    .compareTo(java.math.BigDecimal.valueOf(8_640_000_000_000_000L))
                > 0) {
          throw Body.invalid("data." + key, "Invalid input: expected date, received number");
        }
        yield Field.of(Instant.ofEpochMilli(n.longValue()));
      }
      default ->
          throw Body.invalid(
              "data." + key, "Invalid input: expected date, received " + AdminRequests.typeName(v));
    };
  }
}
