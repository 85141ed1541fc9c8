package dev.betterauthjakarta.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionView;
import dev.betterauthjakarta.user.User;
import dev.betterauthjakarta.user.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The list format setting and the caller rule, without a container. */
class AccountManagementPluginTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final Caller CALLER =
      new Caller(
          new SessionView("s", "t", "u1", NOW, NOW, NOW, "", "", null),
          UserView.from(new User("u1", "Ada", "ada@example.com", NOW)),
          "t",
          false);

  private static AccountManagementPlugin plugin(boolean bareArray) {
    AccountManagementPlugin plugin = new AccountManagementPlugin();
    plugin.accounts =
        new AccountService() {
          @Override
          public List<Account> list(Caller caller) {
            return List.of(Account.credential("a1", caller.userId(), "hash", NOW));
          }
        };
    plugin.settings =
        new AuthSettings() {
          @Override
          public boolean listAccountsAsBareArray() {
            return bareArray;
          }
        };
    return plugin;
  }

  @Test
  void listsInTheSeedsEnvelopeByDefault() {
    Object answer = plugin(false).listAccounts(Optional.of(CALLER));
    AccountManagementPlugin.AccountList list =
        assertInstanceOf(AccountManagementPlugin.AccountList.class, answer);
    assertEquals("a1", list.accounts().get(0).id());
  }

  @Test
  void listsABareArrayWhenConfiguredAsBetterAuthsClientTypesExpect() {
    Object answer = plugin(true).listAccounts(Optional.of(CALLER));
    assertEquals(List.of(AccountView.from(Account.credential("a1", "u1", "hash", NOW))), answer);
  }

  @Test
  void withoutACallerItIsUnauthorized() {
    AuthException e = assertThrows(AuthException.class, () -> plugin(false).listAccounts(Optional.empty()));
    assertEquals(ErrorCode.UNAUTHORIZED, e.code());
  }
}
