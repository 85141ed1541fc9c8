package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.JsonNumbers;
import dev.betterauthjakarta.platform.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The user's free-form metadata: a JSON object changed by JSON Merge Patch (RFC 7396: keys are
 * merged, {@code null} removes a key), at most {@link #MAX_BYTES} as stored and {@link #MAX_DEPTH}
 * levels deep.
 *
 * <p>The size is measured as PostgreSQL's {@code jsonb} keeps the value and as it is later
 * returned, not as the request wrote it: numbers in plain notation ({@code 1e308} is 309 digits
 * once stored), so a small request cannot make every later answer about the user large.
 */
public final class Metadata {
  /** The largest metadata as stored (compact JSON, numbers in plain notation), in UTF-8 bytes. */
  public static final int MAX_BYTES = 16 * 1024;

  /** The deepest nesting of objects and arrays. */
  public static final int MAX_DEPTH = 8;

  private Metadata() {}

  /**
   * The merged metadata; a {@code null} patch resets it to the empty object.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR when the result is
   *     over the limits
   */
  public static JsonObject merge(JsonObject current, JsonObject patch) {
    if (patch == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue merged = Jsons.PROVIDER.createMergePatch(patch).apply(current);
    JsonObject result = merged.asJsonObject(); // an object patched by an object stays an object
    validate(result);
    return result;
  }

  /**
   * Checks the limits.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR naming the limit
   */
  public static void validate(JsonObject metadata) {
    if (depth(metadata) > MAX_DEPTH) {
      throw Body.invalid("metadata", "Too deep: at most " + MAX_DEPTH + " levels of nesting");
    }
    if (storedBytes(metadata) > MAX_BYTES) {
      throw Body.invalid("metadata", "Too big: at most " + MAX_BYTES + " bytes as stored");
    }
  }

  /** Whether the metadata is within both limits. */
  public static boolean isWithinLimits(JsonObject metadata) {
    return depth(metadata) <= MAX_DEPTH && storedBytes(metadata) <= MAX_BYTES;
  }

  /**
   * The size of {@code value} as compact JSON in UTF-8 with every number in plain notation: what
   * PostgreSQL stores and what an answer carries back.
   */
  static long storedBytes(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        long size = 2; // {}
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          size +=
              utf8Length(Jsons.PROVIDER.createValue(e.getKey()).toString())
                  + 1
                  + storedBytes(e.getValue());
        }
        yield size + Math.max(0, value.asJsonObject().size() - 1); // commas
      }
      case ARRAY -> {
        long size = 2;
        for (JsonValue v : value.asJsonArray()) {
          size += storedBytes(v);
        }
        yield size + Math.max(0, value.asJsonArray().size() - 1);
      }
      case STRING -> utf8Length(((JsonString) value).toString());
      case NUMBER -> JsonNumbers.plainLength(((JsonNumber) value).bigDecimalValue());
      case TRUE, NULL -> 4;
      case FALSE -> 5;
    };
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static int depth(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT ->
          1 + value.asJsonObject().values().stream().mapToInt(Metadata::depth).max().orElse(0);
      case ARRAY -> 1 + value.asJsonArray().stream().mapToInt(Metadata::depth).max().orElse(0);
      default -> 0;
    };
  }
}
