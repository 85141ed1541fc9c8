package dev.betterauthjakarta.platform;

/**
 * Text that PostgreSQL stores and gives back unchanged. PostgreSQL refuses U+0000 in {@code text}
 * and {@code jsonb} (a 500 when it reached the database), and an unpaired UTF-16 surrogate has no
 * UTF-8 form, so the driver wrote {@code ?} instead (a silent change). Both are refused in every
 * request string ({@link StrictJson}, {@link QueryTextFilter}); header values the service keeps are
 * cleaned ({@link #clean}).
 */
public final class SafeText {
  /** The message of a refused string, in zod's words for an invalid string. */
  public static final String INVALID_STRING =
      "Invalid string: must not contain U+0000 or an unpaired surrogate";

  /** The message of a refused object key. */
  public static final String INVALID_KEY =
      "Invalid key: must not contain U+0000 or an unpaired surrogate";

  private SafeText() {}

  /**
   * Whether {@code s} holds no U+0000 and no unpaired surrogate (a high surrogate not followed by a
   * low one, or a low one not preceded by a high one).
   */
  public static boolean isStorable(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++; // the pair is one character
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code s} without control characters (U+0000–U+001F, U+007F–U+009F) and unpaired surrogates,
   * for informational header values the service stores (a session's User-Agent): a client's odd
   * header should not cost it its sign-in, and what is kept must be storable.
   *
   * @param s the value, or null
   * @return the cleaned value, {@code ""} for null
   */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code s} made safe to quote in an error message: cut to {@code max} characters and with
   * anything {@link #isStorable} refuses replaced by U+FFFD, so the answer is always valid JSON in
   * UTF-8 and never much longer than the message itself.
   */
  public static String quotable(String s, int max) {
    String cut = s.length() > max ? s.substring(0, max) + "…" : s;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < cut.length()
          && Character.isLowSurrogate(cut.charAt(i + 1))) {
        out.append(c).append(cut.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
