package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.Body;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * The user's free-form metadata: a JSON object changed by JSON Merge Patch (RFC 7396: keys are
 * merged, {@code null} removes a key), at most {@link #MAX_BYTES} serialised and {@link #MAX_DEPTH}
 * levels deep.
 */
public final class Metadata {
  /** The largest serialised metadata, in UTF-8 bytes. */
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
    JsonValue merged = Json.createMergePatch(patch).apply(current);
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
    if (metadata.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw Body.invalid("metadata", "Too big: at most " + MAX_BYTES + " bytes serialised");
    }
  }

  /** Whether the metadata is within both limits. */
  public static boolean isWithinLimits(JsonObject metadata) {
    return depth(metadata) <= MAX_DEPTH
        && metadata.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
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
