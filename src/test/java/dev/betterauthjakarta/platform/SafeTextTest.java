package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void storableTextHasNoNulAndNoUnpairedSurrogate() {
    assertTrue(SafeText.isStorable(""));
    assertTrue(SafeText.isStorable("Ada Lovelace \u00e9\u4e2d\ud83d\ude00\uFFFD\uFFFF"));
    assertTrue(SafeText.isStorable("tab\tnewline\n\u0001"));
    assertFalse(SafeText.isStorable("a\u0000b"));
    assertFalse(SafeText.isStorable("\ud800"));
    assertFalse(SafeText.isStorable("\udfff"));
    assertFalse(SafeText.isStorable("\ud800x"));
    assertFalse(SafeText.isStorable("\udc00\ud800"));
    assertFalse(SafeText.isStorable("\ud83d\ude00\ude00"));
  }

  @Test
  void cleaningDropsControlCharactersAndUnpairedSurrogatesAndKeepsTheRest() {
    assertEquals("Mozilla/5.0 (X11)", SafeText.clean("Mozilla/5.0\u0000 (X11)\r\n"));
    assertEquals("ab\ud83d\ude00", SafeText.clean("a\ud800b\u007f\u0085\ud83d\ude00\udc00"));
    assertEquals("", SafeText.clean(null));
  }

  @Test
  void quotableTextIsCutAndHasNothingUnstorable() {
    assertEquals("ab\uFFFD\uFFFDc", SafeText.quotable("ab\u0000\ud800c", 100));
    assertEquals("aaa…", SafeText.quotable("aaaaaa", 3));
    assertTrue(SafeText.isStorable(SafeText.quotable("\ud83d\ude00".repeat(10), 5)));
  }
}
