package dev.betterauthjakarta.signin;

import java.util.Optional;

/** The fields every request that opens a session shares: rememberMe and callbackURL. */
interface SessionRequest {
  Boolean rememberMe();

  String callbackURL();

  /** Whether the session outlives the browser session (7 days, not 1); true unless false. */
  default boolean remembered() {
    return !Boolean.FALSE.equals(rememberMe());
  }

  /** Where the client goes afterwards, already checked to be trusted. */
  default Optional<String> callback() {
    return Optional.ofNullable(callbackURL());
  }
}
