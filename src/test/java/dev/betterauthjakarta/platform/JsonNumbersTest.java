package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

  @Test
  void plainLengthIsTheLengthPostgresWritesTheNumberIn() {
    for (String n :
        new String[] {
          "1",
          "-1",
          "1e3",
          "1.50",
          "-0.5",
          "1e-7",
          "123.456e2",
          "1.7976931348623157e308",
          "5e-324",
          "-4.9e-324",
          "0.0",
          "0e-5"
        }) {
      BigDecimal value = new BigDecimal(n);
      assertEquals(value.toPlainString().length(), JsonNumbers.plainLength(value), n);
    }
    // PostgreSQL writes a zero with a positive exponent as 0.
    assertEquals(1, JsonNumbers.plainLength(new BigDecimal("0e5")));
    assertEquals(1, JsonNumbers.plainLength(new BigDecimal("-0")));
  }

  @Test
  void plainDigitsCountTheZerosAnExponentWrites() {
    assertEquals(309, JsonNumbers.plainDigits(new BigDecimal("1.7976931348623157e308")));
    assertEquals(325, JsonNumbers.plainDigits(new BigDecimal("5e-324")));
    assertEquals(501, JsonNumbers.plainDigits(new BigDecimal("0e500")));
    assertEquals(1201, JsonNumbers.plainDigits(new BigDecimal("1e1200")));
  }

  @Test
  void theBoundsAdmitDoublesAndRefuseWhatWouldNotReadBack() {
    assertNull(JsonNumbers.problem("1.7976931348623157e308"));
    assertNull(JsonNumbers.problem("-4.9406564584124654e-324"));
    assertNull(JsonNumbers.problem("1e399"));
    assertEquals(
        "Too big: expected number to have <=400 digits in plain notation",
        JsonNumbers.problem("1e400"));
    assertEquals(
        "Too big: expected number to have <=400 digits in plain notation",
        JsonNumbers.problem("1e9999999999"));
    assertEquals(
        "Too big: expected number to have <=400 digits in plain notation",
        JsonNumbers.problem("1e-2147483648"));
    assertEquals(
        "Too big: expected number to have <=64 characters", JsonNumbers.problem("9".repeat(65)));
  }
}
