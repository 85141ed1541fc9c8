package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** The rules of the account-management plugin. */
@Stateless
public class AccountService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject UserService users;

  public List<Account> list(Caller caller) {
    return em.createNamedQuery(Account.BY_USER, Account.class)
        .setParameter("userId", caller.userId())
        .getResultList();
  }

  /**
   * Cannot unlink the last sign-in method: a user with a single account keeps it (checked
   * before the target lookup, as in Better Auth). The user row is locked first, so two unlinks
   * racing on a two-account user run one after the other and the second sees one account left.
   */
  public void unlink(Caller caller, UnlinkRequest request) {
    if (!caller.isFreshAt(clock.instant(), settings.sessionFreshAge())) {
      throw new AuthException(ErrorCode.SESSION_NOT_FRESH);
    }
    users.lockCaller(caller);
    List<Account> accounts = list(caller);
    if (accounts.size() == 1) {
      throw new AuthException(ErrorCode.FAILED_TO_UNLINK_LAST_ACCOUNT);
    }
    Account target =
        accounts.stream()
            .filter(request::matches)
            .findFirst()
            .orElseThrow(() -> new AuthException(ErrorCode.ACCOUNT_NOT_FOUND));
    em.remove(target);
  }
}
