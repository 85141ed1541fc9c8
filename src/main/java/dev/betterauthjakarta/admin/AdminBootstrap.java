package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Completes every new user inside its creating transaction, as Better Auth's user-create hook does:
 * the configured default role, or, for the user the settings name as the first administrator, the
 * first admin role (with its audit event).
 */
@ApplicationScoped
public class AdminBootstrap {
  @Inject AdminSettings settings;
  @Inject AdminService admin;
  @Inject Clock clock;

  void completeNewUser(@Observes UserCreated created) {
    User user = created.user();
    String role = settings.access().defaultRole();
    if (!role.equals(user.getRole())) {
      user.changeRole(role, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
    boolean named =
        settings
            .initialAdmin()
            .filter(
                n ->
                    n.equals(user.getId())
                        || (user.getEmail() != null && Emails.normalize(n).equals(user.getEmail())))
            .isPresent();
    if (named) {
      admin.promote(user);
    }
  }
}
