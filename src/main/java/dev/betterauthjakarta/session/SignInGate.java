package dev.betterauthjakarta.session;

import dev.betterauthjakarta.identity.UserView;
import java.util.List;

/**
 * What {@link SessionService#signIn} decided for a user whose identity was just proved (by a
 * password, or by an identity provider): a session, or a stop for the second factor.
 */
public sealed interface SignInGate {

  /** The session is open. */
  record Opened(IssuedSession session, UserView user) implements SignInGate {}

  /**
   * The user has two-factor authentication: no session without the second factor.
   *
   * @param pendingToken the pending sign-in's raw handle (for the {@code two_factor} cookie and
   *     bearer-only clients); a verify route redeems it once, within 10 minutes
   * @param methods Better Auth's {@code twoFactorMethods}: {@code totp}, {@code otp}
   */
  record SecondFactorRequired(String pendingToken, List<String> methods) implements SignInGate {}
}
