package dev.betterauthjakarta.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON value from request bytes, refusing on the way everything that would fail later in
 * a worse place (a 500 in the parser or the database, or a value that does not read back):
 *
 * <ul>
 *   <li>bytes that are not UTF-8 (RFC 8259 §8.1; a Content-Type charset is ignored, as Better Auth
 *       ignores it), and malformed JSON: 400 BAD_REQUEST {@code Invalid JSON in request body};
 *   <li>nesting deeper than {@link #MAX_DEPTH}, at any depth (Parsson itself fails with a runtime
 *       error at 1,000);
 *   <li>numbers outside {@link JsonNumbers} (checked on the literal, before anything converts it);
 *   <li>strings and keys that {@link SafeText#isStorable} refuses (U+0000, unpaired surrogates).
 * </ul>
 *
 * The last three answer 400 VALIDATION_ERROR with the zod-style path of the value, e.g. {@code
 * [body.metadata.n] Too big: ...}. Duplicate keys keep the last value, as JavaScript's {@code
 * JSON.parse} does; a UTF-8 byte order mark is skipped, as JavaScript's decoder does.
 */
public final class StrictJson {
  /** The deepest nesting of arrays and objects in a request body, the body itself counting 1. */
  public static final int MAX_DEPTH = 32;

  private static final int PATH_SEGMENT_CHARS = 64;

  private StrictJson() {}

  /**
   * The JSON value of {@code utf8}.
   *
   * @param location the first segment of error paths ({@code body})
   * @throws AuthException 400 BAD_REQUEST for bytes that are not UTF-8 JSON, 400 VALIDATION_ERROR
   *     for a value over the limits above
   */
  public static JsonValue read(byte[] utf8, String location) {
    String text = decode(utf8);
    List<String> path = new ArrayList<>();
    path.add(location);
    try (JsonParser parser = Jsons.PROVIDER.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw malformed();
      }
      JsonValue value = value(parser, parser.next(), path, 0);
      if (parser.hasNext()) {
        throw malformed(); // a second value after the first
      }
      return value;
    } catch (AuthException e) {
      throw e;
    } catch (JsonException
        | IllegalStateException
        | NumberFormatException
        | java.util.NoSuchElementException e) {
      // Parsson's parsing failures; anything else it throws is a bug to see as a 500.
      throw malformed();
    }
  }

  private static JsonValue value(
      JsonParser parser, JsonParser.Event event, List<String> path, int depth) {
    return switch (event) {
      case START_OBJECT -> object(parser, path, depth + 1);
      case START_ARRAY -> array(parser, path, depth + 1);
      case VALUE_STRING -> {
        String s = parser.getString();
        if (!SafeText.isStorable(s)) {
          throw invalid(path, SafeText.INVALID_STRING);
        }
        yield Jsons.PROVIDER.createValue(s);
      }
      case VALUE_NUMBER -> {
        String literal = parser.getString(); // the text as written, not yet converted
        String problem = JsonNumbers.problem(literal);
        if (problem != null) {
          throw invalid(path, problem);
        }
        yield Jsons.PROVIDER.createValue(new BigDecimal(literal));
      }
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw malformed();
    };
  }

  private static JsonValue object(JsonParser parser, List<String> path, int depth) {
    checkDepth(path, depth);
    JsonObjectBuilder builder = Jsons.PROVIDER.createObjectBuilder();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        return builder.build();
      }
      if (event != JsonParser.Event.KEY_NAME) {
        throw malformed();
      }
      String key = parser.getString();
      if (!SafeText.isStorable(key)) {
        throw invalid(path, SafeText.INVALID_KEY);
      }
      path.add(key);
      builder.add(key, value(parser, parser.next(), path, depth));
      path.remove(path.size() - 1);
    }
  }

  private static JsonValue array(JsonParser parser, List<String> path, int depth) {
    checkDepth(path, depth);
    JsonArrayBuilder builder = Jsons.PROVIDER.createArrayBuilder();
    for (int i = 0; ; i++) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_ARRAY) {
        return builder.build();
      }
      path.add(Integer.toString(i));
      builder.add(value(parser, event, path, depth));
      path.remove(path.size() - 1);
    }
  }

  private static void checkDepth(List<String> path, int depth) {
    if (depth > MAX_DEPTH) {
      throw invalid(
          path, "Too deep: expected at most " + MAX_DEPTH + " levels of nesting in the body");
    }
  }

  private static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static AuthException invalid(List<String> path, String problem) {
    StringBuilder p = new StringBuilder();
    for (String segment : path) {
      p.append(p.isEmpty() ? "" : ".").append(SafeText.quotable(segment, PATH_SEGMENT_CHARS));
    }
    return new AuthException(ErrorCode.VALIDATION_ERROR, "[" + p + "] " + problem);
  }

  private static AuthException malformed() {
    return new AuthException(ErrorCode.BAD_REQUEST, "Invalid JSON in request body");
  }
}
