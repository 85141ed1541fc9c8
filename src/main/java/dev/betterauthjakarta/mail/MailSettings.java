package dev.betterauthjakarta.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How mail leaves: SMTP when a host is set, otherwise the server log (development). */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "better.auth.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.port", defaultValue = "587")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.username")
  Optional<String> smtpUsername;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.starttls", defaultValue = "true")
  boolean smtpStartTls;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.ssl", defaultValue = "false")
  boolean smtpSsl;

  @Inject
  @ConfigProperty(name = "better.auth.mail.from", defaultValue = "Better Auth <no-reply@localhost>")
  String mailFrom;

  /** The SMTP server, or empty to write mail to the log. */
  public Optional<String> smtpHost() {
    return smtpHost.filter(h -> !h.isBlank());
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** The SMTP user, or empty for no authentication. */
  public Optional<String> smtpUsername() {
    return smtpUsername.filter(u -> !u.isBlank());
  }

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
