package dev.betterauthjakarta.oauth;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Incidents;
import dev.betterauthjakarta.platform.Metrics;
import dev.betterauthjakarta.platform.Metrics.SignInMethod;
import dev.betterauthjakarta.platform.Metrics.SignInResult;
import dev.betterauthjakarta.platform.Redirects;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SignInGate;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Sign-in and linking through identity providers, step by step. It holds no transaction itself:
 * each database step is a short transaction of its own ({@link OAuthFlows}, {@link
 * SocialAccounts}), and the calls to the provider (code exchange, id-token keys, profile) run
 * between them, holding neither a connection nor a lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OAuthService {
  private static final Logger LOG = Logger.getLogger(OAuthService.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Metrics metrics;

  /** The callback path of Better Auth 1.7 and of 1.6's generic-oauth plugin. */
  public enum CallbackPath {
    CURRENT("callback"),
    LEGACY("oauth2/callback");

    final String path;

    CallbackPath(String path) {
      this.path = path;
    }
  }

  @Inject Providers providers;
  @Inject OAuthFlows flows;
  @Inject SocialAccounts accounts;
  @Inject ProviderTokenService tokens;
  @Inject ServiceSettings service;

  /**
   * A started redirect flow.
   *
   * @param exchangeSecret for a flow finished by exchange code, the secret the client keeps; null
   *     for a browser flow (which gets the state cookie instead)
   */
  public record Started(URI url, String state, String exchangeSecret) {}

  /**
   * Starts a redirect flow: a sign-in, or with {@code linkFor} a link to that (fresh) caller.
   *
   * @throws AuthException 404 PROVIDER_NOT_FOUND, 403 SESSION_NOT_FRESH, 502 PROVIDER_UNAVAILABLE
   */
  public Started start(FlowStart s, Optional<Caller> linkFor, CallbackPath path) {
    IdentityProvider p = providers.get(s.provider());
    linkFor.ifPresent(Caller::requireFresh);
    String verifier = p.settings().pkce() ? new CodeVerifier().getValue() : null;
    String nonce = p.bindsNonce() ? Tokens.generate() : null;
    String secret = s.codeExchange() ? secret() : null;
    String redirectUri = redirectUri(p.id(), path);
    Flow flow =
        new Flow(
            linkFor.map(Caller::userId).orElse(""),
            p.id(),
            redirectUri,
            verifier,
            nonce,
            s.callbackURL() != null ? s.callbackURL() : service.baseUrl(),
            s.errorCallbackURL(),
            s.newUserCallbackURL(),
            linkFor.map(c -> c.user().email() == null ? "" : c.user().email()).orElse(null),
            s.requestSignUp(),
            secret == null ? null : Tokens.hash(secret),
            s.scopes(),
            linkFor.map(Caller::sessionId).orElse(null));
    String state = flows.begin(flow);
    try {
      URI url =
          p.authorizationUrl(
              new IdentityProvider.Authorization(
                  URI.create(redirectUri),
                  state,
                  verifier,
                  nonce,
                  s.scopes(),
                  s.loginHint(),
                  s.additionalParams()));
      return new Started(url, state, secret);
    } catch (ProviderFailure e) {
      throw new AuthException(ErrorCode.PROVIDER_UNAVAILABLE);
    }
  }

  private String redirectUri(String providerId, CallbackPath path) {
    return service.apiUrl() + "/" + path.path + "/" + providerId;
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What a provider's redirect back carries. */
  public record CallbackParams(
      String code, String state, String error, String errorDescription, String iss) {}

  /**
   * Where the callback sends the browser, the session it opened if any, and whether the flow was
   * used up (then the browser's state cookie is dropped; a request refused before that leaves the
   * cookie for the flow's real callback).
   */
  public record Landing(
      URI location,
      Optional<IssuedSession> session,
      boolean flowUsed,
      Optional<String> pendingSignIn) {
    Landing(URI location, Optional<IssuedSession> session, boolean flowUsed) {
      this(location, session, flowUsed, Optional.empty());
    }
  }

  /**
   * The provider's redirect back. Never throws: every failure is a redirect to the flow's error URL
   * (or the service's error page before the flow is known) with {@code ?error=<code>}.
   *
   * @param stateCookie the state the browser's state cookie carries
   */
  public Landing callback(
      String providerId,
      CallbackParams params,
      Optional<String> stateCookie,
      CallbackPath path,
      ClientInfo client) {
    String defaultError = service.apiUrl() + "/error";
    if (tooLong(params.code(), 4096)
        || tooLong(params.state(), 256)
        || tooLong(params.iss(), 2048)
        || tooLong(params.error(), 256)) {
      return refused(defaultError, ProviderFailure.INVALID_CALLBACK_REQUEST);
    }
    if (params.state() == null || params.state().isEmpty()) {
      return refused(defaultError, ProviderFailure.STATE_NOT_FOUND);
    }
    Optional<Flow> found;
    try {
      found = flows.take(params.state()); // single use: a replayed state finds nothing
    } catch (RuntimeException e) {
      String incident = Incidents.report(LOG, "Reading the flow of a callback failed", e);
      return refused(defaultError, ProviderFailure.INTERNAL_ERROR, "incident " + incident);
    }
    if (found.isEmpty()) {
      return refused(defaultError, ProviderFailure.STATE_MISMATCH);
    }
    Flow flow = found.get();
    String errorUrl = flow.errorURL() != null ? flow.errorURL() : defaultError;
    boolean sameBrowser =
        flow.finishesByExchange()
            || stateCookie.filter(c -> constantTimeEquals(c, params.state())).isPresent();
    if (!sameBrowser
        || !flow.providerId().equals(providerId)
        || !flow.redirectUri().equals(redirectUri(providerId, path))) {
      return counted(
          flow,
          SignInResult.PROVIDER_ERROR,
          failed(errorUrl, ProviderFailure.STATE_MISMATCH, null));
    }
    if (params.error() != null) {
      String code =
          params.error().matches("[A-Za-z0-9_.\\-]{1,64}") ? params.error() : "access_denied";
      return counted(
          flow, SignInResult.PROVIDER_ERROR, failed(errorUrl, code, params.errorDescription()));
    }
    if (params.code() == null || params.code().isEmpty()) {
      return counted(
          flow, SignInResult.PROVIDER_ERROR, failed(errorUrl, ProviderFailure.NO_CODE, null));
    }
    Optional<IdentityProvider> provider = providers.find(providerId);
    if (provider.isEmpty()) {
      return counted(
          flow,
          SignInResult.PROVIDER_ERROR,
          failed(errorUrl, ProviderFailure.PROVIDER_NOT_FOUND, null));
    }
    IdentityProvider p = provider.get();
    if (params.iss() != null
        && p.settings().issuer() != null
        && !sameIssuer(params.iss(), p.settings().issuer())) {
      return counted(
          flow,
          SignInResult.PROVIDER_ERROR,
          failed(errorUrl, ProviderFailure.ISSUER_MISMATCH, null)); // RFC 9207
    }
    try {
      IdentityProvider.Exchanged answer =
          p.exchange(
              params.code(), URI.create(flow.redirectUri()), flow.codeVerifier(), flow.nonce());
      if (flow.finishesByExchange()) {
        String code = flows.hold(flow, answer.profile(), answer.tokens());
        return new Landing(to(flow.callbackURL(), "exchangeCode", code), Optional.empty(), true);
      }
      if (flow.isLink()) {
        accounts.link(
            p.settings(),
            new SocialAccounts.Linker(flow.userId(), flow.sessionId()),
            answer.profile(),
            answer.tokens());
        return new Landing(to(flow.callbackURL(), null, null), Optional.empty(), true);
      }
      SocialAccounts.SignedIn signedIn =
          accounts.signIn(
              p.settings(), answer.profile(), answer.tokens(), flow.requestSignUp(), client);
      return switch (signedIn.gate()) {
        case SignInGate.Opened opened -> {
          String target =
              signedIn.newUser() && flow.newUserURL() != null
                  ? flow.newUserURL()
                  : flow.callbackURL();
          metrics.signIn(SignInMethod.SOCIAL, SignInResult.SUCCESS);
          if (signedIn.newUser()) {
            metrics.signUp(SignInMethod.SOCIAL);
          }
          yield new Landing(to(target, null, null), Optional.of(opened.session()), true);
        }
        case SignInGate.SecondFactorRequired stop -> {
          // The browser carries the pending sign-in's cookie to the app's error page, which sends
          // the user to its second-factor form; verify-totp/otp/backup-code then finish it.
          metrics.signIn(SignInMethod.SOCIAL, SignInResult.TWO_FACTOR_REQUIRED);
          Landing l = failed(errorUrl, ProviderFailure.TWO_FACTOR_REQUIRED, null);
          yield new Landing(l.location(), Optional.empty(), true, Optional.of(stop.pendingToken()));
        }
      };
    } catch (ProviderFailure e) {
      return counted(flow, SignInResult.PROVIDER_ERROR, failed(errorUrl, e.code(), null));
    } catch (AuthException e) {
      if (isSignIn(flow)) {
        metrics.signInRefused(SignInMethod.SOCIAL, e.code());
      }
      return switch (e.code()) {
        case EMAIL_NOT_VERIFIED -> failed(errorUrl, ProviderFailure.EMAIL_NOT_VERIFIED, null);
        case CONFLICT -> failed(errorUrl, ProviderFailure.UNABLE_TO_LINK_ACCOUNT, null);
        // The session that started a link flow ended (sign-out, revocation) before it finished.
        case UNAUTHORIZED -> failed(errorUrl, ProviderFailure.UNABLE_TO_LINK_ACCOUNT, null);
        // A refusal with a code (a ban) is forwarded verbatim, as Better Auth does.
        default -> failed(errorUrl, e.code().name(), e.getMessage());
      };
    } catch (RuntimeException e) {
      String incident = Incidents.report(LOG, "Callback of provider " + providerId + " failed", e);
      return counted(
          flow,
          SignInResult.FAILED,
          failed(errorUrl, ProviderFailure.INTERNAL_ERROR, "incident " + incident));
    }
  }

  /** A sign-in flow's landing, counted; a link or exchange flow's is not a sign-in (yet). */
  private Landing counted(Flow flow, SignInResult result, Landing landing) {
    if (isSignIn(flow)) {
      metrics.signIn(SignInMethod.SOCIAL, result);
    }
    return landing;
  }

  /** Whether the callback of this flow ends a sign-in (not a link, not held for an exchange). */
  private static boolean isSignIn(Flow flow) {
    return !flow.isLink() && !flow.finishesByExchange();
  }

  /**
   * Counts a sign-in through a provider that ends here (id token, exchange): by the gate's answer,
   * or by the error it ended with.
   */
  private SocialAccounts.SignedIn countedSignIn(Supplier<SocialAccounts.SignedIn> signIn) {
    SocialAccounts.SignedIn signedIn =
        metrics.countSignIn(
            SignInMethod.SOCIAL, signIn, s -> !(s.gate() instanceof SignInGate.Opened));
    if (signedIn.newUser()) {
      metrics.signUp(SignInMethod.SOCIAL);
    }
    return signedIn;
  }

  private static boolean tooLong(String value, int max) {
    return value != null && value.length() > max;
  }

  private static boolean sameIssuer(String presented, URI configured) {
    String a = presented.replaceAll("/+$", "");
    String b = configured.toString().replaceAll("/+$", "");
    return a.equals(b);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A failure before the flow was found: the state cookie stays. */
  private Landing refused(String errorUrl, String code) {
    return refused(errorUrl, code, null);
  }

  /** A failure before the flow was found, with a description: the state cookie stays. */
  private Landing refused(String errorUrl, String code, String description) {
    Landing l = failed(errorUrl, code, description);
    return new Landing(l.location(), Optional.empty(), false);
  }

  private Landing failed(String errorUrl, String code, String description) {
    String target = Redirects.withQueryParameter(errorUrl, "error", code);
    if (description != null && !description.isBlank()) {
      String d = description.length() > 256 ? description.substring(0, 256) : description;
      target = Redirects.withQueryParameter(target, "error_description", d);
    }
    return new Landing(Redirects.location(service.baseUrl(), target), Optional.empty(), true);
  }

  private URI to(String target, String name, String value) {
    String t = name == null ? target : Redirects.withQueryParameter(target, name, value);
    return Redirects.location(service.baseUrl(), t);
  }

  // --- sign-in and linking without a redirect -------------------------------------------------

  /**
   * Signs in with an id token the client got from the provider itself.
   *
   * @throws AuthException 404 PROVIDER_NOT_FOUND / ID_TOKEN_NOT_SUPPORTED, 401 INVALID_TOKEN /
   *     FAILED_TO_GET_USER_INFO / USER_EMAIL_NOT_FOUND / OAUTH_LINK_ERROR, 403 EMAIL_NOT_VERIFIED /
   *     BANNED_USER
   */
  public SocialAccounts.SignedIn signInWithIdToken(
      String providerId, IdTokenRequest idToken, boolean requestSignUp, ClientInfo client) {
    IdentityProvider p = providers.get(providerId);
    return countedSignIn(
        () -> {
          ProviderProfile profile = verified(p, idToken);
          ProviderTokens t =
              new ProviderTokens(idToken.accessToken(), null, idToken.token(), null, null, null);
          try {
            return accounts.signIn(p.settings(), profile, t, requestSignUp, client);
          } catch (ProviderFailure e) {
            throw linkError(e);
          }
        });
  }

  /**
   * Links the identity of an id token to the (fresh) caller.
   *
   * @throws AuthException 404 PROVIDER_NOT_FOUND / ID_TOKEN_NOT_SUPPORTED, 401 INVALID_TOKEN /
   *     FAILED_TO_GET_USER_INFO / USER_EMAIL_NOT_FOUND / LINKING_NOT_ALLOWED /
   *     LINKING_DIFFERENT_EMAILS_NOT_ALLOWED, 409 SOCIAL_ACCOUNT_ALREADY_LINKED, 403
   *     SESSION_NOT_FRESH
   */
  public void linkWithIdToken(Caller caller, String providerId, IdTokenRequest idToken) {
    IdentityProvider p = providers.get(providerId);
    caller.requireFresh();
    ProviderProfile profile = verified(p, idToken);
    ProviderTokens t =
        new ProviderTokens(
            idToken.accessToken(), idToken.refreshToken(), idToken.token(), null, null, null);
    link(p, caller, profile, t);
  }

  private void link(IdentityProvider p, Caller caller, ProviderProfile profile, ProviderTokens t) {
    try {
      accounts.link(
          p.settings(), new SocialAccounts.Linker(caller.userId(), caller.sessionId()), profile, t);
    } catch (ProviderFailure e) {
      throw switch (e.code()) {
        case ProviderFailure.EMAIL_DOES_NOT_MATCH ->
            new AuthException(ErrorCode.LINKING_DIFFERENT_EMAILS_NOT_ALLOWED);
        case ProviderFailure.LINKED_TO_ANOTHER_USER ->
            new AuthException(ErrorCode.SOCIAL_ACCOUNT_ALREADY_LINKED);
        default -> new AuthException(ErrorCode.LINKING_NOT_ALLOWED);
      };
    } catch (AuthException e) {
      if (e.code() == ErrorCode.CONFLICT) { // another writer linked it in the meantime
        throw new AuthException(ErrorCode.SOCIAL_ACCOUNT_ALREADY_LINKED);
      }
      throw e;
    }
  }

  /** The profile of a verified id token, or the JSON error Better Auth answers. */
  private ProviderProfile verified(IdentityProvider p, IdTokenRequest idToken) {
    if (!p.supportsIdTokens()) {
      throw new AuthException(ErrorCode.ID_TOKEN_NOT_SUPPORTED);
    }
    ProviderProfile profile;
    try {
      profile = p.verifyIdToken(idToken.token(), idToken.nonce());
    } catch (ProviderFailure e) {
      throw switch (e.code()) {
        case ProviderFailure.PROVIDER_UNAVAILABLE ->
            new AuthException(ErrorCode.PROVIDER_UNAVAILABLE);
        case ProviderFailure.INVALID_TOKEN -> new AuthException(ErrorCode.INVALID_TOKEN);
        default ->
            new AuthException(
                401,
                ErrorCode.FAILED_TO_GET_USER_INFO,
                ErrorCode.FAILED_TO_GET_USER_INFO.message());
      };
    }
    if (profile.email() == null) {
      throw new AuthException(ErrorCode.USER_EMAIL_NOT_FOUND);
    }
    return profile;
  }

  private static AuthException linkError(ProviderFailure e) {
    return new AuthException(ErrorCode.OAUTH_LINK_ERROR, e.reason());
  }

  // --- the bearer-only finish ----------------------------------------------------------------

  /** What redeeming an exchange code did. */
  public sealed interface Finished {
    record SignedIn(SocialAccounts.SignedIn result) implements Finished {}

    record Linked() implements Finished {}
  }

  /**
   * Finishes a flow started with {@code codeExchange}: the code from the callback's redirect and
   * the secret from the start, once. A link flow also needs the session that started it.
   *
   * @throws AuthException 401 INVALID_EXCHANGE_CODE (unknown, used, expired, or the wrong secret),
   *     and the errors of the id-token routes
   */
  public Finished finish(
      TokenRequests.Exchange request, Optional<Caller> caller, ClientInfo client) {
    OAuthFlows.Pending pending =
        flows
            .redeem(request.exchangeCode(), request.exchangeSecret())
            .orElseThrow(() -> new AuthException(ErrorCode.INVALID_EXCHANGE_CODE));
    IdentityProvider p = providers.get(pending.flow().providerId());
    if (pending.flow().isLink()) {
      Caller c =
          caller
              .filter(x -> x.userId().equals(pending.flow().userId()))
              .orElseThrow(() -> new AuthException(ErrorCode.INVALID_EXCHANGE_CODE));
      link(p, c, pending.profile(), pending.tokens());
      return new Finished.Linked();
    }
    return new Finished.SignedIn(
        countedSignIn(
            () -> {
              try {
                return accounts.signIn(
                    p.settings(),
                    pending.profile(),
                    pending.tokens(),
                    pending.flow().requestSignUp(),
                    client);
              } catch (ProviderFailure e) {
                throw linkError(e);
              }
            }));
  }

  // --- account-info ------------------------------------------------------------------------

  /** account-info's answer parts. */
  public record AccountInfo(
      ProviderProfile profile, String rowId, String providerId, String issuer) {}

  /**
   * The profile behind one of the caller's accounts, read with a valid access token (refreshed
   * first if needed, in its own short transaction; the profile call holds no lock).
   *
   * @throws AuthException 400 ACCOUNT_NOT_FOUND / PROVIDER_NOT_CONFIGURED / ACCESS_TOKEN_NOT_FOUND
   *     / FAILED_TO_GET_ACCESS_TOKEN, 401 FAILED_TO_GET_USER_INFO
   */
  public AccountInfo accountInfo(Caller caller, TokenRequests.AccountSelector selector) {
    ProviderTokenService.Valid valid = tokens.validToken(caller, selector, true);
    IdentityProvider p =
        providers
            .find(valid.providerId())
            .orElseThrow(() -> new AuthException(ErrorCode.PROVIDER_NOT_CONFIGURED));
    try {
      String issuer =
          p.settings().issuer() != null
              ? p.settings().issuer().toString()
              : "local:oauth:" + p.id(); // Better Auth's synthetic issuer of plain OAuth providers
      return new AccountInfo(
          p.userInfo(valid.accessToken()), valid.rowId(), valid.providerId(), issuer);
    } catch (ProviderFailure e) {
      throw new AuthException(
          401, ErrorCode.FAILED_TO_GET_USER_INFO, ErrorCode.FAILED_TO_GET_USER_INFO.message());
    }
  }
}
