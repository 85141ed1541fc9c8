package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The account-management plugin (seed: AccountManagementPlugin). Enabled in WEB-INF/beans.xml;
 * {@code better.auth.account-management.enabled=false} vetoes it at deployment
 * ({@link AccountManagementSwitch}), leaving {@link DisabledAccountManagement}.
 */
@Alternative
@ApplicationScoped
public class AccountManagementPlugin implements AccountManagement {
  @Inject AccountService accounts;
  @Inject AuthSettings settings;

  public record AccountList(List<AccountView> accounts) {}

  @Override
  public Object listAccounts(Optional<Caller> caller) {
    List<AccountView> views =
        accounts.list(signedIn(caller)).stream().map(AccountView::from).toList();
    return settings.listAccountsAsBareArray() ? views : new AccountList(views);
  }

  @Override
  public void unlinkAccount(Optional<Caller> caller, Body body) {
    Caller c = signedIn(caller);
    accounts.unlink(c, UnlinkRequest.from(body));
  }

  private static Caller signedIn(Optional<Caller> caller) {
    return caller.orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
  }
}
