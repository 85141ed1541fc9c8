package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plugin's off switch: with {@code better.auth.account-management.enabled=false} (env {@code
 * BETTER_AUTH_ACCOUNT_MANAGEMENT_ENABLED=false}) the enabled alternative is vetoed, so CDI resolves
 * {@link AccountManagement} to the disabled default. No other code changes.
 */
public class AccountManagementSwitch implements Extension {
  private static final Logger LOG = Logger.getLogger(AccountManagementSwitch.class.getName());

  void vetoWhenSwitchedOff(@Observes ProcessAnnotatedType<AccountManagementPlugin> type) {
    boolean enabled = ConfigValues.bool(ConfigProvider.getConfig(), AccountsSettings.ENABLED, true);
    if (!enabled) {
      LOG.info("Account-management plugin switched off by " + AccountsSettings.ENABLED);
      type.veto();
    }
  }
}
