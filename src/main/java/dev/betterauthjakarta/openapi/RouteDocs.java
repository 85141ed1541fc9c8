package dev.betterauthjakarta.openapi;

import static dev.betterauthjakarta.platform.ErrorCode.*;

import dev.betterauthjakarta.accounts.AccountManagementPlugin;
import dev.betterauthjakarta.accounts.AccountView;
import dev.betterauthjakarta.admin.AdminService;
import dev.betterauthjakarta.email.EmailResource;
import dev.betterauthjakarta.oauth.OAuthResource;
import dev.betterauthjakarta.openapi.ApiRoutes.ErrorAnswer;
import dev.betterauthjakarta.openapi.ApiRoutes.Session;
import dev.betterauthjakarta.password.PasswordResource;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.StatusResponse;
import dev.betterauthjakarta.session.PendingSignInAnswer;
import dev.betterauthjakarta.session.SessionResource;
import dev.betterauthjakarta.signin.SignInResource;
import dev.betterauthjakarta.twofactor.TwoFactorResource;
import dev.betterauthjakarta.user.UserResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says, for each route, what the Java signature cannot: a summary, the answer's
 * type where the method returns a {@code Response}, whether it redirects or issues a session, and
 * the Better Auth error codes its own rules answer with (the codes every route of a kind answers
 * are added by {@link ApiRoutes}). Keyed by {@code "METHOD path"} as {@link
 * ApiRoutes.ApiRoute#key()} spells it; {@code OpenApiDocsTest} fails when a route has no entry or
 * an entry no route.
 */
final class RouteDocs {
  private RouteDocs() {}

  /**
   * What one route documents.
   *
   * @param answers the success answer's types (several: one of them; {@code Void} is JSON null);
   *     empty: the Java return type
   * @param body a schema type for a body read by hand ({@code JsonObject} parameter), or null
   */
  record Doc(
      String summary,
      String description,
      List<Class<?>> answers,
      boolean redirects,
      boolean issuesSession,
      Optional<Session> session,
      List<ErrorAnswer> errors,
      Class<?> body) {}

  static final Map<String, Doc> ROUTES = new LinkedHashMap<>();

  /** A fluent entry; {@link #done()} is implied by the next {@link #route}. */
  private static final class Entry {
    private final String key;
    private final String summary;
    private String description = "";
    private final List<Class<?>> answers = new ArrayList<>();
    private boolean redirects;
    private boolean issuesSession;
    private Session session;
    private final List<ErrorAnswer> errors = new ArrayList<>();
    private Class<?> body;

    private Entry(String key, String summary) {
      this.key = key;
      this.summary = summary;
    }

    Entry says(String text) {
      description = text;
      return this;
    }

    Entry answers(Class<?>... types) {
      answers.addAll(List.of(types));
      return this;
    }

    Entry redirects() {
      redirects = true;
      return this;
    }

    Entry issuesSession() {
      issuesSession = true;
      return this;
    }

    Entry optionalSession() {
      session = Session.OPTIONAL;
      return this;
    }

    Entry needsSession() {
      session = Session.REQUIRED;
      return this;
    }

    Entry fresh() {
      return errors(SESSION_NOT_FRESH);
    }

    Entry errors(ErrorCode... codes) {
      for (ErrorCode c : codes) {
        errors.add(ErrorAnswer.of(c));
      }
      return this;
    }

    /** A code answered at another status than its usual one (Better Auth does so). */
    Entry error(int status, ErrorCode code) {
      errors.add(new ErrorAnswer(status, code));
      return this;
    }

    Entry body(Class<?> type) {
      body = type;
      return this;
    }

    void done() {
      if (ROUTES.put(
              key,
              new Doc(
                  summary,
                  description,
                  List.copyOf(answers),
                  redirects,
                  issuesSession,
                  Optional.ofNullable(session),
                  List.copyOf(errors),
                  body))
          != null) {
        throw new IllegalStateException("Two entries for " + key);
      }
    }
  }

  private static Entry last;

  private static Entry route(String key, String summary) {
    if (last != null) {
      last.done();
    }
    last = new Entry(key, summary);
    return last;
  }

  // --- hand-read bodies: their documented shape -----------------------------------------------

  /** update-user's body: only the given fields change; null clears. */
  record UpdateUserBody(
      String name,
      String image,
      String username,
      String displayUsername,
      jakarta.json.JsonObject metadata) {}

  /** admin/update-user's body: {@code data} may name any user field (not the password). */
  record AdminUpdateUserBody(jakarta.json.JsonValue userId, jakarta.json.JsonObject data) {}

  /** admin/has-permission's body: one permission set ({@code permissions} or 1.6's name). */
  record HasPermissionBody(
      jakarta.json.JsonObject permissions,
      jakarta.json.JsonObject permission,
      String userId,
      String role) {}

  /** A body the route ignores: send {@code {}} or nothing. */
  record EmptyBody() {}

  /** GET /ok's answer. */
  record OkAnswer(boolean ok) {}

  static {
    // --- sign-up, sign-in, sessions
    route("POST sign-up/email", "Sign up with email and password")
        .says(
            "Creates the user and its password account and signs in (unless email verification is"
                + " required: then token is null, a verification mail goes out, and a taken email"
                + " gets the same answer).")
        .answers(SignInResource.SignUpResponse.class)
        .issuesSession()
        .errors(
            USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
            USERNAME_TOO_SHORT,
            USERNAME_TOO_LONG,
            INVALID_USERNAME,
            INVALID_DISPLAY_USERNAME,
            USERNAME_IS_ALREADY_TAKEN,
            FIELD_NOT_ALLOWED);
    route("POST sign-in/email", "Sign in with email and password")
        .says(
            "Unknown email and wrong password give the same answer after the same work. With"
                + " two-factor on, the answer is the pending sign-in instead of a session.")
        .answers(SignInResource.SignInResponse.class, PendingSignInAnswer.class)
        .issuesSession()
        .errors(INVALID_EMAIL_OR_PASSWORD, BANNED_USER, EMAIL_NOT_VERIFIED)
        .errors(ACCOUNT_TEMPORARILY_LOCKED);
    route("POST sign-in/username", "Sign in with username and password")
        .answers(SignInResource.SignInResponse.class, PendingSignInAnswer.class)
        .issuesSession()
        .errors(INVALID_USERNAME_OR_PASSWORD, BANNED_USER, EMAIL_NOT_VERIFIED)
        .errors(ACCOUNT_TEMPORARILY_LOCKED)
        .error(422, USERNAME_TOO_SHORT)
        .error(422, USERNAME_TOO_LONG)
        .error(422, INVALID_USERNAME);
    route("POST is-username-available", "Whether a username is free")
        .error(422, USERNAME_TOO_SHORT)
        .error(422, USERNAME_TOO_LONG)
        .error(422, INVALID_USERNAME);
    route("POST sign-out", "End the caller's session, if any, and clear the cookie")
        .answers(SignInResource.SignOutResponse.class)
        .optionalSession()
        .body(EmptyBody.class);
    route("GET get-session", "The caller's session and user, or null")
        .says("Never 401: without a valid session the answer is the JSON literal null.")
        .answers(SessionResource.SessionWithUser.class, Void.class)
        .optionalSession();
    route("POST get-session", "Refused: Better Auth allows POST only with deferSessionRefresh")
        .errors(METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED);
    route("GET list-sessions", "The caller's live sessions").fresh();
    route("POST revoke-session", "End one of the caller's sessions");
    route("POST revoke-sessions", "End every session of the caller, this one included")
        .body(EmptyBody.class)
        .answers(StatusResponse.class);
    route("POST revoke-other-sessions", "End every session of the caller but this one")
        .body(EmptyBody.class);

    // --- passwords
    route("POST change-password", "Change the caller's password")
        .says("With revokeOtherSessions every session ends and a new one is issued.")
        .answers(PasswordResource.ChangedResponse.class)
        .issuesSession()
        .errors(INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND);
    route("POST request-password-reset", "Mail a password reset link")
        .says("Always the same answer, whether or not the email exists.");
    route("GET reset-password/{token}", "The mailed reset link")
        .says(
            "With a trusted callbackURL: 302 to it with ?token= (or ?error=INVALID_TOKEN);"
                + " otherwise JSON.")
        .answers(PasswordResource.ResetTokenResponse.class)
        .redirects()
        .error(400, INVALID_TOKEN);
    route("POST reset-password", "Set a new password with a reset token (body or ?token=)")
        .says("Ends every session of the user.")
        .error(400, INVALID_TOKEN);
    route("POST verify-password", "Check the caller's password").errors(INVALID_PASSWORD);
    route("POST set-password", "Add a password for a user who has none")
        .fresh()
        .errors(PASSWORD_ALREADY_SET);

    // --- the user and its email
    route("POST update-user", "Change the caller's profile (a merge: only given fields change)")
        .body(UpdateUserBody.class)
        .answers(StatusResponse.class)
        .issuesSession()
        .errors(
            EMAIL_CAN_NOT_BE_UPDATED,
            FIELD_NOT_ALLOWED,
            NO_FIELDS_TO_UPDATE,
            USERNAME_IS_ALREADY_TAKEN,
            USERNAME_TOO_SHORT,
            USERNAME_TOO_LONG,
            INVALID_USERNAME,
            INVALID_DISPLAY_USERNAME);
    route("POST delete-user", "Delete the caller (or mail a confirmation link)")
        .says("Without a password the session must be fresh.")
        .answers(UserResource.DeleteResponse.class)
        .errors(SESSION_EXPIRED, INVALID_PASSWORD, INVALID_TOKEN);
    route("GET delete-user/callback", "The mailed deletion link (the same user signed in)")
        .answers(UserResource.DeleteResponse.class)
        .redirects()
        .needsSession()
        .errors(FAILED_TO_GET_USER_INFO)
        .error(404, INVALID_TOKEN);
    route("POST change-email", "Change the caller's email (at once, or by mailed link)")
        .errors(EMAIL_IS_THE_SAME);
    route("POST send-verification-email", "Mail an email verification link")
        .says("Anonymous: always the same answer.")
        .optionalSession()
        .errors(EMAIL_MISMATCH, EMAIL_ALREADY_VERIFIED);
    route("GET verify-email", "Follow any mailed email link (verify, approve or apply a change)")
        .says("With a trusted callbackURL: 302 to it (with ?error=CODE on failure).")
        .answers(EmailResource.VerifiedResponse.class)
        .redirects()
        .errors(INVALID_TOKEN, TOKEN_EXPIRED, USER_NOT_FOUND);

    // --- account-management plugin
    route("GET list-accounts", "The caller's accounts (never a password or token)")
        .says(
            "The object form, or the bare array (better.auth.account-management.list-format)."
                + " 404 ACCOUNT_MANAGEMENT_DISABLED when the plugin is off.")
        .answers(AccountManagementPlugin.AccountList.class, AccountView[].class)
        .needsSession()
        .errors(ACCOUNT_MANAGEMENT_DISABLED);
    route("POST unlink-account", "Unlink one of the caller's accounts (never the last)")
        .needsSession()
        .fresh()
        .errors(FAILED_TO_UNLINK_LAST_ACCOUNT, ACCOUNT_NOT_FOUND, ACCOUNT_MANAGEMENT_DISABLED);

    // --- identity providers
    ErrorCode[] startErrors = {
      PROVIDER_NOT_FOUND,
      PROVIDER_UNAVAILABLE,
      INVALID_CALLBACK_URL,
      INVALID_ERROR_CALLBACK_URL,
      INVALID_NEW_USER_CALLBACK_URL
    };
    ErrorCode[] idTokenErrors = {
      INVALID_TOKEN,
      ID_TOKEN_NOT_SUPPORTED,
      USER_EMAIL_NOT_FOUND,
      OAUTH_LINK_ERROR,
      EMAIL_NOT_VERIFIED,
      BANNED_USER,
      FAILED_TO_GET_USER_INFO
    };
    route("POST sign-in/social", "Start a provider sign-in, or sign in with its id token")
        .says(
            "Without idToken: {url, redirect} with Location and the state cookie; the client"
                + " sends the browser to url. With idToken: signs in at once.")
        .answers(
            OAuthResource.RedirectAnswer.class,
            OAuthResource.SignInAnswer.class,
            PendingSignInAnswer.class)
        .issuesSession()
        .errors(startErrors)
        .errors(idTokenErrors);
    route("POST sign-in/oauth2", "Better Auth 1.6's generic-oauth sign-in")
        .answers(OAuthResource.RedirectAnswer.class)
        .errors(startErrors)
        .error(400, PROVIDER_NOT_FOUND);
    route("POST link-social", "Link a provider identity to the caller")
        .answers(OAuthResource.RedirectAnswer.class, OAuthResource.LinkAnswer.class)
        .fresh()
        .errors(startErrors)
        .errors(idTokenErrors)
        .errors(LINKING_NOT_ALLOWED, LINKING_DIFFERENT_EMAILS_NOT_ALLOWED)
        .errors(SOCIAL_ACCOUNT_ALREADY_LINKED);
    route("POST oauth2/link", "Better Auth 1.6's generic-oauth link")
        .answers(OAuthResource.RedirectAnswer.class)
        .fresh()
        .errors(startErrors);
    route("GET callback/{providerId}", "The provider's redirect back")
        .says(
            "302 to callbackURL (newUserCallbackURL for a new user) with the session, or to"
                + " errorCallbackURL (default /api/auth/error) with ?error=.")
        .redirects()
        .issuesSession();
    route("GET oauth2/callback/{providerId}", "Better Auth 1.6's generic-oauth callback")
        .redirects()
        .issuesSession();
    route("POST callback/{providerId}", "A provider's form_post answer: 302 to the GET callback")
        .redirects();
    route("POST sign-in/social/exchange", "Finish a codeExchange flow (bearer-only clients)")
        .answers(OAuthResource.SignInAnswer.class, PendingSignInAnswer.class, StatusResponse.class)
        .issuesSession()
        .optionalSession()
        .errors(INVALID_EXCHANGE_CODE)
        .errors(idTokenErrors)
        .errors(LINKING_NOT_ALLOWED, LINKING_DIFFERENT_EMAILS_NOT_ALLOWED)
        .errors(SOCIAL_ACCOUNT_ALREADY_LINKED);
    ErrorCode[] tokenErrors = {
      ACCOUNT_NOT_FOUND,
      PROVIDER_NOT_SUPPORTED,
      PROVIDER_NOT_CONFIGURED,
      PROVIDER_UNAVAILABLE,
      ACCESS_TOKEN_NOT_FOUND
    };
    route("POST get-access-token", "A valid provider access token (refreshed when due)")
        .errors(tokenErrors)
        .errors(FAILED_TO_GET_ACCESS_TOKEN, FAILED_TO_REFRESH_ACCESS_TOKEN);
    route("POST refresh-token", "Refresh a provider access token")
        .errors(tokenErrors)
        .errors(REFRESH_TOKEN_NOT_FOUND, FAILED_TO_REFRESH_ACCESS_TOKEN);
    route("GET account-info", "The provider's profile, read with the account's access token")
        .errors(tokenErrors)
        .errors(
            FAILED_TO_GET_ACCESS_TOKEN, FAILED_TO_REFRESH_ACCESS_TOKEN, FAILED_TO_GET_USER_INFO);
    route("GET error", "Where a failed provider flow lands without an errorCallbackURL")
        .says("Always 400 OAUTH_CALLBACK_ERROR naming the error.")
        .errors(OAUTH_CALLBACK_ERROR);

    // --- two-factor
    route("POST two-factor/enable", "Start TOTP enrolment, or switch on mailed codes")
        .errors(INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND);
    route("POST two-factor/disable", "Switch two-factor off")
        .answers(StatusResponse.class)
        .errors(INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND);
    route("POST two-factor/get-totp-uri", "The TOTP URI again")
        .errors(INVALID_PASSWORD, TOTP_NOT_ENABLED, CREDENTIAL_ACCOUNT_NOT_FOUND);
    route("POST two-factor/generate-backup-codes", "A new set of backup codes")
        .errors(INVALID_PASSWORD, TWO_FACTOR_NOT_ENABLED, CREDENTIAL_ACCOUNT_NOT_FOUND);
    route("POST two-factor/send-otp", "Mail a one-time code")
        .optionalSession()
        .errors(INVALID_TWO_FACTOR_COOKIE, TWO_FACTOR_NOT_ENABLED, BANNED_USER);
    ErrorCode[] verifyErrors = {
      INVALID_CODE,
      INVALID_TWO_FACTOR_COOKIE,
      TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE,
      ACCOUNT_TEMPORARILY_LOCKED,
      BANNED_USER
    };
    route("POST two-factor/verify-totp", "Verify a TOTP code (finishes a pending sign-in)")
        .answers(TwoFactorResource.VerifiedAnswer.class)
        .issuesSession()
        .optionalSession()
        .errors(verifyErrors)
        .errors(TOTP_NOT_ENABLED);
    route("POST two-factor/verify-otp", "Verify a mailed code (finishes a pending sign-in)")
        .answers(TwoFactorResource.VerifiedAnswer.class)
        .issuesSession()
        .optionalSession()
        .errors(verifyErrors)
        .errors(OTP_HAS_EXPIRED);
    route("POST two-factor/verify-backup-code", "Verify a backup code (finishes a pending sign-in)")
        .answers(TwoFactorResource.VerifiedAnswer.class)
        .issuesSession()
        .optionalSession()
        .errors(verifyErrors)
        .errors(INVALID_BACKUP_CODE, BACKUP_CODES_NOT_ENABLED);

    // --- admin plugin
    route("POST admin/create-user", "Create a user")
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS,
            YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE,
            YOU_ARE_NOT_ALLOWED_TO_BAN_USERS,
            YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE,
            USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
            INVALID_EMAIL,
            PASSWORD_TOO_SHORT,
            INVALID_ROLE_TYPE,
            FIELD_NOT_ALLOWED,
            PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER);
    route("GET admin/list-users", "Search, filter, sort and page the users")
        .errors(YOU_ARE_NOT_ALLOWED_TO_LIST_USERS);
    route("GET admin/get-user", "One user").errors(YOU_ARE_NOT_ALLOWED_TO_GET_USER, USER_NOT_FOUND);
    route("POST admin/update-user", "Change any fields of a user")
        .body(AdminUpdateUserBody.class)
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS,
            YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE,
            YOU_ARE_NOT_ALLOWED_TO_BAN_USERS,
            YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL,
            YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE,
            YOU_CANNOT_BAN_YOURSELF,
            YOU_CANNOT_REMOVE_THE_LAST_ADMIN,
            USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
            USER_NOT_FOUND,
            INVALID_EMAIL,
            INVALID_ROLE_TYPE,
            NO_DATA_TO_UPDATE,
            FIELD_NOT_ALLOWED,
            PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER);
    route("POST admin/set-role", "Set a user's role(s)")
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE,
            YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE,
            YOU_CANNOT_REMOVE_THE_LAST_ADMIN,
            INVALID_ROLE_TYPE,
            USER_NOT_FOUND);
    route("POST admin/ban-user", "Ban a user (ends their sessions)")
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_BAN_USERS,
            YOU_CANNOT_BAN_YOURSELF,
            YOU_CANNOT_REMOVE_THE_LAST_ADMIN,
            USER_NOT_FOUND);
    route("POST admin/unban-user", "Lift a ban")
        .errors(YOU_ARE_NOT_ALLOWED_TO_BAN_USERS, USER_NOT_FOUND);
    route("POST admin/list-user-sessions", "A user's sessions")
        .errors(YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS, USER_NOT_FOUND);
    route("POST admin/revoke-user-session", "End one session of any user")
        .errors(YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
    route("POST admin/revoke-user-sessions", "End every session of a user")
        .errors(YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS, USER_NOT_FOUND);
    route("POST admin/impersonate-user", "Sign in as another user")
        .says("A browser keeps its own session in the admin_session cookie.")
        .answers(AdminService.SessionAndUser.class)
        .issuesSession()
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS,
            YOU_CANNOT_IMPERSONATE_ADMINS,
            BANNED_USER,
            USER_NOT_FOUND);
    route("POST admin/stop-impersonating", "Return to the administrator's own session")
        .body(EmptyBody.class)
        .answers(AdminService.SessionAndUser.class)
        .issuesSession()
        .errors(NOT_IMPERSONATING, FAILED_TO_FIND_ADMIN_SESSION);
    route("POST admin/remove-user", "Delete a user")
        .errors(
            YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS,
            YOU_CANNOT_REMOVE_YOURSELF,
            YOU_CANNOT_REMOVE_THE_LAST_ADMIN,
            USER_NOT_FOUND);
    route("POST admin/set-user-password", "Set a user's password")
        .errors(YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD, USER_NOT_FOUND);
    route("POST admin/has-permission", "Whether the caller holds a set of permissions")
        .body(HasPermissionBody.class)
        .errors(INVALID_PERMISSION_CHECK);
    route("GET admin/list-audit-events", "The audit trail, newest first")
        .errors(YOU_ARE_NOT_ALLOWED_TO_LIST_AUDIT_EVENTS);

    // --- health
    route("GET ok", "Better Auth's health check (never asks the database)").answers(OkAnswer.class);
    last.done();
  }
}
