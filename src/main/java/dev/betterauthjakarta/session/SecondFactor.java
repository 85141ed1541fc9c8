package dev.betterauthjakarta.session;

import dev.betterauthjakarta.identity.User;
import java.util.Optional;

/**
 * The sign-in gate's question to the two-factor feature (which implements it; the core never
 * imports the feature): may this sign-in of a user with two-factor authentication open a session
 * now, or does it wait for a second factor?
 */
public interface SecondFactor {

  /** A sign-in parked until a second factor is proved. */
  record Pending(String token, java.util.List<String> methods) {}

  /**
   * Decides for a user whose {@code twoFactorEnabled} is set, inside the sign-in's transaction with
   * the user's row locked.
   *
   * @param user the user, locked
   * @param proof what proved the identity (an exemption may apply to an identity provider that
   *     asserts multi-factor authentication)
   * @param rememberMe the session to open later is remembered (7 days) or not (1 day)
   * @param client the request's client, with the trusted-device cookie it carries
   * @return empty to open the session now (a trusted device, an exempt provider), else the new
   *     pending sign-in: its raw single-use handle (returned once, stored as a hash) and the
   *     methods that can finish it ({@code totp}, {@code otp})
   */
  Optional<Pending> challenge(User user, FirstFactor proof, boolean rememberMe, ClientInfo client);

  /** Ends a pending sign-in, if the handle names one (sign-out). Unknown handles are ignored. */
  void abandon(String handle);
}
