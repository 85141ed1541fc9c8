package dev.betterauthjakarta.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Requests;
import org.junit.jupiter.api.Test;

/** Sign-up and sign-in bodies as the server reads them: JSON types, then Bean Validation. */
class RequestRecordsTest {
  private static AuthException signUpFails(String json) {
    return assertThrows(AuthException.class, () -> Requests.read(json, SignUpRequest.class));
  }

  @Test
  void schemaErrorsNameEveryFieldInTheRecordsOrderJoinedBySemicolons() {
    AuthException e = signUpFails("{'name':7,'password':'password123','rememberMe':'yes'}");
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals(
        "[body.name] Invalid input: expected string, received number; [body.rememberMe] Invalid"
            + " input: expected boolean, received string",
        e.getMessage());
    e = signUpFails("{'name':'a','password':'password123'}");
    assertEquals("[body.email] Invalid input: expected string, received undefined", e.getMessage());
    e =
        signUpFails(
            "{'email':'not-an-email','password':'password123','image':'" + "i".repeat(2049) + "'}");
    assertEquals(
        "[body.email] Invalid email address; [body.image] Too big: expected string to have"
            + " <=2048 characters",
        e.getMessage());
  }

  @Test
  void handlerChecksAnswerTheirOwnCodesOnceTheSchemaPasses() {
    assertEquals(
        ErrorCode.PASSWORD_TOO_SHORT,
        signUpFails("{'email':'a@example.com','password':'short'}").code());
    assertEquals(
        ErrorCode.PASSWORD_TOO_LONG,
        signUpFails("{'email':'a@example.com','password':'" + "p".repeat(129) + "'}").code());
    AuthException role =
        signUpFails("{'email':'a@example.com','password':'password123','role':'admin'}");
    assertEquals(ErrorCode.FIELD_NOT_ALLOWED, role.code());
    assertEquals("role is not allowed to be set", role.getMessage());
    assertEquals(
        ErrorCode.VALIDATION_ERROR,
        signUpFails("{'email':'bad','password':'short','role':'admin'}").code(),
        "a schema error comes first, as zod runs before Better Auth's handler");
  }

  @Test
  void falsyServerOnlyFieldsAndUnknownKeysAreIgnored() {
    SignUpRequest r =
        Requests.read(
            "{'email':'Ada@Example.com','password':'password123','role':'','banReason':null,"
                + "'banExpires':0,'emailVerified':true,'id':'mine'}",
            SignUpRequest.class);
    NewUser user = r.newUser();
    assertEquals("ada@example.com", user.email());
    assertNull(user.username());
    assertTrue(r.remembered());
  }

  @Test
  void signInReportsTooLongButNotTooShortAndAMalformedEmailAsInvalidEmail() {
    assertEquals(
        "x",
        Requests.read("{'email':'a@example.com','password':'x'}", SignInRequest.class).password());
    assertEquals(
        ErrorCode.PASSWORD_TOO_LONG,
        assertThrows(
                AuthException.class,
                () ->
                    Requests.read(
                        "{'email':'a@example.com','password':'" + "p".repeat(129) + "'}",
                        SignInRequest.class))
            .code());
    assertEquals(
        ErrorCode.INVALID_EMAIL,
        assertThrows(
                AuthException.class,
                () -> Requests.read("{'email':'nope','password':'x'}", SignInRequest.class))
            .code());
  }
}
