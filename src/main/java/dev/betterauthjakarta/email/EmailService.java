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
import dev.betterauthjakarta.verification.Redemption;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The email address as a sign-in method: proving one owns it (verification) and changing it. A
 * verified address changes only when the new address proves itself through a mailed single-use
 * link (and, when so configured, after the current address approved), so a stolen session
 * cannot move an account to an attacker's mailbox and keep it verified.
 */
@Stateless
public class EmailService {
  static final String VERIFY = "verify-email";
  static final String CHANGE = "change-email";
  static final String APPROVE_CHANGE = "change-email-confirmation";

  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject UserService users;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;

  public void requestChange(Caller caller, ChangeEmailRequest request) {
    User user = users.lockCaller(caller);
    String newEmail = request.newEmail();
    if (newEmail.equals(user.getEmail())) {
      throw new AuthException(ErrorCode.EMAIL_IS_THE_SAME);
    }
    users.lockEmail(newEmail);
    if (users.findByEmail(newEmail).isPresent()) {
      // Same answer as success: change-email must not reveal which addresses have accounts.
      return;
    }
    if (!user.isEmailVerified()) {
      // Nothing proven is lost, so the change applies at once; the new address may verify.
      user.setEmail(newEmail);
      user.setUpdatedAt(now());
      sendVerification(user, request.callbackURL());
      return;
    }
    JsonObjectBuilder payload =
        Json.createObjectBuilder().add("userId", user.getId()).add("newEmail", newEmail);
    request.callbackURL().ifPresent(c -> payload.add("callbackURL", c));
    if (settings.confirmEmailChangeWithCurrentEmail()) {
      String token =
          verifications.issue(APPROVE_CHANGE, payload.build(), settings.emailChangeExpiresIn());
      mails.fire(
          Links.mail(
              user.getEmail(),
              "Approve the change of your sign-in email",
              "Someone asked to change the email you sign in with to " + newEmail
                  + ". Open the link to approve; a confirmation link then goes to the new address"
                  + " (valid for " + settings.emailChangeExpiresIn().toMinutes() + " minutes):",
              Links.withCallback(verifyUrl(token), request.callbackURL()),
              "If you did not ask for this, ignore this mail and change your password."));
    } else {
      mailChangeLink(payload.build());
    }
  }

  /** Mails a verification link for the user's current address. */
  public void sendVerification(User user, Optional<String> callbackURL) {
    JsonObject payload =
        Json.createObjectBuilder().add("userId", user.getId()).add("email", user.getEmail()).build();
    String token = verifications.issue(VERIFY, payload, settings.emailVerificationExpiresIn());
    mails.fire(
        Links.mail(
            user.getEmail(),
            "Verify your email address",
            "Open the link to verify your email address (valid for "
                + settings.emailVerificationExpiresIn().toMinutes() + " minutes):",
            Links.withCallback(verifyUrl(token), callbackURL),
            "If you did not sign up, ignore this mail."));
  }

  /**
   * {@code POST /send-verification-email}. Signed in, the address must be the caller's own and
   * not yet verified. Anonymous, the answer is always the same, whether or not the address
   * belongs to an unverified user (who then gets the mail).
   */
  public void requestVerification(
      Optional<Caller> caller, String email, Optional<String> callbackURL) {
    if (caller.isPresent()) {
      User user = users.lockCaller(caller.get());
      if (!email.equals(user.getEmail())) {
        throw new AuthException(ErrorCode.EMAIL_MISMATCH);
      }
      if (user.isEmailVerified()) {
        throw new AuthException(ErrorCode.EMAIL_ALREADY_VERIFIED);
      }
      sendVerification(user, callbackURL);
      return;
    }
    users.findByEmail(email)
        .filter(u -> !u.isEmailVerified())
        .ifPresent(u -> sendVerification(u, callbackURL));
  }

  /**
   * Follows a mailed link: verifies an address, approves a change (then the new address gets its
   * link) or applies a change. Answers the user after an applied change, empty otherwise.
   */
  public Optional<UserView> follow(String token) {
    Redemption.Valid link =
        switch (verifications.redeem(token, VERIFY, CHANGE, APPROVE_CHANGE)) {
          case Redemption.Valid v -> v;
          case Redemption.Expired e -> throw new AuthException(ErrorCode.TOKEN_EXPIRED);
          case Redemption.Unknown u -> throw new AuthException(ErrorCode.INVALID_TOKEN);
        };
    JsonObject payload = link.payload();
    User user =
        users
            .findLocked(payload.getString("userId"))
            .orElseThrow(
                () -> new AuthException(401, ErrorCode.USER_NOT_FOUND, ErrorCode.USER_NOT_FOUND.message()));
    switch (link.purpose()) {
      case VERIFY -> {
        if (!payload.getString("email").equals(user.getEmail())) {
          throw new AuthException(ErrorCode.INVALID_TOKEN); // the address changed since
        }
        user.setEmailVerified(true);
        user.setUpdatedAt(now());
        return Optional.empty();
      }
      case APPROVE_CHANGE -> {
        mailChangeLink(payload);
        return Optional.empty();
      }
      default -> {
        return Optional.of(applyChange(user, payload.getString("newEmail")));
      }
    }
  }

  private UserView applyChange(User user, String newEmail) {
    users.lockEmail(newEmail);
    Optional<User> holder = users.findByEmail(newEmail);
    if (holder.isPresent() && !holder.get().getId().equals(user.getId())) {
      // Claimed by someone else since the link was mailed.
      throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
    }
    String oldEmail = user.getEmail();
    user.setEmail(newEmail);
    user.setEmailVerified(true);
    user.setUpdatedAt(now());
    if (oldEmail != null && !oldEmail.equals(newEmail)) {
      // The old address learns of the change, so a hijack does not go unnoticed.
      mails.fire(
          Links.mail(
              oldEmail,
              "Your sign-in email was changed",
              "The email you sign in with was changed to " + newEmail + ". If this was you, there"
                  + " is nothing to do. If not, reset your password and contact support:",
              settings.baseUrl(),
              "This is a notice; this address is no longer used to sign in."));
    }
    return UserView.from(user);
  }

  private void mailChangeLink(JsonObject payload) {
    String newEmail = payload.getString("newEmail");
    Optional<String> callbackURL = Optional.ofNullable(payload.getString("callbackURL", null));
    String token = verifications.issue(CHANGE, payload, settings.emailChangeExpiresIn());
    mails.fire(
        Links.mail(
            newEmail,
            "Confirm your new email address",
            "Someone asked to use this address to sign in. Open the link to confirm the change"
                + " (valid for " + settings.emailChangeExpiresIn().toMinutes() + " minutes):",
            Links.withCallback(verifyUrl(token), callbackURL),
            "If you did not ask for this, ignore this mail; nothing changes."));
  }

  private String verifyUrl(String token) {
    return settings.apiUrl() + "/verify-email?token=" + token;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
