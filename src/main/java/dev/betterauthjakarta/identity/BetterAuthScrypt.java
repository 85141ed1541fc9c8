package dev.betterauthjakarta.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Better Auth's password hash: {@code <saltHex>:<keyHex>}, scrypt N=16384 r=16 p=1 with a 64-byte
 * key over the NFKC-normalised password. The salt passed to scrypt is the hex string's own bytes,
 * not the 16 bytes it encodes; getting that wrong makes every Better Auth hash fail.
 */
public final class BetterAuthScrypt {
  private static final int N = 16384;
  private static final int R = 16;
  private static final int P = 1;
  private static final int KEY_BYTES = 64;
  private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{32}:[0-9a-f]{128}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private BetterAuthScrypt() {}

  public static boolean isHash(String stored) {
    return stored != null && FORMAT.matcher(stored).matches();
  }

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String saltHex = HexFormat.of().formatHex(salt);
    return saltHex + ":" + HexFormat.of().formatHex(derive(password, saltHex));
  }

  public static boolean verify(String password, String stored) {
    if (!isHash(stored)) {
      return false;
    }
    String saltHex = stored.substring(0, 32);
    byte[] expected = HexFormat.of().parseHex(stored.substring(33));
    return MessageDigest.isEqual(derive(password, saltHex), expected);
  }

  private static byte[] derive(String password, String saltHex) {
    byte[] pw =
        Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    return SCrypt.generate(pw, saltHex.getBytes(StandardCharsets.US_ASCII), N, R, P, KEY_BYTES);
  }
}
