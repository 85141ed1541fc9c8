package dev.betterauthjakarta.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/**
 * A JSON object in a {@code jsonb} column. Writes the JSON text (the pool's {@code
 * stringtype=unspecified} lets PostgreSQL cast it); reads through {@code toString()}, because
 * EclipseLink hands jsonb over as the driver's PGobject, not as a String.
 *
 * <p>A stored value that cannot be read back as a JSON object (another writer stored an array, a
 * number PostgreSQL widened past what Parsson reads, nesting past Parsson's limit) converts to
 * {@code null} instead of failing: loading the row must never fail, or every route that touches it
 * would answer 500 and the row could not even be deleted. The entity decides what null means.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, Object> {

  @Override
  public Object convertToDatabaseColumn(JsonObject value) {
    return value == null ? "{}" : value.toString();
  }

  @Override
  public JsonObject convertToEntityAttribute(Object column) {
    if (column == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(column.toString()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      // JsonException, or Parsson's runtime errors for numbers and depth past its limits.
      return null;
    }
  }
}
