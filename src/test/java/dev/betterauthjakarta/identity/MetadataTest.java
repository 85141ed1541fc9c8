package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MetadataTest {

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
  }

  @Test
  void aPatchMergesKeysAndNullRemovesOne() {
    JsonObject current = json("{'theme':'dark','plan':'pro','ui':{'lang':'en','tz':'UTC'}}");
    JsonObject patch = json("{'plan':null,'ui':{'tz':'CET'},'beta':true}");
    assertEquals(
        json("{'theme':'dark','ui':{'lang':'en','tz':'CET'},'beta':true}"),
        Metadata.merge(current, patch));
  }

  @Test
  void anArrayIsReplacedNotMerged() {
    assertEquals(
        json("{'tags':['c']}"), Metadata.merge(json("{'tags':['a','b']}"), json("{'tags':['c']}")));
  }

  @Test
  void anEmptyPatchChangesNothingAndANullPatchResets() {
    JsonObject current = json("{'a':1}");
    assertEquals(current, Metadata.merge(current, JsonValue.EMPTY_JSON_OBJECT));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, Metadata.merge(current, null));
  }

  @Test
  void moreThanEightLevelsIsAValidationError() {
    String eight = "{'a':".repeat(7) + "{'b':1}" + "}".repeat(7);
    assertEquals(8, Metadata.depth(json(eight)));
    Metadata.merge(JsonValue.EMPTY_JSON_OBJECT, json(eight));
    String nine = "{'a':".repeat(8) + "{'b':1}" + "}".repeat(8);
    AuthException e =
        assertThrows(
            AuthException.class, () -> Metadata.merge(JsonValue.EMPTY_JSON_OBJECT, json(nine)));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("[body.metadata] Too deep: at most 8 levels of nesting", e.getMessage());
  }

  @Test
  void moreThan16KiBSerialisedIsAValidationError() {
    String big = "x".repeat(16 * 1024);
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> Metadata.merge(JsonValue.EMPTY_JSON_OBJECT, json("{'k':'" + big + "'}")));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    // just under the limit is fine
    String fits = "x".repeat(16 * 1024 - "{\"k\":\"\"}".length());
    Metadata.merge(JsonValue.EMPTY_JSON_OBJECT, json("{'k':'" + fits + "'}"));
  }

  @Test
  void sizeIsMeasuredAsStoredWithNumbersInPlainNotation() {
    assertEquals(
        json("{'a':[1,'x',true,null,false,{}]}").toString().length(),
        Metadata.storedBytes(json("{'a':[1,'x',true,null,false,{}]}")));
    assertEquals("{\"n\":}".length() + 309, Metadata.storedBytes(json("{'n':1e308}")));
    assertEquals("{\"n\":0.0000001}".length(), Metadata.storedBytes(json("{'n':1e-7}")));
    assertEquals(
        "{\"\u00e9\":\"\\n\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        Metadata.storedBytes(json("{'\u00e9':'\\n'}")));
  }

  @Test
  void aSmallPatchThatWidensPastTheLimitOnceStoredIsRefused() {
    StringBuilder patch = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      patch.append(i == 0 ? "" : ",").append("'k").append(i).append("':1e308");
    }
    JsonObject small = json(patch.append("}").toString());
    assertEquals(true, small.toString().length() < Metadata.MAX_BYTES, "as the request wrote it");
    AuthException e =
        assertThrows(AuthException.class, () -> Metadata.merge(JsonValue.EMPTY_JSON_OBJECT, small));
    assertEquals("[body.metadata] Too big: at most 16384 bytes as stored", e.getMessage());
  }
}
