package dev.betterauthjakarta.email;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.EmailVerificationService;
import dev.betterauthjakarta.verification.Redemption;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The email address as a sign-in method: proving one owns it (verification) and changing it. A
 * verified address changes only when the new address proves itself through a mailed single-use link
 * (and, when so configured, after the current address approved), so a stolen session cannot move an
 * account to an attacker's mailbox and keep it verified.
 */
@Stateless
public class EmailService {
  static final String CHANGE = "change-email";
  static final String APPROVE_CHANGE = "change-email-confirmation";

  @Inject Clock clock;
  @Inject ServiceSettings service;
  @Inject EmailSettings settings;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject EmailVerificationService emailVerification;
  @Inject Event<OutgoingMail> mails;
  @Inject AuditTrail audit;
  @Resource SessionContext context;
  private EmailService self;

  @PostConstruct
  void init() {
    // Calls through the container's view, so @Asynchronous applies (a plain this-call would not).
    self = context.getBusinessObject(EmailService.class);
  }

  /**
   * {@code POST /change-email}: an unverified address changes at once; a verified one through a
   * mailed link. Another user's address answers success and changes nothing.
   *
   * @throws AuthException 400 EMAIL_IS_THE_SAME
   */
  public void requestChange(Caller caller, String newEmail, Optional<String> callbackURL) {
    User user = sessions.lockCaller(caller);
    if (newEmail.equals(user.getEmail())) {
      throw new AuthException(ErrorCode.EMAIL_IS_THE_SAME);
    }
    identities.lockEmail(newEmail);
    if (identities.findByEmail(newEmail).isPresent()) {
      // Same answer as success: change-email must not reveal which addresses have accounts.
      return;
    }
    // A new request ends every pending link of the user (an older change link, a reset link
    // mailed to the current address, ...): only the newest intent stands.
    verifications.deleteAllOf(user.getId());
    if (!user.isEmailVerified()) {
      // Nothing proven is lost, so the change applies at once; the new address may verify.
      JsonObject before = user.auditState();
      identities.changeEmail(user, newEmail, false);
      audit.record(
          AuditAction.EMAIL_CHANGE,
          caller.actor(),
          user.getId(),
          Changes.between(before, user.auditState()));
      emailVerification.send(user, callbackURL);
      return;
    }
    // Bound to the address it changes from: if the user's address moves on before the link is
    // followed (a reset, another change), the link is refused.
    JsonObjectBuilder payload =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("userId", user.getId())
            .add("email", user.getEmail())
            .add("newEmail", newEmail);
    callbackURL.ifPresent(c -> payload.add("callbackURL", c));
    if (settings.confirmWithCurrentEmail()) {
      String token =
          verifications.issue(APPROVE_CHANGE, payload.build(), settings.changeExpiresIn());
      mails.fire(
          Links.mail(
              user.getEmail(),
              "Approve the change of your sign-in email",
              "Someone asked to change the email you sign in with to "
                  + newEmail
                  + ". Open the link to approve; a confirmation link then goes to the new address"
                  + " (valid for "
                  + settings.changeExpiresIn().toMinutes()
                  + " minutes):",
              Links.withCallback(emailVerification.verifyUrl(token), callbackURL),
              "If you did not ask for this, ignore this mail and change your password."));
    } else {
      mailChangeLink(payload.build());
    }
  }

  /**
   * {@code POST /send-verification-email}. Signed in, the address must be the caller's own and not
   * yet verified. Anonymous, the answer is always the same, whether or not the address belongs to
   * an unverified user (who then gets the mail).
   *
   * @throws AuthException 400 EMAIL_MISMATCH or EMAIL_ALREADY_VERIFIED (signed in only)
   */
  public void requestVerification(
      Optional<Caller> caller, String email, Optional<String> callbackURL) {
    if (caller.isPresent()) {
      User user = sessions.lockCaller(caller.get());
      if (!email.equals(user.getEmail())) {
        throw new AuthException(ErrorCode.EMAIL_MISMATCH);
      }
      if (user.isEmailVerified()) {
        throw new AuthException(ErrorCode.EMAIL_ALREADY_VERIFIED);
      }
      emailVerification.send(user, callbackURL);
      return;
    }
    self.sendVerificationIfUnverified(email, callbackURL);
  }

