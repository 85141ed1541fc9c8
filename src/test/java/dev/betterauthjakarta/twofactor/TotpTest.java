package dev.betterauthjakarta.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_KEY =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_KEY =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B: every time and algorithm of the table, 8 digits. */
  @Test
  void rfc6238TestVectors() {
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
    String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
    for (int i = 0; i < times.length; i++) {
      long step = Totp.step(Instant.ofEpochSecond(times[i]));
      assertEquals(sha1[i], Totp.hotp(SHA1_KEY, step, 8, "HmacSHA1"), "SHA1 at " + times[i]);
      assertEquals(sha256[i], Totp.hotp(SHA256_KEY, step, 8, "HmacSHA256"), "SHA256 " + times[i]);
      assertEquals(sha512[i], Totp.hotp(SHA512_KEY, step, 8, "HmacSHA512"), "SHA512 " + times[i]);
    }
  }

  /** RFC 4226 appendix D: HOTP values of counters 0-9, 6 digits. */
  @Test
  void rfc4226TestVectors() {
    String[] expected = {
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
      "520489"
    };
    for (int c = 0; c < expected.length; c++) {
      assertEquals(expected[c], Totp.hotp(SHA1_KEY, c, 6, "HmacSHA1"));
    }
  }

  @Test
  void acceptsOneStepOfDriftEitherWayAndNoMore() {
    String secret = "abcdefghijklmnopqrstuvwxyz012345";
    Instant now = Instant.ofEpochSecond(1_800_000_015L);
    assertTrue(Totp.verify(secret, Totp.codeAt(secret, now), now, null).isPresent());
    assertTrue(
        Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(30)), now, null).isPresent());
    assertTrue(
        Totp.verify(secret, Totp.codeAt(secret, now.plusSeconds(30)), now, null).isPresent());
    assertTrue(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(60)), now, null).isEmpty());
    assertTrue(Totp.verify(secret, Totp.codeAt(secret, now.plusSeconds(60)), now, null).isEmpty());
  }

  @Test
  void anAcceptedCodeCannotBeUsedAgainNorAnyEarlierOne() {
    String secret = "abcdefghijklmnopqrstuvwxyz012345";
    Instant now = Instant.ofEpochSecond(1_800_000_015L);
    String code = Totp.codeAt(secret, now);
    long step = Totp.verify(secret, code, now, null).orElseThrow();
    assertEquals(Totp.step(now), step);
    assertTrue(Totp.verify(secret, code, now, step).isEmpty());
    assertTrue(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(30)), now, step).isEmpty());
    assertTrue(
        Totp.verify(secret, Totp.codeAt(secret, now.plusSeconds(30)), now, step).isPresent());
  }

  @Test
  void malformedCodesNeverMatch() {
    String secret = "abcdefghijklmnopqrstuvwxyz012345";
    Instant now = Instant.ofEpochSecond(1_800_000_015L);
    for (String bad : new String[] {null, "", "12345", "1234567", "12a456", " 12345", "١٢٣٤٥٦"}) {
      assertTrue(Totp.verify(secret, bad, now, null).isEmpty(), String.valueOf(bad));
    }
  }

  /** The key in the URI is base32 of the secret string's bytes (RFC 4648 section 10 vectors). */
  @Test
  void base32AndTheUriFollowBetterAuth() {
    assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MZXW6", Totp.base32("foo".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "otpauth://totp/My%20App:ada%40example.com?secret=MZXW6YTBOI&issuer=My+App&digits=6&period=30",
        Totp.uri("foobar", "My App", "ada@example.com"));
  }
}
