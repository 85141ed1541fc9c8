package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.Body;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * The user's free-form metadata: a JSON object changed by JSON Merge Patch (RFC 7396: keys are
 * merged, {@code null} removes a key), at most 16 KiB serialised and 8 levels deep.
 */
public final class Metadata {
  public static final int MAX_BYTES = 16 * 1024;
  public static final int MAX_DEPTH = 8;

  private Metadata() {}

  /** The merged metadata; a {@code null} patch resets it to the empty object. */
  public static JsonObject merge(JsonObject current, JsonObject patch) {
    if (patch == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue merged = Json.createMergePatch(patch).apply(current);
    JsonObject result = merged.asJsonObject(); // an object patched by an object stays an object
    validate(result);
    return result;
  }

  public static void validate(JsonObject metadata) {
    if (depth(metadata) > MAX_DEPTH) {
      throw Body.invalid("metadata", "Too deep: at most " + MAX_DEPTH + " levels of nesting");
    }
    if (metadata.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw Body.invalid("metadata", "Too big: at most " + MAX_BYTES + " bytes serialised");
    }
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
