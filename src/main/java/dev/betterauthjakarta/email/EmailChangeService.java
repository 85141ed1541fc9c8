package dev.betterauthjakarta.email;

import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.user.User;
import dev.betterauthjakarta.user.UserService;
import dev.betterauthjakarta.user.UserView;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Changing the sign-in email. An unverified address changes at once; a verified one only when
 * the new address proves itself through a mailed single-use link, so a stolen session cannot
 * move an account to an attacker's mailbox and keep it verified.
 */
@Stateless
public class EmailChangeService {
  static final String PURPOSE = "change-email";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject UserService users;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;

  public void request(Caller caller, ChangeEmailRequest request) {
    User user = users.lockCaller(caller);
    if (request.newEmail().equals(user.getEmail())) {
      throw new AuthException(ErrorCode.EMAIL_IS_THE_SAME);
    }
    users.lockEmail(request.newEmail());
    if (users.findByEmail(request.newEmail()).isPresent()) {
      // Same answer as success: change-email must not reveal which addresses have accounts.
      return;
    }
    if (!user.isEmailVerified()) {
      user.setEmail(request.newEmail());
      user.setUpdatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
      return;
    }
    JsonObject payload =
        Json.createObjectBuilder()
            .add("userId", user.getId())
            .add("newEmail", request.newEmail())
            .build();
    String token = verifications.issue(PURPOSE, payload, settings.emailChangeExpiresIn());
    mails.fire(
        Links.mail(
            request.newEmail(),
            "Confirm your new email address",
            "Someone asked to use this address to sign in. Open the link to confirm the change"
                + " (valid for " + settings.emailChangeExpiresIn().toMinutes() + " minutes):",
            verifyLink(token, request.callbackURL()),
            "If you did not ask for this, ignore this mail; nothing changes."));
  }

  /** Applies a confirmed change: the new address becomes the user's, verified. */
  public UserView confirm(String token) {
    JsonObject payload = verifications.consume(PURPOSE, token);
    String newEmail = payload.getString("newEmail");
    users.lockEmail(newEmail);
    User user = em.find(User.class, payload.getString("userId"), LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      throw new AuthException(ErrorCode.USER_NOT_FOUND);
    }
    Optional<User> holder = users.findByEmail(newEmail);
    if (holder.isPresent() && !holder.get().getId().equals(user.getId())) {
      // Claimed by someone else since the link was mailed.
      throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
    }
    user.setEmail(newEmail);
    user.setEmailVerified(true);
    user.setUpdatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return UserView.from(user);
  }

  /**
   * Better Auth always adds {@code callbackURL=/}; for a standalone service that would send the
   * browser to this server's bare root, so the link carries a callback only when the client gave
   * one, and otherwise answers with JSON.
   */
  private String verifyLink(String token, Optional<String> callbackURL) {
    return settings.apiUrl()
        + "/verify-email?token=" + token
        + callbackURL.map(c -> "&callbackURL=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
  }
}
