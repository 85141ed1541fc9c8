package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.session.IssuedSession;
import java.util.List;
import java.util.Optional;

/** A correct password either opens a session or, for a 2FA user, asks for the second factor. */
public sealed interface SignInOutcome {
  /** {@code session} is empty when a sign-up must verify its email before signing in. */
  record SignedIn(Optional<IssuedSession> session, UserView user) implements SignInOutcome {}

  /** A 2FA user: the pending sign-in's handle and the methods that can finish it. */
  record SecondFactorRequired(String pendingToken, List<String> methods) implements SignInOutcome {}
}
