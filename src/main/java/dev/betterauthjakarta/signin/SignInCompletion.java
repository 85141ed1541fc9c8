package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.CredentialSnapshot;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.LockoutPolicy;
import dev.betterauthjakarta.identity.LockoutSettings;
import dev.betterauthjakarta.identity.SignInLock;
import dev.betterauthjakarta.identity.SignInLockout;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.FirstFactor;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.session.SignInGate;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The short, locked second half of a sign-in whose password was already verified: one transaction
 * that locks the user, checks the credential is unchanged, and opens the session.
 */
@Stateless
public class SignInCompletion {
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject SignInLockout lockout;
  @Inject LockoutSettings lockoutSettings;
  @Inject AuditTrail audit;
  @Inject Event<OutgoingMail> mails;

  /**
   * Opens the session, or says the credential changed since it was verified.
   *
   * @param upgradeHash a new hash of the same password to store, or null
   * @return the outcome, or empty when the password changed meanwhile (verify again)
   * @throws AuthException {@code invalid} (401) when the user is gone, 403 BANNED_USER, 403
   *     EMAIL_NOT_VERIFIED
   */
  public Optional<SignInOutcome> complete(
      CredentialSnapshot verified,
      String upgradeHash,
      boolean rememberMe,
      ClientInfo client,
      ErrorCode invalid) {
    User user =
        switch (identities.lockForSignIn(verified, upgradeHash)) {
          case SignInLock.Held held -> held.user();
          case SignInLock.CredentialChanged changed -> null;
          case SignInLock.Gone gone -> throw new AuthException(invalid);
        };
    if (user == null) {
      return Optional.empty();
    }
    // Ban, required verification and the second factor: the gate every sign-in passes.
    return Optional.of(
        switch (sessions.signIn(user, rememberMe, client, FirstFactor.password())) {
          case SignInGate.Opened opened ->
              new SignInOutcome.SignedIn(Optional.of(opened.session()), opened.user());
          case SignInGate.SecondFactorRequired stop ->
              new SignInOutcome.SecondFactorRequired(stop.pendingToken(), stop.methods());
        });
  }

  /**
   * Records a wrong password, in a transaction of its own (the sign-in itself answers an error and
   * commits nothing): the audit event, and the lockout's count, which may lock the account and, at
   * most once a day, mail its owner.
   *
   * @param key the lockout key ({@link SignInLockout#keyFor})
   * @param userId the account the identifier names, if any
   * @param identifier what was typed, normalised ({@code email:ada@example.com})
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(String key, Optional<String> userId, String identifier) {
    LockoutPolicy.Failure failure = lockout.failed(key);
    audit.record(
        AuditAction.SIGN_IN_FAILED,
        Actor.anonymous(),
        userId.orElse(null),
        Changes.none().note("identifier", identifier).note("locked", failure.locked()));
    if (failure.notifyOwner()) {
      userId
          .flatMap(identities::find)
          .filter(u -> u.getEmail() != null)
          .ifPresent(u -> mails.fire(lockedMail(u.getEmail())));
    }
  }

  private OutgoingMail lockedMail(String to) {
    String minutes =
        Long.toString(Math.max(1, lockoutSettings.policy().lockDuration().toMinutes()));
    String text =
        "Someone tried to sign in to your account with a wrong password many times, so signing in"
            + " with a password is paused for "
            + minutes
            + " minutes.\n\n"
            + "If this was you, wait and try again. If it was not, reset your password: a reset"
            + " ends the pause at once, and your new password is the only one that works"
            + " afterwards.\n";
    String html =
        "<!doctype html><html><body><p>"
            + Links.escapeHtml(text).replace("\n\n", "</p><p>").replace("\n", "")
            + "</p></body></html>";
    return new OutgoingMail(to, "Sign-in to your account is paused", text, html);
  }
}
