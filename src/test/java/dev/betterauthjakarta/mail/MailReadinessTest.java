package dev.betterauthjakarta.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The readiness check {@code mail} follows the rule that refuses production without SMTP. (The
 * response itself needs the server's MicroProfile Health implementation: HealthIT reads it.)
 */
class MailReadinessTest {

  @Test
  void productionWithoutSmtpIsDown() {
    assertFalse(MailReadiness.up(true, Optional.empty()));
  }

  @Test
  void productionWithSmtpIsUp() {
    assertTrue(MailReadiness.up(true, Optional.of("smtp.example.com")));
  }

  @Test
  void aDevelopmentRunWritingMailToTheLogIsUp() {
    assertTrue(MailReadiness.up(false, Optional.empty()));
  }
}
