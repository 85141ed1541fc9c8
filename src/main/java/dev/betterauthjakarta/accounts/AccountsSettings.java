package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Settings of the account-management plugin, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class AccountsSettings {
  /** The plugin's off switch, read at deployment by {@link AccountManagementSwitch}. */
  public static final String ENABLED = "better.auth.account-management.enabled";

  @Inject Config config;

  private ListAccountsFormat listFormat;
  private boolean allowUnlinkingAll;

  @PostConstruct
  void read() {
    listFormat =
        ConfigValues.choice(
            config,
            "better.auth.account-management.list-format",
            "envelope",
            ListAccountsFormat::of);
    allowUnlinkingAll =
        ConfigValues.bool(config, "better.auth.account-linking.allow-unlinking-all", false);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    listFormat();
  }

  /**
   * Whether a user may unlink every way to sign in (Better Auth's {@code allowUnlinkingAll}); off,
   * the last account that can sign in stays.
   */
  public boolean allowUnlinkingAll() {
    return allowUnlinkingAll;
  }

  /** How list-accounts answers. */
  public ListAccountsFormat listFormat() {
    return listFormat;
  }
}
