package dev.betterauthjakarta.mail;

import dev.betterauthjakarta.platform.ConfigValues;
import dev.betterauthjakarta.platform.ServiceSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How mail leaves: SMTP when a host is set, otherwise the server log, which only a development run
 * may use: with an https {@code better.auth.url} (production) and no SMTP host the deployment fails
 * (see {@link #requireSmtpInProduction}). Read strictly ({@link ConfigValues}).
 */
@ApplicationScoped
public class MailSettings {
  @Inject Config config;
  @Inject ServiceSettings service;

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
    requireSmtpInProduction(service.isHttps(), smtpHost);
  }

  /**
   * Mailed links are credentials (a reset link sets a password), and a log is read by more people
   * and kept longer than a mailbox; so only a development run, recognised by its plain-http base
   * URL, may write mail to the log.
   *
   * @param https whether {@code better.auth.url} is https, i.e. the service runs in production
   * @param smtpHost the configured SMTP server, if any
   * @throws IllegalStateException in production without an SMTP server, which fails the deployment
   */
  static void requireSmtpInProduction(boolean https, Optional<String> smtpHost) {
    if (smtpMissingInProduction(https, smtpHost)) {
      throw new IllegalStateException(
          "better.auth.smtp.host (BETTER_AUTH_SMTP_HOST) must be set when better.auth.url is"
              + " https: without an SMTP server, mail (password-reset and verification links"
              + " among it) would be written to the server log. Only a development run with an"
              + " http:// better.auth.url writes mail to the log.");
    }
  }

  /**
   * The rule of {@link #requireSmtpInProduction}, as a question ({@link MailReadiness} asks it).
   *
   * @param https whether {@code better.auth.url} is https
   * @param smtpHost the configured SMTP server, if any
   * @return true when mail is required (production) but no SMTP server is configured
   */
  static boolean smtpMissingInProduction(boolean https, Optional<String> smtpHost) {
    return https && smtpHost.isEmpty();
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
