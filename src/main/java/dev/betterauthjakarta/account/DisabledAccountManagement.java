package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
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
  public void unlinkAccount(Optional<Caller> caller, Body body) {
    throw new AuthException(ErrorCode.ACCOUNT_MANAGEMENT_DISABLED);
  }
}
