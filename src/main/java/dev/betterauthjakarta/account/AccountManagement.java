package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.session.Caller;
import java.util.Optional;

/**
 * The account-management plugin's seam. The default bean answers 404 (plugin off); the
 * {@link AccountManagementPlugin} alternative, enabled in beans.xml, does the work. The plugin
 * decides about the caller itself, so a disabled plugin is a 404 whether or not one is signed in.
 */
public interface AccountManagement {

  /** {@code {"accounts":[...]}}, or the bare array when so configured. */
  Object listAccounts(Optional<Caller> caller);

  void unlinkAccount(Optional<Caller> caller, Body body);
}
