package dev.betterauthjakarta.session;

import dev.betterauthjakarta.identity.UserView;

/**
 * What {@link SessionService#signIn} decided for a user whose identity was just proved (by a
 * password, or by an identity provider): a session, or a stop for the second factor.
 */
public sealed interface SignInGate {

  /** The session is open. */
  record Opened(IssuedSession session, UserView user) implements SignInGate {}

  /** The user has two-factor authentication: no session without the second factor. */
  record SecondFactorRequired() implements SignInGate {}
}
