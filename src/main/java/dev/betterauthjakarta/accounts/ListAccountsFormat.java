package dev.betterauthjakarta.accounts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How list-accounts answers ({@code better.auth.account-management.list-format}). */
public enum ListAccountsFormat {
  /** The seed's {@code {"accounts": [...]}} (the default). */
  ENVELOPE("envelope"),
  /** The bare array that Better Auth's client types declare. */
  ARRAY("array");

  private final String setting;

  ListAccountsFormat(String setting) {
    this.setting = setting;
  }

  /**
   * The format a configuration value names, ignoring case and surrounding blanks. {@link
   * AccountsSettings} parses the setting with this when the application starts, so a typo fails the
   * deployment.
   *
   * @throws IllegalArgumentException naming the allowed values, for any other value
   */
  public static ListAccountsFormat of(String value) {
    for (ListAccountsFormat format : values()) {
      if (format.setting.equalsIgnoreCase(value.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "better.auth.account-management.list-format must be one of "
            + Arrays.stream(values()).map(f -> f.setting).collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }
}
