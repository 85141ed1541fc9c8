package dev.betterauthjakarta.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Typed, validating access to a JSON request body. Request records are built through it, so a value
 * of the wrong JSON type or length becomes a 400 VALIDATION_ERROR naming the field ({@code
 * [body.name] ...}, Better Auth's format) instead of a 500 or a silent coercion.
 */
public final class Body {
  private final JsonObject json;

  private Body(JsonObject json) {
    this.json = json;
  }

  /** A missing body counts as {@code {}}. */
  public static Body of(JsonObject json) {
    return new Body(json == null ? JsonValue.EMPTY_JSON_OBJECT : json);
  }

  public boolean has(String key) {
    return json.containsKey(key);
  }

  public boolean isEmpty() {
    return json.isEmpty();
  }

  /** JavaScript truthiness, for rules Better Auth words as "any truthy value". */
  public boolean truthy(String key) {
    return NotSettable.Validator.isTruthy(json.get(key));
  }

  /** A string that may be absent or null. */
  public Field<String> string(String key, int maxLength) {
    JsonValue v = json.get(key);
    if (v == null) {
      return Field.absent();
    }
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return Field.of(null);
    }
    return Field.of(checkedString(key, v, maxLength));
  }

  /** A string that may be absent; null counts as absent. */
  public Optional<String> optionalString(String key, int maxLength) {
    return Optional.ofNullable(string(key, maxLength).value());
  }

  public String requiredString(String key, int maxLength) {
    JsonValue v = json.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid(key, "Invalid input: expected string, received " + typeName(v));
    }
    return checkedString(key, v, maxLength);
  }

  /** A boolean that may be absent; null counts as absent. */
  public Optional<Boolean> optionalBoolean(String key) {
    JsonValue v = json.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    return switch (v.getValueType()) {
      case TRUE -> Optional.of(true);
      case FALSE -> Optional.of(false);
      default -> throw invalid(key, "Invalid input: expected boolean, received " + typeName(v));
    };
  }

  /** An object that may be absent or null. */
  public Field<JsonObject> object(String key) {
    JsonValue v = json.get(key);
    if (v == null) {
      return Field.absent();
    }
    return switch (v.getValueType()) {
      case NULL -> Field.of(null);
      case OBJECT -> Field.of(v.asJsonObject());
      default -> throw invalid(key, "Invalid input: expected object, received " + typeName(v));
    };
  }

  public static AuthException invalid(String key, String problem) {
    return new AuthException(ErrorCode.VALIDATION_ERROR, "[body." + key + "] " + problem);
  }

  public static AuthException invalidQuery(String key, String problem) {
    return new AuthException(ErrorCode.VALIDATION_ERROR, "[query." + key + "] " + problem);
  }

  private static String checkedString(String key, JsonValue v, int maxLength) {
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(key, "Invalid input: expected string, received " + typeName(v));
    }
    String s = ((JsonString) v).getString();
    if (s.length() > maxLength) {
      throw invalid(key, "Too big: expected string to have <=" + maxLength + " characters");
    }
    return s;
  }

  /**
   * A JSON value's type as JavaScript names it in zod's messages ({@code undefined} for absent).
   */
  static String typeName(JsonValue v) {
    if (v == null) {
      return "undefined";
    }
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
