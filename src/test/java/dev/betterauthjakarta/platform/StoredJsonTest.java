package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

  @Test
  void anObjectReadsBackAsWritten() {
    var value = Json.createObjectBuilder().add("a", 1).add("b", "x").build();
    assertEquals(value, StoredJson.read(StoredJson.write(value)));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, StoredJson.read(null));
    assertEquals("{}", StoredJson.write(null));
  }

  @Test
  void aStoredValueThatCannotBeReadIsNullNotAnError() {
    // What PostgreSQL hands back after storing 1e1200: 1,201 digits, over Parsson's 1,100.
    assertNull(StoredJson.read("{\"n\": 1" + "0".repeat(1200) + "}"));
    assertNull(StoredJson.read("[1, 2]"));
    assertNull(StoredJson.read("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
    assertNull(StoredJson.read("not json"));
  }
}
