package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The account-management plugin (seed: AccountManagementPlugin). Enabled in WEB-INF/beans.xml;
 * {@code better.auth.account-management.enabled=false} vetoes it at deployment ({@link
 * AccountManagementSwitch}), leaving {@link DisabledAccountManagement}.
 */
@Alternative
@ApplicationScoped
public class AccountManagementPlugin implements AccountManagement {
  @Inject IdentityService identities;
  @Inject AccountsSettings settings;
  @Inject SessionService sessions;
  @Inject AuditTrail audit;

  /** The seed's list-accounts answer. */
  public record AccountList(List<AccountView> accounts) {}

  @Override
  public Object listAccounts(Optional<Caller> caller) {
    List<AccountView> views =
        identities.accountsOf(signedIn(caller).userId()).stream().map(AccountView::from).toList();
    return settings.listFormat() == ListAccountsFormat.ARRAY ? views : new AccountList(views);
  }

  /**
   * Unlinking needs a fresh session; the last-account rule is {@link IdentityService}'s. One
   * transaction, so the user row stays locked from the session check to the removal.
   */
  @Override
  @Transactional
  public void unlinkAccount(Optional<Caller> caller, UnlinkRequest request) {
    Caller c = signedIn(caller);
    request.requireTarget();
    c.requireFresh();
    sessions.lockCaller(c);
    identities.unlinkAccount(c.userId(), request::matches, settings.allowUnlinkingAll());
    audit.record(
        AuditAction.ACCOUNT_UNLINK,
        c.actor(),
        c.userId(),
        Changes.none()
            .note("providerId", request.providerId())
            .note("accountId", request.accountId()));
  }

  private static Caller signedIn(Optional<Caller> caller) {
    return caller.orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
  }
}
