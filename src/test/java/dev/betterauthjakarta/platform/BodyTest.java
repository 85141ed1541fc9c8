package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BodyTest {
  private static Body body(String s) {
    JsonObject o = Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    return Body.of(o);
  }

  @Test
  void absentNullAndValueAreThreeDifferentThings() {
    Body b = body("{'name':null,'image':'x'}");
    assertFalse(b.string("missing", 10).present());
    assertTrue(b.string("name", 10).present());
    assertNull(b.string("name", 10).value());
    assertEquals("x", b.string("image", 10).value());
  }

  @Test
  void aValueOfTheWrongTypeIsAValidationErrorNamingTheField() {
    AuthException e =
        assertThrows(AuthException.class, () -> body("{'name':42}").string("name", 10));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("[body.name] Invalid input: expected string, received number", e.getMessage());
    e = assertThrows(AuthException.class, () -> body("{'r':'yes'}").optionalBoolean("r"));
    assertEquals("[body.r] Invalid input: expected boolean, received string", e.getMessage());
    e = assertThrows(AuthException.class, () -> body("{'m':[1]}").object("m"));
    assertEquals("[body.m] Invalid input: expected object, received array", e.getMessage());
    e = assertThrows(AuthException.class, () -> body("{}").requiredString("email", 10));
    assertEquals("[body.email] Invalid input: expected string, received undefined", e.getMessage());
  }

  @Test
  void anOverLongStringIsAValidationError() {
    assertEquals("abc", body("{'n':'abc'}").string("n", 3).value());
    AuthException e = assertThrows(AuthException.class, () -> body("{'n':'abcd'}").string("n", 3));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
  }

  @Test
  void truthinessFollowsJavaScript() {
    Body b = body("{'f':false,'z':0,'e':'','n':null,'t':true,'s':'x','o':{},'a':[],'one':1}");
    for (String k : new String[] {"f", "z", "e", "n", "missing"}) {
      assertFalse(b.truthy(k), k);
    }
    for (String k : new String[] {"t", "s", "o", "a", "one"}) {
      assertTrue(b.truthy(k), k);
    }
  }

  @Test
  void aMissingBodyIsAnEmptyObject() {
    assertTrue(Body.of(null).isEmpty());
  }
}
