package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.ServiceSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Mails the link that proves a user owns their address. Sign-up and the email routes both send it;
 * following it is {@code GET /verify-email} (the email use case), which redeems tokens of purpose
 * {@link #PURPOSE}. A link is good only for the address it was mailed to.
 */
@Stateless
public class EmailVerificationService {
  /** The purpose of verification tokens ({@code verify-email:<hash>} identifiers). */
  public static final String PURPOSE = "verify-email";

  @Inject ServiceSettings service;
  @Inject EmailVerificationSettings settings;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;

  /**
   * Issues a single-use token for the user's current address and mails the link after commit.
   *
   * @param callbackURL where the link sends the browser afterwards (already trusted), if anywhere
   */
  public void send(User user, Optional<String> callbackURL) {
    JsonObject payload =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("userId", user.getId())
            .add("email", user.getEmail())
            .build();
    String token = verifications.issue(PURPOSE, payload, settings.expiresIn());
    mails.fire(
        Links.mail(
            user.getEmail(),
            "Verify your email address",
            "Open the link to verify your email address (valid for "
                + settings.expiresIn().toMinutes()
                + " minutes):",
            Links.withCallback(verifyUrl(token), callbackURL),
            "If you did not sign up, ignore this mail."));
  }

  /** The mailed link of a token for the verify-email route. */
  public String verifyUrl(String token) {
    return service.apiUrl() + "/verify-email?token=" + token;
  }
}
