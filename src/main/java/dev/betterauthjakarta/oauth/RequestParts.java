package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.Body;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks the start requests share for their array and map fields. */
final class RequestParts {
  /** RFC 6749 scope-token characters. */
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");

  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final int MAX_SCOPES = 50;
  private static final int MAX_PARAMS = 20;
  private static final int MAX_PARAM_VALUE = 1024;

  private RequestParts() {}

  /**
   * {@code scopes}: an array of scope tokens.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR
   */
  static List<String> scopes(JsonArray scopes) {
    if (scopes == null) {
      return List.of();
    }
    if (scopes.size() > MAX_SCOPES) {
      throw Body.invalid("scopes", "Too big: expected array to have <=" + MAX_SCOPES + " items");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      JsonValue v = scopes.get(i);
      if (!(v instanceof JsonString s)) {
        throw Body.invalid(
            "scopes." + i, "Invalid input: expected string, received " + typeName(v));
      }
      if (!SCOPE.matcher(s.getString()).matches()) {
        throw Body.invalid("scopes." + i, "Invalid scope");
      }
      if (!out.contains(s.getString())) {
        out.add(s.getString());
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code additionalParams}: string values, names the service does not set itself.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR
   */
  static Map<String, String> params(JsonObject params) {
    if (params == null) {
      return Map.of();
    }
    if (params.size() > MAX_PARAMS) {
      throw Body.invalid(
          "additionalParams", "Too big: expected object to have <=" + MAX_PARAMS + " keys");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      String name = e.getKey();
      if (!PARAM_NAME.matcher(name).matches()) {
        throw Body.invalid("additionalParams", "Invalid parameter name");
      }
      if (OAuthSettings.RESERVED_PARAMS.contains(name)) {
        throw Body.invalid(
            "additionalParams", "Reserved parameter \"" + name + "\" cannot be overridden");
      }
      if (!(e.getValue() instanceof JsonString s)) {
        throw Body.invalid(
            "additionalParams." + name,
            "Invalid input: expected string, received " + typeName(e.getValue()));
      }
      if (s.getString().length() > MAX_PARAM_VALUE) {
        throw Body.invalid(
            "additionalParams." + name,
            "Too big: expected string to have <=" + MAX_PARAM_VALUE + " characters");
      }
      out.put(name, s.getString());
    }
    return Map.copyOf(out);
  }

  private static String typeName(JsonValue v) {
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
