package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.SignInRoute;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.PendingSignInAnswer;
import dev.betterauthjakarta.session.SessionCredentials;
import dev.betterauthjakarta.session.SessionService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/** Sign-up, sign-in by email or username, username availability and sign-out. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {
  @Inject SignInService signIn;
  @Inject SessionService sessions;
  @Inject IdentityService identities;
  @Inject SessionCredentials credentialsOut;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record SignUpResponse(String token, UserView user) {}

  public record SignInResponse(
      boolean redirect, String token, @JsonbNillable(false) String url, UserView user) {}

  public record SignOutResponse(boolean success) {}

  public record AvailabilityResponse(boolean available) {}

  /** is-username-available's body. */
  public record UsernameRequest(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 1024, message = Messages.TOO_BIG)
          String username) {}

  @POST
  @Path("sign-up/email")
  @SignInRoute
  public Response signUp(@Valid SignUpRequest request) {
    var signedUp = signIn.signUp(request, ClientInfo.from(headers, http));
    Optional<IssuedSession> session = signedUp.session();
    var response =
        Response.ok(
            new SignUpResponse(session.map(IssuedSession::token).orElse(null), signedUp.user()));
    return session
        .map(s -> credentialsOut.withSession(response, headers, s.token(), s.session()))
        .orElse(response)
        .build();
  }

  @POST
  @Path("sign-in/email")
  @SignInRoute
  public Response signInWithEmail(@Valid SignInRequest request) {
    return answer(
        request.callback(), signIn.signInWithEmail(request, ClientInfo.from(headers, http)));
  }

  @POST
  @Path("sign-in/username")
  @SignInRoute
  public Response signInWithUsername(@Valid UsernameSignInRequest request) {
    return answer(
        request.callback(), signIn.signInWithUsername(request, ClientInfo.from(headers, http)));
  }

  /** Better Auth's username plugin route; a malformed username is a 422. */
  @POST
  @Path("is-username-available")
  public AvailabilityResponse isUsernameAvailable(@Valid UsernameRequest request) {
    String username = Usernames.normalizeForLookup(request.username());
    return new AvailabilityResponse(identities.findByUsername(username).isEmpty());
  }

  private Response answer(Optional<String> url, SignInOutcome outcome) {
    return switch (outcome) {
      case SignInOutcome.SignedIn s -> {
        IssuedSession session = s.session().orElseThrow();
        var entity =
            new SignInResponse(url.isPresent(), session.token(), url.orElse(null), s.user());
        yield credentialsOut
            .withSession(Response.ok(entity), headers, session.token(), session.session())
            .build();
      }
      case SignInOutcome.SecondFactorRequired r ->
          credentialsOut
              .withPendingSignIn(
                  Response.ok(new PendingSignInAnswer(true, r.methods(), r.pendingToken())),
                  r.pendingToken())
              .build();
    };
  }

  /** Always succeeds, signed in or not, and drops a browser's session cookie, as in Better Auth. */
  @POST
  @Path("sign-out")
  public Response signOut(JsonObject body, @Context SecurityContext security) {
    Caller.find(security).ifPresent(signIn::signOut);
    credentialsOut.pendingFrom(headers).ifPresent(sessions::abandonPending);
    return credentialsOut.clearing(Response.ok(new SignOutResponse(true))).build();
  }
}
