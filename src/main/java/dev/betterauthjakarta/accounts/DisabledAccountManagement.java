package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** What answers when the plugin is switched off: its routes do not exist. */
@ApplicationScoped
public class DisabledAccountManagement implements AccountManagement {

  @Override
  public Object listAccounts(Optional<Caller> caller) {
    throw new AuthException(ErrorCode.ACCOUNT_MANAGEMENT_DISABLED);
  }

  @Override
  public void unlinkAccount(Optional<Caller> caller, UnlinkRequest request) {
    throw new AuthException(ErrorCode.ACCOUNT_MANAGEMENT_DISABLED);
  }
}
