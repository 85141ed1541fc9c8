package dev.betterauthjakarta.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the account-management plugin. */
@ApplicationScoped
public class AccountsSettings {
  /** The plugin's off switch, read at deployment by {@link AccountManagementSwitch}. */
  public static final String ENABLED = "better.auth.account-management.enabled";

  @Inject
  @ConfigProperty(name = "better.auth.account-management.list-format", defaultValue = "envelope")
  ListAccountsFormat listFormat;

  /** How list-accounts answers. */
  public ListAccountsFormat listFormat() {
    return listFormat;
  }
}
