package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.session.SessionCredentials;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.user.UserService;
import dev.betterauthjakarta.user.Usernames;
import dev.betterauthjakarta.user.UserView;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {
  @Inject CredentialService credentials;
  @Inject SessionService sessions;
  @Inject UserService users;
  @Inject SessionCredentials credentialsOut;
  @Inject AuthSettings settings;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record SignUpResponse(String token, UserView user) {}

  public record SignInResponse(
      boolean redirect, String token, @JsonbNillable(false) String url, UserView user) {}

  public record SecondFactorResponse(boolean twoFactorRedirect, List<String> twoFactorMethods) {}

  public record SignOutResponse(boolean success) {}

  public record AvailabilityResponse(boolean available) {}

  @POST
  @Path("sign-up/email")
  public Response signUp(JsonObject body) {
    SignUpRequest request = SignUpRequest.from(Body.of(body), settings.trustedOrigins());
    var signedUp = credentials.signUp(request, ClientInfo.from(headers, http));
    Optional<IssuedSession> session = signedUp.session();
    var response = Response.ok(new SignUpResponse(session.map(IssuedSession::token).orElse(null), signedUp.user()));
    return session
        .map(s -> credentialsOut.withSession(response, s.token(), s.session()))
        .orElse(response)
        .build();
  }

  @POST
  @Path("sign-in/email")
  public Response signInWithEmail(JsonObject body) {
    SignInRequest request = SignInRequest.withEmail(Body.of(body), settings.trustedOrigins());
    return answer(request, credentials.signInWithEmail(request, ClientInfo.from(headers, http)));
  }

  @POST
  @Path("sign-in/username")
  public Response signInWithUsername(JsonObject body) {
    SignInRequest request = SignInRequest.withUsername(Body.of(body), settings.trustedOrigins());
    return answer(request, credentials.signInWithUsername(request, ClientInfo.from(headers, http)));
  }

  /** Better Auth's username plugin route; a malformed username is a 422. */
  @POST
  @Path("is-username-available")
  public AvailabilityResponse isUsernameAvailable(JsonObject body) {
    String username = Usernames.normalizeForLookup(Body.of(body).requiredString("username", 1024));
    return new AvailabilityResponse(users.findByUsername(username).isEmpty());
  }

  private Response answer(SignInRequest request, SignInOutcome outcome) {
    return switch (outcome) {
      case SignInOutcome.SignedIn s -> {
        Optional<String> url = request.callbackURL();
        IssuedSession session = s.session().orElseThrow();
        var entity = new SignInResponse(url.isPresent(), session.token(), url.orElse(null), s.user());
        yield credentialsOut.withSession(Response.ok(entity), session.token(), session.session()).build();
      }
      case SignInOutcome.SecondFactorRequired r ->
          Response.ok(new SecondFactorResponse(true, List.of("totp"))).build();
    };
  }

  /** Always succeeds, signed in or not, and drops a browser's session cookie, as in Better Auth. */
  @POST
  @Path("sign-out")
  public Response signOut(JsonObject body, @Context SecurityContext security) {
    Caller.find(security).ifPresent(caller -> sessions.end(caller.sessionId()));
    return Response.ok(new SignOutResponse(true)).cookie(credentialsOut.clearingCookie()).build();
  }
}
