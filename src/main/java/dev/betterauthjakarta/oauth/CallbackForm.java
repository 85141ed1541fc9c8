package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.SafeText;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of a posted callback, read strictly: UTF-8, {@code name=value} pairs with plain
 * parameter names and storable values. Only the callback's own parameters are passed on.
 */
final class CallbackForm {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final java.util.Set<String> PASSED_ON =
      java.util.Set.of("code", "state", "error", "error_description", "iss", "user", "device_id");
  private static final int MAX_VALUE = 8192;

  private CallbackForm() {}

  /**
   * The form's callback parameters.
   *
   * @throws AuthException 400 BAD_REQUEST for a body that is no such form
   */
  static Map<String, String> parse(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw malformed();
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (text.isBlank()) {
      return params;
    }
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!NAME.matcher(name).matches()
          || value.length() > MAX_VALUE
          || !SafeText.isStorable(value)) {
        throw malformed();
      }
      if (PASSED_ON.contains(name)) {
        params.put(name, value);
      }
    }
    return params;
  }

  static Map<String, String> of(TokenRequests.CallbackBody body) {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "code", body.code());
    put(params, "state", body.state());
    put(params, "error", body.error());
    put(params, "error_description", body.error_description());
    put(params, "iss", body.iss());
    put(params, "user", body.user());
    put(params, "device_id", body.device_id());
    return params;
  }

  /** The body's parameters over the query string's (the body wins). */
  static Map<String, String> withQuery(Map<String, String> body, String rawQuery) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        try {
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          if (PASSED_ON.contains(name)) {
            merged.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
          }
        } catch (AuthException e) {
          // the query filter already refused anything undecodable; skip the rest
        }
      }
    }
    merged.putAll(body);
    return merged;
  }

  static String query(Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach(
        (k, v) ->
            q.append(q.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
    return q.toString();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static AuthException malformed() {
    return new AuthException(ErrorCode.BAD_REQUEST, "Invalid callback form");
  }
}
