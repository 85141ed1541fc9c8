package dev.betterauthjakarta.email;

import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** The request bodies of the email routes. */
public final class EmailRequests {
  private EmailRequests() {}

  /** {@code POST /change-email}. */
  public record ChangeEmail(
      @NotNull(message = Messages.REQUIRED_STRING) @EmailAddress String newEmail,
      @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL) {

    /** The new address, lower-cased. */
    public String normalizedEmail() {
      return Emails.normalize(newEmail);
    }

    public Optional<String> callback() {
      return Optional.ofNullable(callbackURL);
    }
  }

  /** {@code POST /send-verification-email}. */
  public record SendVerification(
      @NotNull(message = Messages.REQUIRED_STRING) @EmailAddress String email,
      @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL) {

    /** The address, lower-cased. */
    public String normalizedEmail() {
      return Emails.normalize(email);
    }

    public Optional<String> callback() {
      return Optional.ofNullable(callbackURL);
    }
  }
}
