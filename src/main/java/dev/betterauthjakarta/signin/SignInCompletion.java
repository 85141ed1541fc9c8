package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.CredentialSnapshot;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.SignInLock;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.FirstFactor;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.session.SignInGate;
import jakarta.ejb.Stateless;
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
}
