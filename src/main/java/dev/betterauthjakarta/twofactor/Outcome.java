package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.IssuedSession;
import java.util.Optional;

/**
 * What a verify route did. A refusal is returned, not thrown, so that the transaction that counted
 * the failed attempt commits; the resource throws it afterwards ({@link #orThrow()}).
 */
public sealed interface Outcome {

  /**
   * The code was right.
   *
   * @param session the new session of a finished pending sign-in (empty for a signed-in caller or
   *     with disableSession)
   * @param callerToken the signed-in caller's own token (re-verification), else null
   * @param trustToken a new trusted-device token for the cookie, when asked for
   */
  record Done(
      Optional<IssuedSession> session,
      String callerToken,
      UserView user,
      Optional<String> trustToken,
      boolean pendingFinished)
      implements Outcome {}

  /** The code was wrong or the challenge is gone; committed, then thrown as this code. */
  record Refused(ErrorCode code) implements Outcome {}

  /** The successful outcome, or the refusal as an {@link AuthException}. */
  default Done orThrow() {
    return switch (this) {
      case Done d -> d;
      case Refused r -> throw new AuthException(r.code());
    };
  }
}
