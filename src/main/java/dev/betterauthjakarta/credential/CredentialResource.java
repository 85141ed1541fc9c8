package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.session.BearerTokens;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.SessionService;
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
  @Inject BearerTokens bearerTokens;
  @Inject AuthSettings settings;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record SignUpResponse(String token, UserView user) {}

  public record SignInResponse(
      boolean redirect, String token, @JsonbNillable(false) String url, UserView user) {}

  public record SecondFactorResponse(boolean twoFactorRedirect, List<String> twoFactorMethods) {}

  public record SignOutResponse(boolean success) {}

  @POST
  @Path("sign-up/email")
  public Response signUp(JsonObject body) {
    SignUpRequest request = SignUpRequest.from(Body.of(body), settings.trustedOrigins());
    var signedIn = credentials.signUp(request, ClientInfo.from(headers, http));
    String token = signedIn.session().token();
    return bearerTokens
        .withToken(Response.ok(new SignUpResponse(token, signedIn.user())), token)
        .build();
  }

  @POST
  @Path("sign-in/email")
  public Response signIn(JsonObject body) {
    SignInRequest request = SignInRequest.from(Body.of(body), settings.trustedOrigins());
    return switch (credentials.signIn(request, ClientInfo.from(headers, http))) {
      case SignInOutcome.SignedIn s -> {
        Optional<String> url = request.callbackURL();
        String token = s.session().token();
        var entity = new SignInResponse(url.isPresent(), token, url.orElse(null), s.user());
        yield bearerTokens.withToken(Response.ok(entity), token).build();
      }
      case SignInOutcome.SecondFactorRequired r ->
          Response.ok(new SecondFactorResponse(true, List.of("totp"))).build();
    };
  }

  /** Always succeeds, signed in or not, as in Better Auth. */
  @POST
  @Path("sign-out")
  public SignOutResponse signOut(JsonObject body, @Context SecurityContext security) {
    Caller.find(security).ifPresent(caller -> sessions.end(caller.sessionId()));
    return new SignOutResponse(true);
  }
}
