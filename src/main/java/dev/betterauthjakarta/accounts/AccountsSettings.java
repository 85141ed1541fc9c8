package dev.betterauthjakarta.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the account-management plugin. */
@ApplicationScoped
public class AccountsSettings {
  /** The plugin's off switch, read at deployment by {@link AccountManagementSwitch}. */
  public static final String ENABLED = "better.auth.account-management.enabled";

  @Inject
  @ConfigProperty(name = "better.auth.account-management.list-format", defaultValue = "envelope")
  String listFormatSetting;

  private ListAccountsFormat listFormat;

  /**
   * Parses the setting. Payara's MicroProfile Config falls back to the default when a value does
   * not convert, so the conversion happens here, where a typo throws.
   */
  @PostConstruct
  void parse() {
    listFormat = ListAccountsFormat.of(listFormatSetting);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    listFormat();
  }

  /** How list-accounts answers. */
  public ListAccountsFormat listFormat() {
    return listFormat;
  }
}
