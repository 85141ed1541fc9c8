package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mail the service sent to the GreenMail SMTP server, by recipient. */
public final class Mailbox {
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9]+)");

  private Mailbox() {}

  /** Waits for the mails to one address (mail goes out after commit, so maybe a moment later). */
  public static List<MimeMessage> awaitMailsTo(String address, int expected) {
    long deadline = System.currentTimeMillis() + 15_000;
    List<MimeMessage> mails = mailsTo(address);
    while (mails.size() < expected && System.currentTimeMillis() < deadline) {
      TestServices.greenMail().waitForIncomingEmail(500, 1);
      mails = mailsTo(address);
    }
    assertEquals(expected, mails.size(), "mails to " + address);
    return mails;
  }

  public static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(TestServices.greenMail().getReceivedMessages())
        .filter(m -> isTo(m, address))
        .toList();
  }

  public static String plainText(MimeMessage mail) {
    try {
      Multipart parts = (Multipart) mail.getContent();
      return (String) parts.getBodyPart(0).getContent();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String html(MimeMessage mail) {
    try {
      Multipart parts = (Multipart) mail.getContent();
      return (String) parts.getBodyPart(1).getContent();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token of the link in a mail. */
  public static String token(MimeMessage mail) {
    Matcher m = TOKEN.matcher(plainText(mail));
    if (!m.find()) {
      throw new AssertionError("no link with a token in: " + plainText(mail));
    }
    return m.group(1);
  }

  private static boolean isTo(MimeMessage m, String address) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
