package dev.betterauthjakarta.session;

import java.util.List;

/**
 * What proved a user's identity before the sign-in gate: a password, or an identity provider.
 *
 * @param providerId {@code credential} for a password, else the identity provider's id
 * @param amr the authentication methods the provider's verified id token names (RFC 8176 {@code
 *     amr}), empty for a password or a provider that said nothing
 */
public record FirstFactor(String providerId, List<String> amr) {
  public FirstFactor {
    amr = amr == null ? List.of() : List.copyOf(amr);
  }

  /** A password sign-in (email or username). */
  public static FirstFactor password() {
    return new FirstFactor("credential", List.of());
  }

  /** A provider sign-in; {@code amr} as the provider's verified id token states it. */
  public static FirstFactor provider(String providerId, List<String> amr) {
    return new FirstFactor(providerId, amr);
  }
}
