package dev.betterauthjakarta.mail;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How mail leaves: SMTP when a host is set, otherwise the server log (development). Read strictly
 * ({@link ConfigValues}).
 */
@ApplicationScoped
public class MailSettings {
  @Inject Config config;

  private Optional<String> smtpHost;
  private int smtpPort;
  private Optional<String> smtpUsername;
  private Optional<String> smtpPassword;
  private boolean smtpStartTls;
  private boolean smtpSsl;
  private String mailFrom;

  @PostConstruct
  void read() {
    smtpHost = ConfigValues.string(config, "better.auth.smtp.host");
    smtpPort = ConfigValues.port(config, "better.auth.smtp.port", 587);
    smtpUsername = ConfigValues.string(config, "better.auth.smtp.username");
    smtpPassword = config.getOptionalValue("better.auth.smtp.password", String.class);
    smtpStartTls = ConfigValues.bool(config, "better.auth.smtp.starttls", true);
    smtpSsl = ConfigValues.bool(config, "better.auth.smtp.ssl", false);
    mailFrom =
        ConfigValues.string(config, "better.auth.mail.from", "Better Auth <no-reply@localhost>");
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    smtpPort();
  }

  /** The SMTP server, or empty to write mail to the log. */
  public Optional<String> smtpHost() {
    return smtpHost;
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** The SMTP user, or empty for no authentication. */
  public Optional<String> smtpUsername() {
    return smtpUsername;
  }

  /** The SMTP password, as configured (not trimmed). */
  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  public boolean smtpStartTls() {
    return smtpStartTls;
  }

  public boolean smtpSsl() {
    return smtpSsl;
  }

  /** The From address of every mail. */
  public String mailFrom() {
    return mailFrom;
  }
}
