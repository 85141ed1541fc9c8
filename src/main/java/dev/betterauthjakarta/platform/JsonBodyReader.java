package dev.betterauthjakarta.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every request body. Bodies are capped at {@link #MAX_BYTES} while reading (so a chunked
 * body cannot get past the Content-Length check), an empty body counts as {@code {}}, and
 * malformed JSON or a non-object is a 400 with a code rather than a runtime error.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {
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
    byte[] bytes = entityStream.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new AuthException(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    if (isBlank(bytes)) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonStructure parsed;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      parsed = reader.read();
    } catch (JsonException e) {
      throw new AuthException(ErrorCode.INVALID_JSON);
    }
    if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new AuthException(ErrorCode.BODY_MUST_BE_AN_OBJECT);
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
