package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backup codes as Better Auth shows them (10 codes of 10 characters from [a-zA-Z0-9], written
 * {@code XXXXX-XXXXX}; matched exactly, case and hyphen included) and as this service keeps them: a
 * JSON array of {@code sha256:<hex of SHA-256("<userId>:<code>")>}, which the caller seals. A
 * Better Auth list (plain codes) is read too; {@link #use} always answers the hashed form.
 */
public final class BackupCodes {
  static final int AMOUNT = 10;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HASHED = "sha256:";
  private static final SecureRandom RANDOM = new SecureRandom();

  private BackupCodes() {}

  /** Ten new codes to show the user once. */
  public static List<String> generate() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < AMOUNT; i++) {
      StringBuilder c = new StringBuilder(11);
      for (int j = 0; j < 10; j++) {
        if (j == 5) {
          c.append('-');
        }
        c.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(c.toString());
    }
    return codes;
  }

  /** The stored (unsealed) form of new codes. */
  public static String store(String userId, List<String> codes) {
    var a = Jsons.PROVIDER.createArrayBuilder();
    codes.forEach(c -> a.add(HASHED + hash(userId, c)));
    return a.build().toString();
  }

  /**
   * Uses a code: the stored list without it, or empty when it is not in the list. Every entry is
   * compared (in constant time), so the time does not tell where a code sits.
   *
   * @param stored the unsealed list (ours or Better Auth's)
   */
  public static Optional<String> use(String userId, String stored, String code) {
    List<String> entries = parse(stored);
    String presented = HASHED + hash(userId, code == null ? "" : code);
    boolean found = false;
    var rest = Jsons.PROVIDER.createArrayBuilder();
    for (String e : entries) {
      String asHash = e.startsWith(HASHED) ? e : HASHED + hash(userId, e);
      boolean same =
          MessageDigest.isEqual(
              asHash.getBytes(StandardCharsets.US_ASCII),
              presented.getBytes(StandardCharsets.US_ASCII));
      if (same && !found) {
        found = true;
      } else {
        rest.add(asHash);
      }
    }
    return found ? Optional.of(rest.build().toString()) : Optional.empty();
  }

  /** How many unused codes the stored list holds. */
  static int count(String stored) {
    return parse(stored).size();
  }

  private static List<String> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try (JsonReader r = Jsons.PROVIDER.createReader(new StringReader(stored))) {
      JsonArray a = r.readArray();
      return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    } catch (RuntimeException e) {
      return List.of(); // unreadable: no code works, the user generates new ones
    }
  }

  private static String hash(String userId, String code) {
    return Tokens.hash(userId + ":" + code);
  }
}
