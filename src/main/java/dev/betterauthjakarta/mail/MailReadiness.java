package dev.betterauthjakarta.mail;

import dev.betterauthjakarta.platform.ConfigValues;
import dev.betterauthjakarta.platform.ServiceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code mail}: DOWN when mail is required but has nowhere to go, by the rule of
 * {@link MailSettings#requireSmtpInProduction} (an https {@code better.auth.url} and no {@code
 * better.auth.smtp.host}). That rule also fails the deployment, so a deployed service normally
 * reports UP here; the check reads the settings itself rather than through {@link MailSettings}, so
 * that it still tells the truth should the deployment rule ever be relaxed. Its data says where
 * mail goes ({@code smtp} or {@code log}); it never connects to the SMTP server, whose outage must
 * not take sign-in out of service.
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {
  @Inject Config config;
  @Inject ServiceSettings service;

  /** UP unless production mail has no SMTP server; never throws for a setting. */
  @Override
  public HealthCheckResponse call() {
    Optional<String> host = ConfigValues.string(config, "better.auth.smtp.host");
    return response(service.isHttps(), host);
  }

  /**
   * The answer for a configuration.
   *
   * @param https whether {@code better.auth.url} is https (production)
   * @param smtpHost the configured SMTP server, if any
   * @return the {@code mail} check's response
   */
  static HealthCheckResponse response(boolean https, Optional<String> smtpHost) {
    return HealthCheckResponse.named("mail")
        .status(up(https, smtpHost))
        .withData("transport", smtpHost.isPresent() ? "smtp" : "log")
        .build();
  }

  /**
   * Whether mail can go where it must.
   *
   * @param https whether {@code better.auth.url} is https (production)
   * @param smtpHost the configured SMTP server, if any
   * @return false only in production without an SMTP server
   */
  static boolean up(boolean https, Optional<String> smtpHost) {
    return !MailSettings.smtpMissingInProduction(https, smtpHost);
  }
}
