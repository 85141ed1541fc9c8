package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonObjectConverterTest {
  private final JsonObjectConverter converter = new JsonObjectConverter();

  @Test
  void anObjectReadsBackAsWritten() {
    var value = Json.createObjectBuilder().add("a", 1).add("b", "x").build();
    assertEquals(
        value, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(value)));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, converter.convertToEntityAttribute(null));
  }

  @Test
  void aStoredValueThatCannotBeReadIsNullNotAnError() {
    // What PostgreSQL hands back after storing 1e1200: 1,201 digits, over Parsson's 1,100.
    assertNull(converter.convertToEntityAttribute("{\"n\": 1" + "0".repeat(1200) + "}"));
    assertNull(converter.convertToEntityAttribute("[1, 2]"));
    assertNull(
        converter.convertToEntityAttribute("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
    assertNull(converter.convertToEntityAttribute("not json"));
  }
}