  /**
   * The anonymous half of {@link #requestVerification}, run after the answer has gone, in its own
   * transaction: the route answers the same, in the same time, whether or not the address belongs
   * to an unverified user (who then gets the mail).
   */
  @Asynchronous
  public void sendVerificationIfUnverified(String email, Optional<String> callbackURL) {
    identities
        .findByEmail(email)
        .filter(u -> !u.isEmailVerified())
        .ifPresent(u -> emailVerification.send(u, callbackURL));
  }

  /**
   * Follows a mailed link: verifies an address, approves a change (then the new address gets its
   * link) or applies a change.
   *
   * @return the user after an applied change, empty otherwise
   * @throws AuthException 401 INVALID_TOKEN, TOKEN_EXPIRED or USER_NOT_FOUND
   */
  public Optional<UserView> follow(String token) {
    Redemption.Valid link =
        switch (verifications.redeem(
            token, EmailVerificationService.PURPOSE, CHANGE, APPROVE_CHANGE)) {
          case Redemption.Valid v -> v;
          case Redemption.Expired e -> throw new AuthException(ErrorCode.TOKEN_EXPIRED);
          case Redemption.Unknown u -> throw new AuthException(ErrorCode.INVALID_TOKEN);
        };
    JsonObject payload = link.payload();
    User user =
        identities
            .findLocked(payload.getString("userId"))
            .orElseThrow(
                () ->
                    new AuthException(
                        401, ErrorCode.USER_NOT_FOUND, ErrorCode.USER_NOT_FOUND.message()));
    if (!link.purpose().equals(EmailVerificationService.PURPOSE)
        && !payload.getString("email", "").equals(user.getEmail())) {
      throw new AuthException(ErrorCode.INVALID_TOKEN); // the address moved on since it was mailed
    }
    switch (link.purpose()) {
      case EmailVerificationService.PURPOSE -> {
        if (!payload.getString("email").equals(user.getEmail())) {
          throw new AuthException(ErrorCode.INVALID_TOKEN); // the address changed since
        }
        user.verifyEmail(clock.instant().truncatedTo(ChronoUnit.MILLIS));
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
    String oldEmail = user.getEmail();
    JsonObject before = user.auditState();
    identities.changeEmail(user, newEmail, true); // refused if claimed by someone else since
    // Whoever followed the mailed link: the new address proved itself.
    audit.record(
        AuditAction.EMAIL_CHANGE,
        Actor.anonymous(),
        user.getId(),
        Changes.between(before, user.auditState()).note("confirmedBy", "link"));
    verifications.deleteAllOf(user.getId()); // links mailed to the old address die with it
    if (oldEmail != null && !oldEmail.equals(newEmail)) {
      // The old address learns of the change, so a hijack does not go unnoticed.
      mails.fire(
          Links.mail(
              oldEmail,
              "Your sign-in email was changed",
              "The email you sign in with was changed to "
                  + newEmail
                  + ". If this was you, there is nothing to do. If not, reset your password and"
                  + " contact support:",
              service.baseUrl(),
              "This is a notice; this address is no longer used to sign in."));
    }
    return UserView.from(user);
  }

  private void mailChangeLink(JsonObject payload) {
    String newEmail = payload.getString("newEmail");
    Optional<String> callbackURL = Optional.ofNullable(payload.getString("callbackURL", null));
    String token = verifications.issue(CHANGE, payload, settings.changeExpiresIn());
    mails.fire(
        Links.mail(
            newEmail,
            "Confirm your new email address",
            "Someone asked to use this address to sign in. Open the link to confirm the change"
                + " (valid for "
                + settings.changeExpiresIn().toMinutes()
                + " minutes):",
            Links.withCallback(emailVerification.verifyUrl(token), callbackURL),
            "If you did not ask for this, ignore this mail; nothing changes."));
  }
}
