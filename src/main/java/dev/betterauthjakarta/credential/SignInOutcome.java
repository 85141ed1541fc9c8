package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.user.UserView;

/** A correct password either opens a session or, for a 2FA user, asks for the second factor. */
public sealed interface SignInOutcome {
  record SignedIn(IssuedSession session, UserView user) implements SignInOutcome {}

  record SecondFactorRequired() implements SignInOutcome {}
}
