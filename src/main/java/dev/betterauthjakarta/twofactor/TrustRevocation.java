package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A new password revokes every trusted device and every pending sign-in of the user: whoever
 * changed it (after a leak, say) must not find the old browsers still skipping the second factor,
 * nor a sign-in made with the old password still waiting for a code. Runs inside the changing
 * transaction.
 */
@ApplicationScoped
public class TrustRevocation {
  @Inject TwoFactorService twoFactor;

  void onPasswordChanged(@Observes PasswordChanged changed) {
    twoFactor.revokeTrustedDevices(changed.userId());
    twoFactor.endPendingSignIns(changed.userId());
  }
}
