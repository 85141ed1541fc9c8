package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.session.Caller;
import java.util.Optional;

/**
 * The account-management plugin's seam. The default bean answers 404 (plugin off); the {@link
 * AccountManagementPlugin} alternative, enabled in beans.xml, does the work. The plugin decides
 * about the caller itself, so a disabled plugin is a 404 whether or not one is signed in.
 */
public interface AccountManagement {

  /**
   * The caller's accounts: {@code {"accounts":[...]}}, or the bare array when so configured.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 401 UNAUTHORIZED without a caller, 404
   *     ACCOUNT_MANAGEMENT_DISABLED when the plugin is off
   */
  Object listAccounts(Optional<Caller> caller);

  /**
   * Removes one of the caller's accounts, never the last one.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 401 UNAUTHORIZED, 403 SESSION_NOT_FRESH,
   *     400 FAILED_TO_UNLINK_LAST_ACCOUNT, 400 ACCOUNT_NOT_FOUND, 400 VALIDATION_ERROR, 404
   *     ACCOUNT_MANAGEMENT_DISABLED
   */
  void unlinkAccount(Optional<Caller> caller, UnlinkRequest request);
}
