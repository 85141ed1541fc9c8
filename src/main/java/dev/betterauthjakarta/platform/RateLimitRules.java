package dev.betterauthjakarta.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which limit applies to a path, as Better Auth decides it (the last match wins): the default rule,
 * then Better Auth's stricter built-in rules for credential and mail routes, then the first
 * configured rule whose path matches ({@code *} matching any characters), which may also switch
 * limiting off for its paths.
 */
public final class RateLimitRules {
  /** At most {@code max} requests per {@code window}. */
  public record Rule(long max, Duration window) {}

  /** A configured rule: a path pattern and its rule, or empty for "not limited". */
  public record Custom(String pattern, Optional<Rule> rule, Pattern regex) {
    public Custom(String pattern, Optional<Rule> rule) {
      this(
          pattern,
          rule,
          Pattern.compile(
              Arrays.stream(pattern.split("\\*", -1))
                  .map(Pattern::quote)
                  .collect(Collectors.joining(".*", "^", "$"))));
    }

    boolean matches(String path) {
      return regex.matcher(path).matches();
    }
  }

  private static final Rule SIGN_IN = new Rule(3, Duration.ofSeconds(10));
  private static final Rule MAIL = new Rule(3, Duration.ofSeconds(60));

  private final Rule defaultRule;
  private final List<Custom> custom;

  public RateLimitRules(Rule defaultRule, List<Custom> custom) {
    this.defaultRule = defaultRule;
    this.custom = List.copyOf(custom);
  }

  /** The rule for a path under the base path ({@code /sign-in/email}), or empty: not limited. */
  public Optional<Rule> ruleFor(String path) {
    for (Custom c : custom) {
      if (c.matches(path)) {
        return c.rule();
      }
    }
    return Optional.of(builtIn(path).orElse(defaultRule));
  }

  /** Better Auth's special rules (and its two-factor plugin's). */
  static Optional<Rule> builtIn(String path) {
    if (path.startsWith("/sign-in")
        || path.startsWith("/sign-up")
        || path.startsWith("/change-password")
        || path.startsWith("/change-email")
        || path.startsWith("/two-factor/")) {
      return Optional.of(SIGN_IN);
    }
    if (path.equals("/request-password-reset")
        || path.equals("/send-verification-email")
        || path.startsWith("/forget-password")
        || path.startsWith("/email-otp/send-verification-otp")
        || path.startsWith("/email-otp/request-password-reset")) {
      return Optional.of(MAIL);
    }
    return Optional.empty();
  }

  /** The longest window of any rule, so rows idle that long can be swept. */
  public Duration longestWindow() {
    Duration longest =
        defaultRule.window().compareTo(MAIL.window()) > 0 ? defaultRule.window() : MAIL.window();
    for (Custom c : custom) {
      if (c.rule().isPresent() && c.rule().get().window().compareTo(longest) > 0) {
        longest = c.rule().get().window();
      }
    }
    return longest;
  }

  /**
   * Parses {@code /path=max/seconds} or {@code /path=off} entries.
   *
   * @throws IllegalArgumentException naming {@code key} for a malformed entry
   */
  public static List<Custom> parse(String key, List<String> entries) {
    List<Custom> rules = new ArrayList<>();
    for (String entry : entries) {
      int eq = entry.lastIndexOf('=');
      String path = eq < 0 ? "" : entry.substring(0, eq).trim();
      String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
      IllegalArgumentException bad =
          new IllegalArgumentException(
              key
                  + " must list rules such as /sign-in/*=5/60 (max requests/window seconds) or"
                  + " /get-session=off, not '"
                  + entry
                  + "'");
      if (!path.startsWith("/")) {
        throw bad;
      }
      if (value.equalsIgnoreCase("off")) {
        rules.add(new Custom(path, Optional.empty()));
        continue;
      }
      String[] parts = value.split("/");
      if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("\\d{1,9}")) {
        throw bad;
      }
      long max = Long.parseLong(parts[0]);
      long seconds = Long.parseLong(parts[1]);
      if (max < 1 || seconds < 1) {
        throw bad;
      }
      rules.add(new Custom(path, Optional.of(new Rule(max, Duration.ofSeconds(seconds)))));
    }
    return rules;
  }
}
