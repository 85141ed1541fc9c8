package dev.betterauthjakarta.password;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The password on a user's credential account: check, change, reset by mail, set. */
@Stateless
public class PasswordService {
  static final String RESET = "reset-password";
  private static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
  private static final int MAX_PENDING_RESETS = 3;

  @Inject ServiceSettings settings;
  @Inject PasswordHasher passwords;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;
  @Inject AuditTrail audit;

  /** What a password change answers: a new session when the others were revoked. */
  public record Changed(Optional<IssuedSession> session, UserView user) {}

  /**
   * A new password needs the current one. With revokeOtherSessions every session ends, the caller's
   * too, and the caller gets a new one: a thief holding an old token is out.
   *
   * @throws AuthException 400 INVALID_PASSWORD or CREDENTIAL_ACCOUNT_NOT_FOUND
   */
  public Changed change(
      Caller caller,
      String currentPassword,
      String newPassword,
      boolean revokeOtherSessions,
      ClientInfo client) {
    String newHash = passwords.hash(newPassword); // before the row lock: hashing is slow
    User user = sessions.lockCaller(caller);
    identities.changePassword(user, currentPassword, newHash);
    verifications.deleteAllOf(user.getId()); // a new password ends every pending mailed link
    Optional<IssuedSession> issued = Optional.empty();
    if (revokeOtherSessions) {
      sessions.endAllOf(user.getId());
      issued = Optional.of(sessions.issue(user, true, client));
    }
    audit.record(
        AuditAction.PASSWORD_CHANGE,
        caller.actor(),
        user.getId(),
        Changes.none()
            .note("password", "changed")
            .note("otherSessionsRevoked", revokeOtherSessions));
    return new Changed(issued, UserView.from(user));
  }

  /**
   * Proof of presence by password, for {@code /verify-password}.
   *
   * @throws AuthException 400 INVALID_PASSWORD or CREDENTIAL_ACCOUNT_NOT_FOUND
   */
  public void verify(Caller caller, String password) {
    identities.checkPassword(caller.userId(), password);
  }

  /**
   * Mails a single-use reset link (1 hour) if the address belongs to a user. Runs after the answer
   * has gone, in its own transaction: the route answers the same, in the same time, whether or not
   * the address has an account. At most {@value #MAX_PENDING_RESETS} links per user are live at
   * once; asking again retires the oldest. The link is bound to the address it was mailed to.
   */
  @Asynchronous
  public void requestReset(String normalizedEmail, Optional<String> redirectTo) {
    Optional<User> user = identities.findByEmail(normalizedEmail);
    if (user.isEmpty()) {
      return;
    }
    JsonObject payload =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("userId", user.get().getId())
            .add("email", normalizedEmail)
            .build();
    String token =
        verifications.issueCapped(RESET, payload, RESET_LINK_LIFETIME, MAX_PENDING_RESETS);
    String link =
        settings.apiUrl()
            + "/reset-password/"
            + token
            + redirectTo
                .map(r -> "?callbackURL=" + URLEncoder.encode(r, StandardCharsets.UTF_8))
                .orElse("");
    mails.fire(
        Links.mail(
            normalizedEmail,
            "Reset your password",
            "Someone asked to reset the password of your account. Open the link to choose a new"
                + " one (valid for 60 minutes):",
            link,
            "If you did not ask for this, ignore this mail; your password stays as it is."));
  }

  /** Whether a reset token is still good, without using it up. */
  public boolean isResetTokenValid(String token) {
    return verifications.peek(token, RESET).isPresent();
  }

  /**
   * Sets the password a reset link was for (creating the credential account of a user who signed in
   * only through a provider) and ends all the user's sessions.
   *
   * @throws AuthException 400 INVALID_TOKEN for an unknown, used or expired token
   */
  public void reset(String token, String newPassword) {
    Supplier<AuthException> invalid =
        () -> new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token");
    JsonObject payload = verifications.redeem(token, RESET).payloadOr(invalid);
    String hash = passwords.hash(newPassword);
    User user = identities.findLocked(payload.getString("userId")).orElseThrow(invalid);
    if (!payload.getString("email", "").equals(user.getEmail())) {
      throw invalid.get(); // mailed to an address the user has left since
    }
    identities.storePassword(user, hash);
    sessions.endAllOf(user.getId());
    verifications.deleteAllOf(user.getId());
    // Whoever holds the mailed link: no session stands behind a reset.
    audit.record(
        AuditAction.PASSWORD_RESET,
        Actor.anonymous(),
        user.getId(),
        Changes.none().note("password", "changed").note("sessions", "all revoked"));
  }

  /**
   * Better Auth's set-password, as a route: a user who has no password (signed up through a
   * provider) may add one from a fresh session; replacing one needs change-password.
   *
   * @throws AuthException 403 SESSION_NOT_FRESH, 400 PASSWORD_ALREADY_SET
   */
  public void set(Caller caller, String newPassword) {
    caller.requireFresh();
    String hash = passwords.hash(newPassword);
    User user = sessions.lockCaller(caller);
    if (identities.findCredential(user.getId()).isPresent()) {
      throw new AuthException(ErrorCode.PASSWORD_ALREADY_SET);
    }
    identities.storePassword(user, hash);
    verifications.deleteAllOf(user.getId());
    audit.record(
        AuditAction.PASSWORD_SET,
        caller.actor(),
        user.getId(),
        Changes.none().note("password", "set"));
  }
}
