package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.CrossSitePost;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.SignInRoute;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionCredentials;
import dev.betterauthjakarta.session.SignInGate;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Social and OpenID Connect sign-in, linking and provider tokens: Better Auth 1.7's routes, 1.6's
 * generic-oauth aliases, the service's error page, and the bearer-only finish.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {
  @Inject OAuthService oauth;
  @Inject ProviderTokenService tokens;
  @Inject SessionCredentials credentialsOut;
  @Inject StateCookie stateCookie;
  @Inject ServiceSettings service;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  /**
   * A started redirect flow. {@code exchangeSecret} (ours) only for a flow finished by exchange
   * code.
   */
  public record RedirectAnswer(
      String url, boolean redirect, @JsonbNillable(false) String exchangeSecret) {}

  public record SignInAnswer(boolean redirect, String token, UserView user) {}

  public record SecondFactorAnswer(boolean twoFactorRedirect, List<String> twoFactorMethods) {}

  public record LinkAnswer(String url, boolean status, boolean redirect) {}

  public record AccessTokenAnswer(
      String accessToken,
      @JsonbNillable(false) Instant accessTokenExpiresAt,
      List<String> scopes,
      @JsonbNillable(false) String idToken) {}

  public record RefreshAnswer(
      String accessToken,
      String refreshToken,
      Instant accessTokenExpiresAt,
      Instant refreshTokenExpiresAt,
      String scope,
      String idToken,
      String providerId,
      String accountId) {}

  public record InfoUser(
      String id, String name, String email, String image, boolean emailVerified) {}

  public record InfoAccount(String id, String providerId, String issuer, String accountId) {}

  public record AccountInfoAnswer(InfoUser user, JsonObject data, InfoAccount account) {}

  // --- starting: sign-in/social, link-social and the 1.6 aliases -----------------------------

  @POST
  @Path("sign-in/social")
  @SignInRoute
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signInSocial(@Valid SocialSignInRequest request) {
    Optional<IdTokenRequest> idToken = request.idTokenRequest();
    if (idToken.isPresent()) {
      SocialAccounts.SignedIn signedIn =
          oauth.signInWithIdToken(
              request.provider(),
              idToken.get(),
              Boolean.TRUE.equals(request.requestSignUp()),
              client());
      return signedIn(signedIn.gate());
    }
    FlowStart start = request.start();
    return started(
        oauth.start(start, Optional.empty(), OAuthService.CallbackPath.CURRENT),
        request.redirects(),
        true);
  }

  /** Better Auth 1.6's generic-oauth sign-in: no Location header, 400 for an unknown provider. */
  @POST
  @Path("sign-in/oauth2")
  @SignInRoute
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signInOAuth2(@Valid LegacyRequests.SignIn request) {
    try {
      return started(
          oauth.start(request.start(), Optional.empty(), OAuthService.CallbackPath.LEGACY),
          !Boolean.TRUE.equals(request.disableRedirect()),
          false);
    } catch (AuthException e) {
      if (e.code() == ErrorCode.PROVIDER_NOT_FOUND) {
        throw new AuthException(
            400,
            ErrorCode.PROVIDER_NOT_FOUND,
            "No config found for provider " + request.providerId());
      }
      throw e;
    }
  }

  @POST
  @Path("link-social")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response linkSocial(@Valid LinkSocialRequest request, @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    Optional<IdTokenRequest> idToken = request.idTokenRequest();
    if (idToken.isPresent()) {
      oauth.linkWithIdToken(caller, request.provider(), idToken.get());
      return Response.ok(new LinkAnswer("", true, false)).build();
    }
    return started(
        oauth.start(request.start(), Optional.of(caller), OAuthService.CallbackPath.CURRENT),
        request.redirects(),
        true);
  }

  /** Better Auth 1.6's generic-oauth link. */
  @POST
  @Path("oauth2/link")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response linkOAuth2(
      @Valid LegacyRequests.Link request, @Context SecurityContext security) {
    return started(
        oauth.start(
            request.start(), Optional.of(Caller.of(security)), OAuthService.CallbackPath.LEGACY),
        true,
        false);
  }

  /**
   * {@code {url, redirect}}: Better Auth 1.7 also sends the URL as {@code Location} on the 200 (the
   * client navigates itself); a browser flow gets the state cookie.
   */
  private Response started(OAuthService.Started s, boolean redirect, boolean locationHeader) {
    Response.ResponseBuilder r =
        Response.ok(new RedirectAnswer(s.url().toString(), redirect, s.exchangeSecret()));
    if (redirect && locationHeader) {
      r.header(HttpHeaders.LOCATION, s.url().toString());
    }
    if (s.exchangeSecret() == null) {
      r.header(HttpHeaders.SET_COOKIE, stateCookie.set(s.state()));
    }
    return r.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  // --- the provider's redirect back ----------------------------------------------------------

  @GET
  @Path("callback/{providerId}")
  public Response callback(
      @PathParam("providerId") String providerId,
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error,
      @QueryParam("error_description") String errorDescription,
      @QueryParam("iss") String iss) {
    return land(
        providerId,
        new OAuthService.CallbackParams(code, state, error, errorDescription, iss),
        OAuthService.CallbackPath.CURRENT);
  }

  /** Better Auth 1.6's generic-oauth callback path. */
  @GET
  @Path("oauth2/callback/{providerId}")
  public Response callbackOAuth2(
      @PathParam("providerId") String providerId,
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error,
      @QueryParam("error_description") String errorDescription,
      @QueryParam("iss") String iss) {
    return land(
        providerId,
        new OAuthService.CallbackParams(code, state, error, errorDescription, iss),
        OAuthService.CallbackPath.LEGACY);
  }

  /**
   * A provider that posts its answer ({@code response_mode=form_post}): 302 to the GET callback
   * with the parameters in the query, so the browser's SameSite=Lax state cookie comes along.
   */
  @POST
  @Path("callback/{providerId}")
  @CrossSitePost
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response callbackForm(@PathParam("providerId") String providerId, byte[] body) {
    return toGet(providerId, CallbackForm.parse(body));
  }

  @POST
  @Path("callback/{providerId}")
  @CrossSitePost
  @Consumes(MediaType.APPLICATION_JSON)
  public Response callbackJson(
      @PathParam("providerId") String providerId, @Valid TokenRequests.CallbackBody body) {
    return toGet(providerId, CallbackForm.of(body));
  }

  private Response toGet(String providerId, Map<String, String> params) {
    Map<String, String> merged = CallbackForm.withQuery(params, http.getQueryString());
    URI target =
        URI.create(
            service.apiUrl()
                + "/callback/"
                + CallbackForm.encode(providerId)
                + CallbackForm.query(merged));
    return Response.status(Response.Status.FOUND).location(target).build();
  }

  private Response land(
      String providerId, OAuthService.CallbackParams params, OAuthService.CallbackPath path) {
    OAuthService.Landing landing =
        oauth.callback(providerId, params, stateCookie.read(headers), path, client());
    Response.ResponseBuilder r =
        Response.status(Response.Status.FOUND)
            .location(landing.location())
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (landing.flowUsed()) {
      r.header(HttpHeaders.SET_COOKIE, stateCookie.clear());
    }
    if (landing.session().isPresent()) {
      IssuedSession s = landing.session().get();
      r = credentialsOut.withSession(r, headers, s.token(), s.session());
    }
    return r.build();
  }

  // --- the bearer-only finish ----------------------------------------------------------------

  /**
   * Ours: finishes a flow started with {@code codeExchange: true}. A sign-in answers like
   * sign-in/social's id-token form ({@code {redirect:false, token, user}} and set-auth-token); a
   * link answers {@code {status:true}}.
   */
  @POST
  @Path("sign-in/social/exchange")
  @SignInRoute
  @Consumes(MediaType.APPLICATION_JSON)
  public Response exchange(
      @Valid TokenRequests.Exchange request, @Context SecurityContext security) {
    return switch (oauth.finish(request, Caller.find(security), client())) {
      case OAuthService.Finished.SignedIn s -> signedIn(s.result().gate());
      case OAuthService.Finished.Linked l -> Response.ok(StatusResponse.TRUE).build();
    };
  }

  private Response signedIn(SignInGate gate) {
    return switch (gate) {
      case SignInGate.Opened opened -> {
        IssuedSession s = opened.session();
        yield credentialsOut
            .withSession(
                Response.ok(new SignInAnswer(false, s.token(), opened.user())),
                headers,
                s.token(),
                s.session())
            .build();
      }
      case SignInGate.SecondFactorRequired stop ->
          Response.ok(new SecondFactorAnswer(true, List.of("totp"))).build();
    };
  }

  // --- provider tokens -----------------------------------------------------------------------

  @POST
  @Path("get-access-token")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public AccessTokenAnswer getAccessToken(
      @Valid TokenRequests.AccountSelector request, @Context SecurityContext security) {
    ProviderTokenService.Valid v = tokens.validToken(Caller.of(security), request, false);
    return new AccessTokenAnswer(
        v.accessToken(), v.accessTokenExpiresAt(), v.scopes(), v.idToken());
  }

  @POST
  @Path("refresh-token")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public RefreshAnswer refreshToken(
      @Valid TokenRequests.AccountSelector request, @Context SecurityContext security) {
    ProviderTokenService.Refreshed r = tokens.refresh(Caller.of(security), request);
    return new RefreshAnswer(
        r.tokens().accessToken(),
        r.tokens().refreshToken(),
        r.tokens().accessTokenExpiresAt(),
        r.tokens().refreshTokenExpiresAt(),
        r.account().getScope(),
        r.tokens().idToken(),
        r.account().getProviderId(),
        r.account().getId());
  }

  @GET
  @Path("account-info")
  @Authenticated
  public AccountInfoAnswer accountInfo(
      @QueryParam("accountId") String accountId,
      @QueryParam("providerId") String providerId,
      @Context SecurityContext security) {
    TokenRequests.AccountSelector selector =
        new TokenRequests.AccountSelector(clip(accountId, 1024), clip(providerId, 64), null, null);
    OAuthService.AccountInfo info = oauth.accountInfo(Caller.of(security), selector);
    ProviderProfile p = info.profile();
    return new AccountInfoAnswer(
        new InfoUser(p.accountId(), p.name(), p.email(), p.image(), p.emailVerified()),
        p.raw(),
        new InfoAccount(info.rowId(), info.providerId(), info.issuer(), p.accountId()));
  }

  private static String clip(String value, int max) {
    if (value != null && value.length() > max) {
      throw new AuthException(ErrorCode.ACCOUNT_NOT_FOUND);
    }
    return value;
  }

  /**
   * Where a failed provider flow lands when the client gave no errorCallbackURL (Better Auth shows
   * an HTML page here): the error as JSON.
   */
  @GET
  @Path("error")
  public Response error(@QueryParam("error") String error) {
    String code =
        error != null && error.matches("[A-Za-z0-9_.\\-]{1,64}") ? error : "unknown_error";
    throw new AuthException(
        ErrorCode.OAUTH_CALLBACK_ERROR, ErrorCode.OAUTH_CALLBACK_ERROR.message() + ": " + code);
  }

  private ClientInfo client() {
    return ClientInfo.from(headers, http);
  }
}
