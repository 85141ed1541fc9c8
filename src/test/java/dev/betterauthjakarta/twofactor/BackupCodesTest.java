package dev.betterauthjakarta.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCodesTest {
  @Test
  void tenCodesInBetterAuthsShape() {
    List<String> codes = BackupCodes.generate();
    assertEquals(10, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    for (String c : codes) {
      assertTrue(c.matches("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}"), c);
    }
  }

  @Test
  void storedAsHashesAndEachWorksOnceExactly() {
    List<String> codes = List.of("AbCdE-12345", "zyxwv-98765");
    String stored = BackupCodes.store("user-1", codes);
    assertFalse(stored.contains("AbCdE"));
    assertTrue(BackupCodes.use("user-1", stored, "abcde-12345").isEmpty(), "case counts");
    assertTrue(BackupCodes.use("user-1", stored, "AbCdE12345").isEmpty(), "the hyphen counts");
    assertTrue(BackupCodes.use("user-2", stored, "AbCdE-12345").isEmpty(), "bound to the user");
    String rest = BackupCodes.use("user-1", stored, "AbCdE-12345").orElseThrow();
    assertEquals(1, BackupCodes.count(rest));
    assertTrue(BackupCodes.use("user-1", rest, "AbCdE-12345").isEmpty(), "once");
    assertTrue(BackupCodes.use("user-1", rest, "zyxwv-98765").isPresent());
  }

  /**
   * Better Auth's list (plain codes, after opening its encryption) is read and rewritten hashed.
   */
  @Test
  void betterAuthsPlainListIsReadAndRewrittenAsHashes() {
    String betterAuth = "[\"AbCdE-12345\",\"zyxwv-98765\"]";
    String rest = BackupCodes.use("u", betterAuth, "zyxwv-98765").orElseThrow();
    assertFalse(rest.contains("AbCdE-12345"));
    assertTrue(rest.contains("sha256:"));
    assertTrue(BackupCodes.use("u", rest, "AbCdE-12345").isPresent());
    assertTrue(BackupCodes.use("u", "not json", "AbCdE-12345").isEmpty());
  }
}
