package dev.betterauthjakarta.platform;

import java.math.BigDecimal;

/**
 * The numbers a request may carry: those that every reader on the way can take and give back.
 * PostgreSQL's {@code jsonb} keeps a number exactly, in plain notation ({@code 1e1200} becomes
 * 1,201 digits), which Parsson then refuses to read (over 1,100 characters), and refuses outright
 * what overflows its numeric type ({@code 1e1000000}); Java cannot even hold {@code 1e9999999999}
 * ("exponent overflow"). So a number is accepted when it is at most {@link #MAX_CHARACTERS} long as
 * written and at most {@link #MAX_DIGITS} digits in plain notation. That admits every number a
 * JavaScript client writes (the largest finite double has 309 digits, the smallest positive one
 * 325) and keeps each stored number far below what Parsson reads back.
 */
public final class JsonNumbers {
  /** The longest number literal, in characters (JavaScript never writes more than 24). */
  public static final int MAX_CHARACTERS = 64;

  /** The most digits a number may have in plain notation, leading and trailing zeros included. */
  public static final int MAX_DIGITS = 400;

  private JsonNumbers() {}

  /**
   * What is wrong with a JSON number literal, in zod's words, or null when it is acceptable.
   *
   * @param literal a syntactically valid JSON number, as written in the request
   */
  public static String problem(String literal) {
    if (literal.length() > MAX_CHARACTERS) {
      return "Too big: expected number to have <=" + MAX_CHARACTERS + " characters";
    }
    BigDecimal value;
    try {
      value = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return tooManyDigits(); // the exponent does not even fit an int
    }
    return plainDigits(value) > MAX_DIGITS ? tooManyDigits() : null;
  }

  /**
   * How many digits {@code n} has written out in plain notation, as PostgreSQL writes it ({@code
   * 1e3} is {@code 1000}, {@code 1e-3} is {@code 0.001}). A zero counts the zeros its exponent
   * writes ({@code 0e500} counts 501), so no exponent escapes the bound.
   */
  public static long plainDigits(BigDecimal n) {
    long precision = n.precision();
    long scale = n.scale();
    if (scale <= 0) {
      return precision - scale;
    }
    return Math.max(precision, scale + 1);
  }

  /**
   * The length of {@code n} in plain notation, sign and decimal point included: its size once
   * PostgreSQL has stored it.
   */
  public static long plainLength(BigDecimal n) {
    long length = n.signum() == 0 && n.scale() <= 0 ? 1 : plainDigits(n);
    if (n.scale() > 0) {
      length++; // the point
    }
    if (n.signum() < 0) {
      length++;
    }
    return length;
  }

  private static String tooManyDigits() {
    return "Too big: expected number to have <=" + MAX_DIGITS + " digits in plain notation";
  }
}
