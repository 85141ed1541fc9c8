package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada@example.com",
        "a.b+tag@sub.example.co.uk",
        "O'Neil@Example.COM",
        "x_y@a-b.io"
      })
  void acceptsOrdinaryAddresses(String email) {
    assertTrue(Emails.isValid(email));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "@example.com",
        "a@",
        "a@b",
        "a..b@example.com",
        ".a@example.com",
        "a@example.c",
        "a b@example.com",
        "a@-example.com"
      })
  void rejectsWhatZodRejects(String email) {
    assertFalse(Emails.isValid(email));
  }

  @Test
  void enforcesTheLengthLimits() {
    String local64 = "a".repeat(64);
    assertTrue(Emails.isValid(local64 + "@example.com"));
    assertFalse(Emails.isValid(local64 + "a@example.com"));
    assertFalse(Emails.isWithinLimits(local64 + "a@example.com"));
    String long255 = "a@" + "b".repeat(249) + ".com";
    assertEquals(255, long255.length());
    assertFalse(Emails.isWithinLimits(long255));
  }

  @Test
  void normalisesToLowerCase() {
    assertEquals("ada@example.com", Emails.normalize("Ada@Example.COM"));
  }
}
