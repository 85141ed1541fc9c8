package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.admin.AdminRequests.BanUserRequest;
import dev.betterauthjakarta.admin.AdminRequests.CreateUserRequest;
import dev.betterauthjakarta.admin.AdminRequests.RevokeUserSessionRequest;
import dev.betterauthjakarta.admin.AdminRequests.SetRoleRequest;
import dev.betterauthjakarta.admin.AdminRequests.SetUserPasswordRequest;
import dev.betterauthjakarta.admin.AdminRequests.UserIdRequest;
import dev.betterauthjakarta.audit.AuditPage;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionCredentials;
import dev.betterauthjakarta.session.SessionView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Better Auth's admin plugin routes under {@code /admin}, plus {@code GET
 * /admin/list-audit-events}. Every route needs a session (401 otherwise, with this service's JSON
 * body where Better Auth sends none); a caller without the permission gets the route's 403 code.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AdminResource {
  @Inject AdminService admin;
  @Inject SessionCredentials credentials;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  public record UserAnswer(UserView user) {}

  public record SessionsAnswer(List<SessionView> sessions) {}

  public record SuccessAnswer(boolean success) {}

  public record PermissionAnswer(Object error, boolean success) {}

  public record UsersAnswer(
      List<UserView> users,
      long total,
      @JsonbNillable(false) BigDecimal limit,
      @JsonbNillable(false) BigDecimal offset) {}

  public record AuditEventsAnswer(
      List<dev.betterauthjakarta.audit.AuditEventView> events, long total, int limit, int offset) {}

  @POST
  @Path("create-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public AdminService.Created createUser(
      @Valid CreateUserRequest request, @Context SecurityContext security) {
    return admin.createUser(Caller.of(security), request);
  }

  @GET
  @Path("list-users")
  public UsersAnswer listUsers(
      @QueryParam("searchValue") @Size(max = 1024, message = Messages.TOO_BIG) String searchValue,
      @QueryParam("searchField") String searchField,
      @QueryParam("searchOperator") String searchOperator,
      @QueryParam("limit") @Size(max = 64, message = Messages.TOO_BIG) String limit,
      @QueryParam("offset") @Size(max = 64, message = Messages.TOO_BIG) String offset,
      @QueryParam("sortBy") @Size(max = 64, message = Messages.TOO_BIG) String sortBy,
      @QueryParam("sortDirection") String sortDirection,
      @QueryParam("filterField") @Size(max = 64, message = Messages.TOO_BIG) String filterField,
      @QueryParam("filterValue") @Size(max = 100, message = "Too big: at most 100 values")
          List<String> filterValue,
      @QueryParam("filterOperator") String filterOperator,
      @Context SecurityContext security) {
    var page =
        admin.listUsers(
            Caller.of(security),
            AdminQueries.users(
                searchValue,
                searchField,
                searchOperator,
                limit,
                offset,
                sortBy,
                sortDirection,
                filterField,
                filterValue,
                filterOperator));
    return new UsersAnswer(page.users(), page.total(), page.limit(), page.offset());
  }

  /** Better Auth answers the bare user here. */
  @GET
  @Path("get-user")
  public UserView getUser(
      @QueryParam("id")
          @NotNull(message = Messages.REQUIRED_STRING)
          @Size(max = 256, message = Messages.TOO_BIG)
          String id,
      @Context SecurityContext security) {
    return admin.getUser(Caller.of(security), id);
  }

  /** Read by hand: {@code data} may name any field, and absent differs from null. */
  @POST
  @Path("update-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView updateUser(JsonObject body, @Context SecurityContext security) {
    JsonObject b = body == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : body;
    return admin.updateUser(Caller.of(security), AdminRequests.coerceUserId(b.get("userId")), b);
  }

  @POST
  @Path("set-role")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserAnswer setRole(@Valid SetRoleRequest request, @Context SecurityContext security) {
    return new UserAnswer(admin.setRole(Caller.of(security), request.id(), request.roleList()));
  }

  @POST
  @Path("ban-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserAnswer banUser(@Valid BanUserRequest request, @Context SecurityContext security) {
    return new UserAnswer(
        admin.ban(
            Caller.of(security), request.id(), request.banReason(), request.expiresInSeconds()));
  }

  @POST
  @Path("unban-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserAnswer unbanUser(@Valid UserIdRequest request, @Context SecurityContext security) {
    return new UserAnswer(admin.unban(Caller.of(security), request.id()));
  }

  @POST
  @Path("list-user-sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  public SessionsAnswer listUserSessions(
      @Valid UserIdRequest request, @Context SecurityContext security) {
    return new SessionsAnswer(admin.listUserSessions(Caller.of(security), request.id()));
  }

  @POST
  @Path("revoke-user-session")
  @Consumes(MediaType.APPLICATION_JSON)
  public SuccessAnswer revokeUserSession(
      @Valid RevokeUserSessionRequest request, @Context SecurityContext security) {
    admin.revokeUserSession(Caller.of(security), request.sessionToken());
    return new SuccessAnswer(true);
  }

  @POST
  @Path("revoke-user-sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  public SuccessAnswer revokeUserSessions(
      @Valid UserIdRequest request, @Context SecurityContext security) {
    admin.revokeUserSessions(Caller.of(security), request.id());
    return new SuccessAnswer(true);
  }

  /**
   * The impersonation session in the body ({@code token} included) and in {@code set-auth-token}; a
   * browser also gets it as its session cookie and keeps its own in {@code admin_session}.
   */
  @POST
  @Path("impersonate-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response impersonateUser(@Valid UserIdRequest request, @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    AdminService.Impersonation started =
        admin.impersonate(caller, request.id(), ClientInfo.from(headers, http));
    IssuedSession issued = started.issued();
    return credentials
        .withImpersonation(
            Response.ok(new AdminService.SessionAndUser(issued.session(), started.user())),
            headers,
            caller.token(),
            issued)
        .build();
  }

  /**
   * Needs the browser's {@code admin_session} cookie, as in Better Auth; a bearer client simply
   * keeps its own token and signs the impersonation session out.
   */
  @POST
  @Path("stop-impersonating")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response stopImpersonating(JsonObject ignored, @Context SecurityContext security) {
    Optional<SessionCredentials.AdminSession> cookie = credentials.adminSession(headers);
    var back =
        admin.stopImpersonating(
            Caller.of(security), cookie.map(SessionCredentials.AdminSession::token));
    return credentials
        .endingImpersonation(
            Response.ok(back),
            back.session().token(),
            cookie.map(SessionCredentials.AdminSession::dontRemember).orElse(false))
        .build();
  }

  @POST
  @Path("remove-user")
  @Consumes(MediaType.APPLICATION_JSON)
  public SuccessAnswer removeUser(@Valid UserIdRequest request, @Context SecurityContext security) {
    admin.removeUser(Caller.of(security), request.id());
    return new SuccessAnswer(true);
  }

  @POST
  @Path("set-user-password")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse setUserPassword(
      @Valid SetUserPasswordRequest request, @Context SecurityContext security) {
    admin.setUserPassword(Caller.of(security), request.id(), request.newPassword());
    return StatusResponse.TRUE;
  }

  /**
   * Over HTTP the caller's own permissions are checked; {@code userId} and {@code role} are not.
   */
  @POST
  @Path("has-permission")
  @Consumes(MediaType.APPLICATION_JSON)
  public PermissionAnswer hasPermission(JsonObject body, @Context SecurityContext security) {
    return new PermissionAnswer(
        null, admin.hasPermission(Caller.of(security), AdminQueries.permissions(body)));
  }

  /** This service's audit trail, newest first: {@code userId}, {@code action}, a time range. */
  @GET
  @Path("list-audit-events")
  public AuditEventsAnswer listAuditEvents(
      @QueryParam("userId") @Size(max = 256, message = Messages.TOO_BIG) String userId,
      @QueryParam("action") @Size(max = 64, message = Messages.TOO_BIG) String action,
      @QueryParam("from") @Size(max = 64, message = Messages.TOO_BIG) String from,
      @QueryParam("to") @Size(max = 64, message = Messages.TOO_BIG) String to,
      @QueryParam("limit") @Size(max = 16, message = Messages.TOO_BIG) String limit,
      @QueryParam("offset") @Size(max = 16, message = Messages.TOO_BIG) String offset,
      @Context SecurityContext security) {
    AuditPage page =
        admin.listAuditEvents(
            Caller.of(security), AdminQueries.auditEvents(userId, action, from, to, limit, offset));
    return new AuditEventsAnswer(page.events(), page.total(), page.limit(), page.offset());
  }
}
