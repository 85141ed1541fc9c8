package dev.betterauthjakarta.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionView;
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
          UserView.from(
              new User("u1", new NewUser("Ada", "ada@example.com", null, null, null, null), NOW)),
          "t",
          false,
          true);

  private static AccountManagementPlugin plugin(ListAccountsFormat format) {
    AccountManagementPlugin plugin = new AccountManagementPlugin();
    plugin.identities =
        new IdentityService() {
          @Override
          public List<Account> accountsOf(String userId) {
            return List.of(Account.credential("a1", userId, "hash", NOW));
          }
        };
    plugin.settings =
        new AccountsSettings() {
          @Override
          public ListAccountsFormat listFormat() {
            return format;
          }
        };
    return plugin;
  }

  @Test
  void listsInTheSeedsEnvelopeByDefault() {
    Object answer = plugin(ListAccountsFormat.ENVELOPE).listAccounts(Optional.of(CALLER));
    AccountManagementPlugin.AccountList list =
        assertInstanceOf(AccountManagementPlugin.AccountList.class, answer);
    assertEquals("a1", list.accounts().get(0).id());
  }

  @Test
  void listsABareArrayWhenConfiguredAsBetterAuthsClientTypesExpect() {
    Object answer = plugin(ListAccountsFormat.ARRAY).listAccounts(Optional.of(CALLER));
    assertEquals(List.of(AccountView.from(Account.credential("a1", "u1", "hash", NOW))), answer);
  }

  @Test
  void withoutACallerItIsUnauthorized() {
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> plugin(ListAccountsFormat.ENVELOPE).listAccounts(Optional.empty()));
    assertEquals(ErrorCode.UNAUTHORIZED, e.code());
  }

  @Test
  void theListFormatSettingNamesItsValuesWhenMistyped() {
    assertEquals(ListAccountsFormat.ARRAY, ListAccountsFormat.of(" Array "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ListAccountsFormat.of("arrays"));
    assertEquals(
        "better.auth.account-management.list-format must be one of envelope, array, not 'arrays'",
        e.getMessage());
  }
}
