package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The query string and path hold only storable UTF-8 text: every parameter name and value, once
 * percent-decoded, must be well-formed UTF-8 without U+0000 or an unpaired surrogate ({@link
 * SafeText}). The runtime would otherwise decode {@code %FF} or {@code %ED%A0%80} into U+FFFD and
 * pass {@code %00} on, so a token field could carry what the body refuses. A bad parameter answers
 * 400 VALIDATION_ERROR {@code [query.<name>] ...}, a bad path 400 BAD_REQUEST. (Payara's adapter
 * already refuses such paths before the application sees them; this keeps the rule on any server.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class QueryTextFilter implements ContainerRequestFilter {
  private static final int NAME_CHARS = 64;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path != null && problem(path, false) != null) {
      throw new AuthException(ErrorCode.BAD_REQUEST, "Invalid characters in the request path");
    }
    checkQuery(request.getUriInfo().getRequestUri().getRawQuery());
  }

  /**
   * Checks every parameter of a raw (still percent-encoded) query string.
   *
   * @throws AuthException 400 VALIDATION_ERROR naming the first bad parameter
   */
  static void checkQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String nameProblem = problem(rawName, true);
      if (nameProblem != null) {
        throw new AuthException(ErrorCode.VALIDATION_ERROR, "[query] " + nameProblem);
      }
      String valueProblem = eq < 0 ? null : problem(pair.substring(eq + 1), true);
      if (valueProblem != null) {
        String name = SafeText.quotable(decode(rawName, true), NAME_CHARS);
        throw new AuthException(ErrorCode.VALIDATION_ERROR, "[query." + name + "] " + valueProblem);
      }
    }
  }

  /** What is wrong with a percent-encoded part, or null. */
  private static String problem(String raw, boolean plusIsSpace) {
    String text;
    try {
      text = decode(raw, plusIsSpace);
    } catch (IllegalArgumentException e) {
      return "Invalid string: malformed percent-encoding";
    } catch (IllegalStateException e) {
      return "Invalid string: not UTF-8";
    }
    return SafeText.isStorable(text) ? null : SafeText.INVALID_STRING;
  }

  /**
   * Percent-decodes {@code raw} and reads the bytes as UTF-8, strictly.
   *
   * @throws IllegalArgumentException for a {@code %} not followed by two hex digits
   * @throws IllegalStateException for bytes that are not UTF-8
   */
  private static String decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException(raw);
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(raw);
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        int codePoint = raw.codePointAt(i);
        if (Character.isSurrogate((char) codePoint)) {
          throw new IllegalStateException("unpaired surrogate"); // no UTF-8 form
        }
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
