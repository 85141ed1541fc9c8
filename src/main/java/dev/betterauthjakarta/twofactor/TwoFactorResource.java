package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.SignInRoute;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionCredentials;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

/** Better Auth's two-factor plugin routes, all {@code POST /two-factor/*}. */
@Path("two-factor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TwoFactorResource {
  @Inject TwoFactorService twoFactor;
  @Inject SessionCredentials credentials;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  /** enable's answer ({@code totpURI} and {@code backupCodes} only for TOTP). */
  public record EnableAnswer(
      String method,
      @JsonbNillable(false) String totpURI,
      @JsonbNillable(false) List<String> backupCodes) {}

  public record UriAnswer(String totpURI) {}

  public record BackupCodesAnswer(boolean status, List<String> backupCodes) {}

  /** A verify route's answer: the session token (new, or the caller's own) and the user. */
  public record VerifiedAnswer(@JsonbNillable(false) String token, UserView user) {}

  @POST
  @Path("enable")
  @Authenticated
  public EnableAnswer enable(@Valid TwoFactorRequests.Enable request, @Context SecurityContext sc) {
    TwoFactorService.Enabled e = twoFactor.enable(Caller.of(sc), request);
    return new EnableAnswer(e.method(), e.totpURI(), e.backupCodes());
  }

  @POST
  @Path("disable")
  @Authenticated
  public Response disable(@Valid TwoFactorRequests.Password request, @Context SecurityContext sc) {
    twoFactor.disable(Caller.of(sc), request.password());
    return Response.ok(StatusResponse.TRUE)
        .header(HttpHeaders.SET_COOKIE, credentials.trustDeviceCookie(null, 0))
        .build();
  }

  @POST
  @Path("get-totp-uri")
  @Authenticated
  public UriAnswer totpUri(@Valid TwoFactorRequests.Password request, @Context SecurityContext sc) {
    return new UriAnswer(twoFactor.totpUri(Caller.of(sc), request.password()));
  }

  @POST
  @Path("generate-backup-codes")
  @Authenticated
  public BackupCodesAnswer generateBackupCodes(
      @Valid TwoFactorRequests.Password request, @Context SecurityContext sc) {
    return new BackupCodesAnswer(
        true, twoFactor.generateBackupCodes(Caller.of(sc), request.password()));
  }

  @POST
  @Path("send-otp")
  @SignInRoute
  public StatusResponse sendOtp(
      @Valid TwoFactorRequests.SendOtp request, @Context SecurityContext sc) {
    twoFactor.sendOtp(Caller.find(sc), handle(request.twoFactorToken())).orThrow();
    return StatusResponse.TRUE;
  }

  @POST
  @Path("verify-totp")
  @SignInRoute
  public Response verifyTotp(@Valid TwoFactorRequests.Code request, @Context SecurityContext sc) {
    return verify(TwoFactorService.Method.TOTP, request, sc);
  }

  @POST
  @Path("verify-otp")
  @SignInRoute
  public Response verifyOtp(@Valid TwoFactorRequests.Code request, @Context SecurityContext sc) {
    return verify(TwoFactorService.Method.OTP, request, sc);
  }

  @POST
  @Path("verify-backup-code")
  @SignInRoute
  public Response verifyBackupCode(
      @Valid TwoFactorRequests.Code request, @Context SecurityContext sc) {
    return verify(TwoFactorService.Method.BACKUP_CODE, request, sc);
  }

  private Response verify(
      TwoFactorService.Method method, TwoFactorRequests.Code request, SecurityContext sc) {
    Outcome.Done done =
        twoFactor
            .verify(
                method,
                Caller.find(sc),
                handle(request.twoFactorToken()),
                request.code(),
                request.trusted(),
                request.noSession(),
                ClientInfo.from(headers, http))
            .orThrow();
    Optional<IssuedSession> session = done.session();
    String token = session.map(IssuedSession::token).orElse(done.callerToken());
    Response.ResponseBuilder r = Response.ok(new VerifiedAnswer(token, done.user()));
    if (session.isPresent()) {
      r = credentials.withSession(r, headers, session.get().token(), session.get().session());
    }
    if (done.pendingFinished()) {
      r.header(HttpHeaders.SET_COOKIE, credentials.clearingPendingCookie());
    }
    if (done.trustToken().isPresent()) {
      r.header(
          HttpHeaders.SET_COOKIE,
          credentials.trustDeviceCookie(
              done.trustToken().get(), TwoFactorService.TRUST_DEVICE.toSeconds()));
    }
    return r.build();
  }

  /** The pending sign-in's handle: header, then cookie, then the body's twoFactorToken. */
  private Optional<String> handle(String fromBody) {
    return credentials.pendingFrom(headers).or(() -> Optional.ofNullable(fromBody));
  }
}
