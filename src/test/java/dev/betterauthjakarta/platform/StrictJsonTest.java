package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static JsonValue read(String json) {
    return StrictJson.read(json.getBytes(StandardCharsets.UTF_8), "body");
  }

  private static AuthException refused(String json) {
    return assertThrows(AuthException.class, () -> read(json), json);
  }

  private static void assertInvalid(String json, String message) {
    AuthException e = refused(json);
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), json);
    assertEquals(message, e.getMessage(), json);
  }

  // --- numbers ------------------------------------------------------------------------------

  @Test
  void numbersThatWouldNotReadBackOrOverflowAreRefusedWithTheirPath() {
    String digits =
        "[body.metadata.n] Too big: expected number to have <=400 digits in plain notation";
    assertInvalid("{\"metadata\":{\"n\":1e1200}}", digits);
    assertInvalid("{\"metadata\":{\"n\":1e1000000}}", digits);
    assertInvalid("{\"metadata\":{\"n\":1e9999999999}}", digits); // beyond int: "exponent overflow"
    assertInvalid("{\"metadata\":{\"n\":-1e-400}}", digits);
    assertInvalid("{\"metadata\":{\"n\":0e500}}", digits);
    assertInvalid("{\"metadata\":{\"n\":0e-999}}", digits);
    assertInvalid("{\"a\":[1,[2,1e401]]}", "[body.a.1.1] " + digits.substring(18));
    assertInvalid(
        "{\"n\":" + "1".repeat(65) + "}",
        "[body.n] Too big: expected number to have <=64 characters");
    assertInvalid("1e1200", "[body] " + digits.substring(18));
  }

  @Test
  void everyNumberJavaScriptWritesIsAcceptedExactly() {
    for (String n :
        new String[] {
          "0",
          "-0",
          "1",
          "-1",
          "0.1",
          "1.7976931348623157e308",
          "-1.7976931348623157E+308",
          "5e-324",
          "4.9406564584124654e-324",
          "9007199254740991",
          "1e21",
          "1.5e-7",
          "1e308",
          "1".repeat(64)
        }) {
      JsonObject o = read("{\"n\":" + n + "}").asJsonObject();
      assertEquals(new BigDecimal(n), o.getJsonNumber("n").bigDecimalValue(), n);
    }
  }

  // --- nesting ---------------------------------------------------------------------------

  @Test
  void nestingIsBoundedAtEveryDepth() {
    read("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH));
    for (int depth : new int[] {StrictJson.MAX_DEPTH + 1, 999, 1000, 1001, 30_000}) {
      AuthException e = refused("[".repeat(depth) + "]".repeat(depth));
      assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
      assertTrue(
          e.getMessage().endsWith("Too deep: expected at most 32 levels of nesting in the body"));
      assertEquals(
          ErrorCode.VALIDATION_ERROR,
          refused("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).code());
      assertEquals(ErrorCode.VALIDATION_ERROR, refused("[".repeat(depth)).code(), "unclosed");
    }
  }

  // --- text -------------------------------------------------------------------------------

  @Test
  void nulAndUnpairedSurrogatesAreRefusedInValuesAndKeys() {
    String value = "Invalid string: must not contain U+0000 or an unpaired surrogate";
    String key = "Invalid key: must not contain U+0000 or an unpaired surrogate";
    assertInvalid("{\"name\":\"a\\u0000b\"}", "[body.name] " + value);
    assertInvalid("{\"name\":\"\\ud800\"}", "[body.name] " + value);
    assertInvalid("{\"name\":\"\\udc00\"}", "[body.name] " + value);
    assertInvalid("{\"name\":\"\\udc00\\ud800\"}", "[body.name] " + value);
    assertInvalid("{\"name\":\"x\\ud800\"}", "[body.name] " + value);
    assertInvalid("{\"metadata\":{\"a\\u0000\":1}}", "[body.metadata] " + key);
    assertInvalid("{\"metadata\":{\"\\ud800\":1}}", "[body.metadata] " + key);
    assertInvalid(
        "{\"metadata\":{\"list\":[\"ok\",\"\\u0000\"]}}", "[body.metadata.list.1] " + value);
    assertEquals(
        "\ud83d\ude00", read("{\"name\":\"\\ud83d\\ude00\"}").asJsonObject().getString("name"));
    assertEquals(
        "\ud83d\ude00", read("{\"name\":\"\ud83d\ude00\"}").asJsonObject().getString("name"));
  }

  @Test
  void aPathQuotedInAMessageIsShortAndValidText() {
    String longKey = "k".repeat(1000);
    AuthException e = refused("{\"" + longKey + "\":\"\\u0000\"}");
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreMalformedJson() {
    byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    AuthException e = assertThrows(AuthException.class, () -> StrictJson.read(latin1, "body"));
    assertEquals(ErrorCode.BAD_REQUEST, e.code());
    assertEquals("Invalid JSON in request body", e.getMessage());
    byte[] cesu = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'};
    assertEquals(
        ErrorCode.BAD_REQUEST,
        assertThrows(AuthException.class, () -> StrictJson.read(cesu, "body")).code());
    byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16);
    assertEquals(
        ErrorCode.BAD_REQUEST,
        assertThrows(AuthException.class, () -> StrictJson.read(utf16, "body")).code());
  }

  @Test
  void malformedJsonIsABadRequest() {
    for (String bad :
        new String[] {
          "{", "{}x", "{} {}", "{\"a\":}", "NaN", "{\"a\":Infinity}", "'a'", "\"a\u0001\"", "", " "
        }) {
      assertEquals(ErrorCode.BAD_REQUEST, refused(bad).code(), bad);
    }
  }

  @Test
  void aByteOrderMarkIsSkippedAndTheLastOfDuplicateKeysWins() {
    byte[] bom = "\uFEFF{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    assertEquals(1, StrictJson.read(bom, "body").asJsonObject().getInt("a"));
    assertEquals(2, read("{\"a\":1,\"a\":2}").asJsonObject().getInt("a"));
  }

  @Test
  void whatItReadsIsWhatParssonReads() {
    String json = "{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":{}}],\"c\":\"\\n\\\"\"}";
    assertEquals(Json.createReader(new StringReader(json)).readValue(), read(json));
  }
}
