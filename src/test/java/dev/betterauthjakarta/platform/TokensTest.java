package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void tokensAre32AlphanumericCharactersLikeBetterAuths() {
    for (int i = 0; i < 200; i++) {
      assertTrue(Tokens.generate().matches("^[A-Za-z0-9]{32}$"));
    }
  }

  @Test
  void tokensDoNotRepeatAndUseTheWholeAlphabet() {
    Set<String> tokens = new HashSet<>();
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String t = Tokens.generate();
      tokens.add(t);
      t.chars().forEach(c -> seen.add((char) c));
    }
    assertEquals(2000, tokens.size());
    assertEquals(62, seen.size());
  }

  @Test
  void theStoredFormIsLowercaseHexSha256() {
    // FIPS 180-2 test vector for "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
  }
}
