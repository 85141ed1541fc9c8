package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.FirstFactor;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.session.SignInGate;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a provider's answer does to users and accounts, in one transaction each: sign in (the
 * identity's user, an existing user by implicit link, or a new user) or link to a signed-in user.
 * The linking rules live here, security first:
 *
 * <ul>
 *   <li>A new identity joins an existing user by email only when the provider asserts the email is
 *       verified, the provider is trusted ({@code trusted-providers}), implicit linking is on, and
 *       the local user's own email is verified: otherwise whoever registers the victim's address at
 *       a lax provider, or pre-registers it here, would take the account over.
 *   <li>Only a trusted provider's word verifies an address: a user created or signed in through an
 *       untrusted one keeps an unverified email whatever it asserts, so it cannot prepare an
 *       account for the implicit link above.
 *   <li>An explicit link needs linking on and the provider trusted or both emails (the provider's
 *       and the user's) verified, and the provider's email must be the user's unless {@code
 *       allow-different-emails}. It completes only while the session that asked for it lasts.
 *   <li>A provider identity belongs to one user: every claim on it takes its advisory lock first
 *       (then the email's, then the user row), and the database's unique index is the last line.
 *   <li>Every rule a password sign-in applies applies here ({@link SessionService#signIn}).
 * </ul>
 */
@Stateless
public class SocialAccounts {
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject OAuthSettings settings;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  /** A provider sign-in's result: the gate's answer, and whether the user was just created. */
  public record SignedIn(SignInGate gate, boolean newUser) {}

  /**
   * Signs in with a provider identity.
   *
   * @param requestSignUp the client asked to sign up even where implicit sign-up is off
   * @throws ProviderFailure email_not_found, account_not_linked, signup_disabled,
   *     unable_to_link_account
   * @throws dev.betterauthjakarta.platform.AuthException 403 BANNED_USER, 403 EMAIL_NOT_VERIFIED
   *     (and the user and account stay unwritten)
   */
  public SignedIn signIn(
      ProviderSettings provider,
      ProviderProfile profile,
      ProviderTokens tokens,
      boolean requestSignUp,
      ClientInfo client) {
    if (profile.email() == null) {
      throw new ProviderFailure(ProviderFailure.EMAIL_NOT_FOUND);
    }
    identities.lockProviderIdentity(provider.id(), profile.accountId());
    Optional<Account> existing = identities.findAccount(provider.id(), profile.accountId());
    User user;
    boolean newUser = false;
    if (existing.isPresent()) {
      user =
          identities
              .findLocked(existing.get().getUserId())
              .orElseThrow(() -> new ProviderFailure(ProviderFailure.UNABLE_TO_LINK_ACCOUNT));
      identities.storeTokens(existing.get(), tokens, false);
      if (vouchesForEmail(provider, profile)
          && !user.isEmailVerified()
          && profile.email().equals(user.getEmail())) {
        user.verifyEmail(now());
      }
    } else {
      identities.lockEmail(profile.email());
      Optional<User> sameEmail = identities.findByEmail(profile.email());
      if (sameEmail.isPresent()) {
        user = identities.lock(sameEmail.get().getId());
        if (!implicitLinkAllowed(provider, profile, user)) {
          throw new ProviderFailure(ProviderFailure.ACCOUNT_NOT_LINKED);
        }
        identities.linkAccount(user, provider.id(), profile.accountId(), tokens);
        recordLink(
            Actor.user(user.getId()), user.getId(), provider.id(), profile.accountId(), "implicit");
        if (settings.updateUserInfoOnLink()) {
          user.takeProviderProfile(profile.name(), profile.image(), now());
        }
      } else {
        boolean signUpOff =
            provider.disableSignUp() || (provider.disableImplicitSignUp() && !requestSignUp);
        if (signUpOff) {
          throw new ProviderFailure(ProviderFailure.SIGNUP_DISABLED);
        }
        user =
            identities.createFromProvider(
                new NewUser(
                    profile.name() == null ? "" : profile.name(),
                    profile.email(),
                    profile.image(),
                    null,
                    null,
                    JsonValue.EMPTY_JSON_OBJECT),
                vouchesForEmail(provider, profile));
        identities.linkAccount(user, provider.id(), profile.accountId(), tokens);
        audit.record(
            AuditAction.SIGN_UP,
            Actor.user(user.getId()),
            user.getId(),
            Changes.none().note("method", provider.id()).note("email", user.getEmail()));
        newUser = true;
      }
    }
    // amr is taken only from an OpenID Connect provider's verified id token.
    FirstFactor proof =
        FirstFactor.provider(
            provider.id(), provider.kind().isOidc() ? profile.amr() : java.util.List.of());
    return new SignedIn(sessions.signIn(user, true, client, proof), newUser);
  }

  /**
   * Whether the provider's word verifies the address here: it asserts the email is verified and it
   * is trusted. An untrusted provider may let anyone claim any address as verified; if its word
   * verified a user's email, an attacker could sign up (or verify a password account registered)
   * with the victim's address through it, and the victim's later sign-in through a trusted provider
   * would be linked implicitly into the attacker's account.
   */
  private boolean vouchesForEmail(ProviderSettings provider, ProviderProfile p) {
    return p.emailVerified() && settings.isTrusted(provider.id());
  }

  /**
   * Implicit linking: all four must hold. The local email must be verified too, or an attacker who
   * signed up with the victim's address (never verifying it) would receive the victim's provider
   * identity, or the reverse.
   */
  private boolean implicitLinkAllowed(ProviderSettings provider, ProviderProfile p, User user) {
    return settings.linkingEnabled()
        && settings.implicitLinking()
        && vouchesForEmail(provider, p)
        && user.isEmailVerified();
  }

  /**
   * Who a link is for: the user, and the session that asked for it (the caller's own, or the one
   * that started a redirect flow); the link is made only while that session lasts.
   */
  public record Linker(String userId, String sessionId) {}

  /**
   * Links a provider identity to a user (the end of link-social). Already linked to this user: the
   * tokens are updated and the granted scopes added.
   *
   * @param linker the user and the session that asked (checked under the user's lock)
   * @throws ProviderFailure unable_to_link_account (linking off, an untrusted provider with an
   *     unverified provider or local email), email_does_not_match,
   *     account_already_linked_to_different_user
   */
  public void link(
      ProviderSettings provider, Linker linker, ProviderProfile profile, ProviderTokens tokens) {
    String userId = linker.userId();
    if (!settings.linkingEnabled()
        || !(settings.isTrusted(provider.id()) || profile.emailVerified())) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_LINK_ACCOUNT);
    }
    identities.lockProviderIdentity(provider.id(), profile.accountId());
    // The session that asked must still exist, whether it asks now (id-token link, exchange) or
    // started a redirect flow minutes ago: a link racing or following a sign-out or revocation of
    // that session does nothing (else a stolen session, revoked once found out, would still leave
    // the thief's identity linked by a flow it had started).
    User user = sessions.lockUserOfSession(userId, linker.sessionId());
    // An untrusted provider's word proves no mailbox, and neither does an unverified local address:
    // together they would let whoever registered someone else's address here attach a second way
    // in that outlives the owner's password reset.
    if (!settings.isTrusted(provider.id()) && !user.isEmailVerified()) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_LINK_ACCOUNT);
    }
    // The user's address now, not when the flow began: an email change in between counts.
    if (!settings.allowDifferentEmails()
        && (profile.email() == null || !profile.email().equals(user.getEmail()))) {
      throw new ProviderFailure(ProviderFailure.EMAIL_DOES_NOT_MATCH);
    }
    Optional<Account> existing = identities.findAccount(provider.id(), profile.accountId());
    if (existing.isPresent()) {
      if (!existing.get().getUserId().equals(userId)) {
        throw new ProviderFailure(ProviderFailure.LINKED_TO_ANOTHER_USER);
      }
      identities.storeTokens(existing.get(), tokens, true);
    } else {
      identities.linkAccount(user, provider.id(), profile.accountId(), tokens);
      recordLink(
          sessions.actorOfSession(user.getId(), linker.sessionId()),
          user.getId(),
          provider.id(),
          profile.accountId(),
          "explicit");
    }
    if (settings.updateUserInfoOnLink()) {
      user.takeProviderProfile(profile.name(), profile.image(), now());
    }
  }

  /** A new provider account of the user, in the linking transaction. */
  private void recordLink(
      Actor actor, String userId, String providerId, String accountId, String how) {
    audit.record(
        AuditAction.ACCOUNT_LINK,
        actor,
        userId,
        Changes.none()
            .note("providerId", providerId)
            .note("accountId", accountId)
            .note("how", how));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
