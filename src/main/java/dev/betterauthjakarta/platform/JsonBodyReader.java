package dev.betterauthjakarta.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads request bodies as a {@link JsonObject}, for routes that need to tell an absent key from
 * {@code null} (update-user's merge patch); {@link JsonRecordReader} reads request records the same
 * way. Bodies are capped at {@link #MAX_BYTES} while reading (so a chunked body cannot get past the
 * Content-Length check); an empty body counts as {@code {}}; malformed JSON is 400 {@code
 * BAD_REQUEST} and a non-object 400 {@code VALIDATION_ERROR}, as in Better Auth. Everything inside
 * is read by {@link StrictJson}: UTF-8 only, bounded depth and numbers, no NUL or unpaired
 * surrogate in any string or key.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {
  /** The largest body read, in bytes (64 KiB). */
  public static final int MAX_BYTES = 64 * 1024;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return read(entityStream);
  }

  /**
   * The body as a JSON object.
   *
   * @throws AuthException 413 PAYLOAD_TOO_LARGE over {@link #MAX_BYTES}, 400 BAD_REQUEST for
   *     malformed JSON or bytes that are not UTF-8, 400 VALIDATION_ERROR for JSON that is not an
   *     object or breaks a rule of {@link StrictJson}
   */
  static JsonObject read(InputStream entityStream) throws IOException {
    byte[] bytes = entityStream.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new AuthException(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    if (isBlank(bytes)) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue parsed = StrictJson.read(bytes, "body");
    if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new AuthException(
          ErrorCode.VALIDATION_ERROR,
          "[body] Invalid input: expected object, received " + Body.typeName(parsed));
    }
    return parsed.asJsonObject();
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
