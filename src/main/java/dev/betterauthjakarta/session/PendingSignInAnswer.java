package dev.betterauthjakarta.session;

import java.util.List;

/**
 * A sign-in that waits for its second factor, on the wire: Better Auth's {@code {twoFactorRedirect:
 * true, twoFactorMethods}} plus, ours, {@code twoFactorToken}: the pending sign-in's single-use
 * handle for a client without cookies, to send back in the {@code X-Two-Factor-Token} header or the
 * verify route's {@code twoFactorToken} field.
 */
public record PendingSignInAnswer(
    boolean twoFactorRedirect, List<String> twoFactorMethods, String twoFactorToken) {

  /** The answer for a gate that stopped. */
  public static PendingSignInAnswer of(SignInGate.SecondFactorRequired stop) {
    return new PendingSignInAnswer(true, stop.methods(), stop.pendingToken());
  }
}
