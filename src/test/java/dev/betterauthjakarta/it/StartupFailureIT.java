package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The production command of payara-config/README.md with a wrong database password: Payara Micro
 * exits by itself, with status 3, soon after the deployment reached the database, and the log names
 * the cause in one line, with no stack trace (before, it ran on without the service, after three
 * stack traces).
 */
class StartupFailureIT {
  /** Payara Micro's boot up to the deployment: about 30 s, over two minutes on a loaded machine. */
  private static final Duration BOOT = Duration.ofMinutes(4);

  @Test
  void aWrongDatabasePasswordEndsTheProcessWithTheCauseInOneLine() throws Exception {
    try (PayaraProcess payara =
        PayaraProcess.launch(
            "wrong-password",
            // a generous timeout: on a loaded machine the connection attempt itself can time out
            // at the suite's 3 s, which also stops the start, but with another cause
            Map.of("DATABASE_PASSWORD", "not the password", "DATABASE_TIMEOUT", "30"),
            List.of())) {
      OptionalInt exit = payara.awaitExit(BOOT);
      List<String> output = payara.output();
      String tail =
          String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()));
      assertTrue(exit.isPresent(), "the process exits by itself:\n" + tail);
      assertEquals(3, exit.getAsInt(), tail);
      List<String> cause =
          output.stream().filter(l -> l.contains("better-auth-jakarta cannot start:")).toList();
      assertEquals(1, cause.size(), "one line names the cause:\n" + tail);
      assertTrue(
          cause.get(0).contains("password authentication failed"), "the driver's words: " + cause);
      assertTrue(cause.get(0).contains("DATABASE_PASSWORD"), "what to check: " + cause);
      List<String> stack = output.stream().filter(l -> l.startsWith("\tat ")).toList();
      assertEquals(List.of(), stack, "no stack trace:\n" + tail);
    }
  }
}
