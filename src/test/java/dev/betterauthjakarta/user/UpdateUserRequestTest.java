package dev.betterauthjakarta.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.identity.ProfileChange;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class UpdateUserRequestTest {
  private static ProfileChange parse(String s) {
    return UpdateUserRequest.from(
        Body.of(Json.createReader(new StringReader(s.replace('\'', '"'))).readObject()));
  }

  private static AuthException fails(String s) {
    return assertThrows(AuthException.class, () -> parse(s));
  }

  @Test
  void onlyProvidedFieldsArePresentAndNullClears() {
    ProfileChange r = parse("{'name':'Ada','image':null}");
    assertEquals("Ada", r.name().value());
    assertTrue(r.image().present());
    assertNull(r.image().value());
    assertFalse(r.username().present());
    assertFalse(r.metadata().present());
  }

  @Test
  void aTruthyEmailIsRefusedAndAFalsyOneIgnored() {
    assertEquals(
        ErrorCode.EMAIL_CAN_NOT_BE_UPDATED, fails("{'email':'x@example.com','name':'a'}").code());
    assertEquals("a", parse("{'email':'','name':'a'}").name().value());
    assertEquals("a", parse("{'email':null,'name':'a'}").name().value());
  }

  @Test
  void serverOnlyFieldsAreRefusedByName() {
    for (String f :
        new String[] {"role", "banned", "banReason", "banExpires", "twoFactorEnabled"}) {
      AuthException e = fails("{'" + f + "':true,'name':'a'}");
      assertEquals(ErrorCode.FIELD_NOT_ALLOWED, e.code());
      assertEquals(f + " is not allowed to be set", e.getMessage());
    }
    assertEquals("a", parse("{'banned':false,'role':null,'name':'a'}").name().value());
  }

  @Test
  void unknownKeysAreIgnoredSoNothingLeftIsNoFieldsToUpdate() {
    assertEquals(ErrorCode.NO_FIELDS_TO_UPDATE, fails("{}").code());
    assertEquals(ErrorCode.NO_FIELDS_TO_UPDATE, fails("{'emailVerified':true,'id':'x'}").code());
  }

  @Test
  void wrongTypesAndOverLongValuesAreValidationErrors() {
    assertEquals(
        "[body.name] Invalid input: expected string, received number",
        fails("{'name':1}").getMessage());
    assertEquals(ErrorCode.VALIDATION_ERROR, fails("{'metadata':'x'}").code());
    assertEquals(ErrorCode.VALIDATION_ERROR, fails("{'name':'" + "n".repeat(257) + "'}").code());
    assertEquals(ErrorCode.VALIDATION_ERROR, fails("{'image':'" + "i".repeat(2049) + "'}").code());
  }
}
