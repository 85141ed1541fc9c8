package dev.betterauthjakarta.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * argon2id in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), the
 * format other argon2 libraries (and better-auth-rs) read. Parameters follow OWASP's first
 * recommendation: 19 MiB, 2 passes, 1 lane.
 */
public final class Argon2id {
  static final int MEMORY_KIB = 19456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final String PREFIX = "$argon2id$";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private Argon2id() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return PREFIX
        + "v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  public static boolean isHash(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether a stored hash was made with weaker (or other) parameters than new ones get. */
  public static boolean hasCurrentParameters(String stored) {
    Phc phc = Phc.parse(stored);
    return phc != null
        && phc.memory == MEMORY_KIB
        && phc.iterations == ITERATIONS
        && phc.parallelism == PARALLELISM;
  }

  public static boolean verify(String password, String stored) {
    Phc phc = Phc.parse(stored);
    if (phc == null) {
      return false;
    }
    byte[] actual =
        derive(password, phc.salt, phc.memory, phc.iterations, phc.parallelism, phc.hash.length);
    return MessageDigest.isEqual(actual, phc.hash);
  }

  private static byte[] derive(
      String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(
        Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  private record Phc(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
    // Bounds keep a tampered row from turning a sign-in into a memory or CPU bomb.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;

    static Phc parse(String stored) {
      if (!isHash(stored)) {
        return null;
      }
      String[] parts = stored.split("\\$");
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      if (parts.length != 6 || !parts[2].equals("v=19")) {
        return null;
      }
      try {
        int m = -1, t = -1, p = -1;
        for (String kv : parts[3].split(",")) {
          String[] pair = kv.split("=", 2);
          int value = Integer.parseInt(pair[1]);
          switch (pair[0]) {
            case "m" -> m = value;
            case "t" -> t = value;
            case "p" -> p = value;
            default -> {
              return null;
            }
          }
        }
        if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS || p < 1 || p > 16) {
          return null;
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] hash = Base64.getDecoder().decode(parts[5]);
        if (salt.length < 8 || hash.length < 16) {
          return null;
        }
        return new Phc(m, t, p, salt, hash);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
