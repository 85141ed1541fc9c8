package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin routes' request bodies, bound strictly by JSON type. {@code userId} is Better Auth's
 * {@code z.coerce.string()}: a string, or a number taken as its text; anything else (or nothing) is
 * a VALIDATION_ERROR. Roles are a string or an array of strings.
 */
public final class AdminRequests {
  static final int MAX_ID = 256;
  static final int MAX_ROLE = 1024;

  private AdminRequests() {}

  /** A body that names a user: unban-user, list-user-sessions, impersonate-user, ... */
  public record UserIdRequest(JsonValue userId) {
    public UserIdRequest {
      coerceUserId(userId);
    }

    public String id() {
      return coerceUserId(userId);
    }
  }

  /** set-role. */
  public record SetRoleRequest(JsonValue userId, JsonValue role) {
    public SetRoleRequest {
      coerceUserId(userId);
      if (role == null) {
        throw Body.invalid("role", "Invalid input: expected string, received undefined");
      }
      roles("role", role);
    }

    public String id() {
      return coerceUserId(userId);
    }

    List<String> roleList() {
      return roles("role", role);
    }
  }

  /** ban-user: a reason and an expiry in seconds from now, both optional. */
  public record BanUserRequest(
      JsonValue userId,
      @Size(max = 1024, message = Messages.TOO_BIG) String banReason,
      JsonValue banExpiresIn) {
    public BanUserRequest {
      coerceUserId(userId);
      expiresIn(banExpiresIn);
    }

    public String id() {
      return coerceUserId(userId);
    }

    /** The ban's length; empty when not given (or 0, which JavaScript reads as not given). */
    Optional<Long> expiresInSeconds() {
      return expiresIn(banExpiresIn);
    }
  }

  /** revoke-user-session: the session's token (raw, signed, or the hash the lists show). */
  public record RevokeUserSessionRequest(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 1024, message = Messages.TOO_BIG)
          String sessionToken) {}

  /** set-user-password. */
  public record SetUserPasswordRequest(
      @NotNull(message = Messages.REQUIRED_STRING)
          @Size(min = 1, message = "Too small: expected string to have >=1 characters")
          @Length(min = PasswordHasher.MIN_LENGTH, code = ErrorCode.PASSWORD_TOO_SHORT)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
          String newPassword,
      JsonValue userId) {
    public SetUserPasswordRequest {
      coerceUserId(userId);
    }

    public String id() {
      return coerceUserId(userId);
    }
  }

  /** create-user: email and name required; password, role and data optional. */
  public record CreateUserRequest(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 1024, message = Messages.TOO_BIG)
          String email,
      @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG) String password,
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 256, message = Messages.TOO_BIG)
          String name,
      JsonValue role,
      JsonObject data) {
    public CreateUserRequest {
      if (role != null && role.getValueType() != JsonValue.ValueType.NULL) {
        roles("role", role);
      }
    }

    /** The password, if one is given (an empty one, as in Better Auth, is none). */
    Optional<String> givenPassword() {
      return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }
  }

  /**
   * Better Auth's coerced user id.
   *
   * @throws AuthException 400 VALIDATION_ERROR for a missing value or one of another JSON type
   */
  static String coerceUserId(JsonValue value) {
    String text =
        switch (value == null ? JsonValue.ValueType.NULL : value.getValueType()) {
          case STRING -> ((JsonString) value).getString();
          case NUMBER -> ((JsonNumber) value).toString();
          default ->
              throw Body.invalid(
                  "userId",
                  "Invalid input: expected string, received "
                      + (value == null ? "undefined" : typeName(value)));
        };
    if (text.length() > MAX_ID) {
      throw Body.invalid("userId", "Too big: expected string to have <=" + MAX_ID + " characters");
    }
    return text;
  }

  /**
   * A role given as a string or an array of strings.
   *
   * @throws AuthException 400 INVALID_ROLE_TYPE for an array element that is no string, 400
   *     VALIDATION_ERROR for another JSON type or an over-long value
   */
  static List<String> roles(String field, JsonValue value) {
    List<String> roles = new ArrayList<>();
    switch (value.getValueType()) {
      case STRING -> roles.add(((JsonString) value).getString());
      case ARRAY -> {
        for (JsonValue element : (JsonArray) value) {
          if (element.getValueType() != JsonValue.ValueType.STRING) {
            throw new AuthException(ErrorCode.INVALID_ROLE_TYPE);
          }
          roles.add(((JsonString) element).getString());
        }
      }
      default ->
          throw Body.invalid(field, "Invalid input: expected string, received " + typeName(value));
    }
    if (String.join(",", roles).length() > MAX_ROLE) {
      throw Body.invalid(field, "Too big: expected string to have <=" + MAX_ROLE + " characters");
    }
    return roles;
  }

  private static Optional<Long> expiresIn(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw Body.invalid(
          "banExpiresIn", "Invalid input: expected number, received " + typeName(value));
    }
    JsonNumber n = (JsonNumber) value;
    double seconds = n.doubleValue();
    if (!Double.isFinite(seconds) || seconds < 0 || seconds > 100L * 365 * 24 * 3600) {
      throw Body.invalid(
          "banExpiresIn", "Too big: expected a number of seconds from 0 to 100 years");
    }
    long whole = (long) Math.ceil(seconds);
    return whole == 0 ? Optional.empty() : Optional.of(whole);
  }

  static String typeName(JsonValue v) {
    return switch (v.getValueType()) {
      case NULL -> "null";
      case TRUE, FALSE -> "boolean";
      case NUMBER -> "number";
      case STRING -> "string";
      case ARRAY -> "array";
      case OBJECT -> "object";
    };
  }
}
