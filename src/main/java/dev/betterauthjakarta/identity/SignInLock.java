package dev.betterauthjakarta.identity;

/** What sign-in found when it locked the user whose password it had verified. */
public sealed interface SignInLock {

  /** The credential is the one verified; the user row is locked until the transaction ends. */
  record Held(User user) implements SignInLock {}

  /** The password changed (or was upgraded) since it was read: verify again. */
  record CredentialChanged() implements SignInLock {}

  /** The user or the credential no longer exists. */
  record Gone() implements SignInLock {}
}
