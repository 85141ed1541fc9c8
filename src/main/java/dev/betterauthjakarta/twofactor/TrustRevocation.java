package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A new password revokes every trusted device of the user: whoever changed it (after a leak, say)
 * must not find the old browsers still skipping the second factor. Runs inside the changing
 * transaction.
 */
@ApplicationScoped
public class TrustRevocation {
  @Inject TwoFactorService twoFactor;

  void onPasswordChanged(@Observes PasswordChanged changed) {
    twoFactor.revokeTrustedDevices(changed.userId());
  }
}
