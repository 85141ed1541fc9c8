package dev.betterauthjakarta.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends mail through Jakarta Mail over SMTP when {@code better.auth.smtp.host} is set; otherwise
 * writes it to the server log (the outbox of a development run). Mail goes out only after the
 * transaction that asked for it commits, so a rolled-back request never mails a dead link, and in
 * the background, so the time SMTP takes never tells a caller whether a mail was sent (which would
 * reveal whether an account exists).
 */
@ApplicationScoped
public class Mailer {
  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Inject MailSettings settings;

  @Resource ManagedExecutorService executor;

  void sendAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
    executor.execute(() -> deliver(mail));
  }

  private void deliver(OutgoingMail mail) {
    if (settings.smtpHost().isEmpty()) {
      LOG.info(
          () ->
              "Outbox (no SMTP configured): to <"
                  + mail.to()
                  + ">, subject \""
                  + mail.subject()
                  + "\"\n"
                  + mail.text());
      return;
    }
    try {
      Transport.send(toMessage(mail));
    } catch (MessagingException e) {
      // The change is committed; the user can ask for the mail again.
      LOG.log(Level.WARNING, "Could not send mail to <" + mail.to() + ">", e);
    }
  }

  private MimeMessage toMessage(OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(settings.mailFrom()));
    message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(mail.html(), "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, html));
    return message;
  }

  private Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.smtpHost().orElseThrow());
    props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    props.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStartTls()));
    props.put("mail.smtp.ssl.enable", String.valueOf(settings.smtpSsl()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    if (settings.smtpUsername().isEmpty()) {
      return Session.getInstance(props);
    }
    props.put("mail.smtp.auth", "true");
    String user = settings.smtpUsername().get();
    String password = settings.smtpPassword().orElse("");
    return Session.getInstance(
        props,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(user, password);
          }
        });
  }
}
