package dev.betterauthjakarta.platform;

/**
 * Every error the service answers with: HTTP status, Better Auth's code (the constant key of Better
 * Auth 1.5+, see {@code BASE_ERROR_CODES}) and its default message. Codes Better Auth lacks are
 * marked "ours". Throw them as {@link AuthException}; never build an error response by hand.
 */
public enum ErrorCode {
  // Sessions and guards
  UNAUTHORIZED(401, "Unauthorized"),
  SESSION_NOT_FRESH(403, "Session is not fresh"),
  SESSION_EXPIRED(400, "Session expired. Re-authenticate to perform this action."),
  BANNED_USER(
      403,
      "You have been banned from this application. Please contact support if you believe this is"
          + " an error."),

  // Credentials
  INVALID_EMAIL(400, "Invalid email"),
  INVALID_PASSWORD(400, "Invalid password"),
  INVALID_EMAIL_OR_PASSWORD(401, "Invalid email or password"),
  PASSWORD_TOO_SHORT(400, "Password too short"),
  PASSWORD_TOO_LONG(400, "Password too long"),
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL(422, "User already exists. Use another email."),
  CREDENTIAL_ACCOUNT_NOT_FOUND(400, "Credential account not found"),
  PASSWORD_ALREADY_SET(400, "User already has a password set"),
  INVALID_USERNAME_OR_PASSWORD(401, "Invalid username or password"),
  EMAIL_NOT_VERIFIED(403, "Email not verified"),
  EMAIL_MISMATCH(400, "Email mismatch"),
  EMAIL_ALREADY_VERIFIED(400, "Email is already verified"),
  FAILED_TO_GET_USER_INFO(404, "Failed to get user info"),

  // User
  USER_NOT_FOUND(404, "User not found"),
  EMAIL_CAN_NOT_BE_UPDATED(400, "Email can not be updated"),
  FIELD_NOT_ALLOWED(400, "Field not allowed to be set"),
  NO_FIELDS_TO_UPDATE(400, "No fields to update"), // ours: Better Auth sends only the message
  EMAIL_IS_THE_SAME(400, "Email is the same"), // ours: Better Auth sends only the message
  USERNAME_TOO_SHORT(400, "Username is too short"),
  USERNAME_TOO_LONG(400, "Username is too long"),
  INVALID_USERNAME(400, "Username is invalid"),
  INVALID_DISPLAY_USERNAME(400, "Display username is invalid"),
  USERNAME_IS_ALREADY_TAKEN(400, "Username is already taken. Please try another."),

  // Accounts
  FAILED_TO_UNLINK_LAST_ACCOUNT(400, "You can't unlink your last account"),
  ACCOUNT_NOT_FOUND(400, "Account not found"),
  ACCOUNT_MANAGEMENT_DISABLED(404, "Account management is not enabled"), // ours

  // Identity providers (social sign-in, linking, provider tokens)
  PROVIDER_NOT_FOUND(404, "Provider not found"),
  ID_TOKEN_NOT_SUPPORTED(404, "id_token not supported"),
  USER_EMAIL_NOT_FOUND(401, "User email not found"),
  OAUTH_LINK_ERROR(401, "Account not linked"),
  INVALID_ERROR_CALLBACK_URL(403, "Invalid errorCallbackURL"),
  INVALID_NEW_USER_CALLBACK_URL(403, "Invalid newUserCallbackURL"),
  SOCIAL_ACCOUNT_ALREADY_LINKED(409, "Social account already linked"),
  LINKING_NOT_ALLOWED(401, "Account not linked - linking not allowed"),
  LINKING_DIFFERENT_EMAILS_NOT_ALLOWED(401, "Account not linked - different emails not allowed"),
  PROVIDER_NOT_SUPPORTED(400, "Provider is not supported."),
  FAILED_TO_GET_ACCESS_TOKEN(400, "Failed to get a valid access token"),
  REFRESH_TOKEN_NOT_FOUND(400, "Refresh token not found"),
  FAILED_TO_REFRESH_ACCESS_TOKEN(400, "Failed to refresh access token"),
  PROVIDER_NOT_CONFIGURED(400, "Account is not associated with a configured social provider."),
  ACCESS_TOKEN_NOT_FOUND(400, "Access token not found"),
  PROVIDER_UNAVAILABLE(502, "The identity provider could not be reached"), // ours
  INVALID_EXCHANGE_CODE(401, "Invalid or expired exchange code"), // ours
  OAUTH_CALLBACK_ERROR(400, "Sign-in with the identity provider failed"), // ours: the error page

  // Two-factor authentication (Better Auth's two-factor plugin)
  INVALID_TWO_FACTOR_COOKIE(401, "Invalid two factor cookie"),
  INVALID_CODE(401, "Invalid code"),
  INVALID_BACKUP_CODE(401, "Invalid backup code"),
  TOTP_NOT_ENABLED(400, "TOTP not enabled"),
  TWO_FACTOR_NOT_ENABLED(400, "Two factor isn't enabled"),
  BACKUP_CODES_NOT_ENABLED(400, "Backup codes aren't enabled"),
  OTP_HAS_EXPIRED(400, "OTP has expired"),
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE(400, "Too many attempts. Please request a new code."),
  ACCOUNT_TEMPORARILY_LOCKED(
      429,
      "Too many failed verification attempts. Your account is temporarily locked. Please try"
          + " again later."),

  // Verification links
  INVALID_TOKEN(401, "Invalid token"),
  TOKEN_EXPIRED(401, "Token expired"),
  INVALID_CALLBACK_URL(403, "Invalid callbackURL"),
  INVALID_REDIRECT_URL(403, "Invalid redirectURL"),
  MISSING_OR_NULL_ORIGIN(403, "Missing or null Origin"),
  INVALID_ORIGIN(403, "Invalid origin"),
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED(403, "Cross-site navigation login blocked"),

  // Admin plugin (Better Auth's ADMIN_ERROR_CODES)
  YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS(403, "You are not allowed to create users"),
  YOU_ARE_NOT_ALLOWED_TO_LIST_USERS(403, "You are not allowed to list users"),
  YOU_ARE_NOT_ALLOWED_TO_GET_USER(403, "You are not allowed to get user"),
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS(403, "You are not allowed to update users"),
  YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE(403, "You are not allowed to change users role"),
  YOU_ARE_NOT_ALLOWED_TO_BAN_USERS(403, "You are not allowed to ban users"),
  YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS(403, "You are not allowed to list users sessions"),
  YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS(403, "You are not allowed to revoke users sessions"),
  YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS(403, "You are not allowed to impersonate users"),
  YOU_CANNOT_IMPERSONATE_ADMINS(403, "You cannot impersonate admins"),
  YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS(403, "You are not allowed to delete users"),
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD(403, "You are not allowed to set users password"),
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL(403, "You are not allowed to update users email"),
  YOU_ARE_NOT_ALLOWED_TO_LIST_AUDIT_EVENTS(403, "You are not allowed to list audit events"), // ours
  YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE(
      400, "You are not allowed to set a non-existent role value"),
  INVALID_ROLE_TYPE(400, "Invalid role type"),
  NO_DATA_TO_UPDATE(400, "No data to update"),
  PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER(
      400,
      "Password cannot be updated via update user. Use the set-user-password endpoint instead"),
  YOU_CANNOT_BAN_YOURSELF(400, "You cannot ban yourself"),
  YOU_CANNOT_REMOVE_YOURSELF(400, "You cannot remove yourself"),
  // ours: the service always keeps one administrator
  YOU_CANNOT_REMOVE_THE_LAST_ADMIN(400, "You cannot remove, ban or demote the last administrator"),
  NOT_IMPERSONATING(400, "You are not impersonating anyone"), // ours: Better Auth sends no code
  // ours: Better Auth answers 500 when the admin_session cookie is missing
  FAILED_TO_FIND_ADMIN_SESSION(400, "Failed to find admin session"),
  // ours: Better Auth sends only the message
  INVALID_PERMISSION_CHECK(400, "invalid permission check. no permission(s) were passed."),

  // Abuse protection (ours: Better Auth's 429 has no code)
  TOO_MANY_REQUESTS(429, "Too many requests. Please try again later."),
  // ACCOUNT_TEMPORARILY_LOCKED (above, two-factor) also answers the password lockout, with the
  // message SignInService gives it.

  // Request shape (ours unless Better Auth has the code)
  VALIDATION_ERROR(400, "Validation Error"),
  PAYLOAD_TOO_LARGE(413, "Request body is larger than 65536 bytes"),
  UNSUPPORTED_MEDIA_TYPE(415, "Content-Type is not allowed. Allowed types: application/json"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED(
      405, "POST method requires deferSessionRefresh to be enabled in session config"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  BAD_REQUEST(400, "Bad request"),
  CONFLICT(409, "The request conflicts with the current state; try again"),
  INTERNAL_SERVER_ERROR(500, "Internal server error"),
  // ours: the database is unreachable or stalled; the answer carries Retry-After
  SERVICE_UNAVAILABLE(503, "The service is temporarily unavailable; try again shortly");

  private final int status;
  private final String message;

  ErrorCode(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  /** The code a bare HTTP status maps to, for errors raised by the JAX-RS runtime itself. */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> TOO_MANY_REQUESTS;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
    };
  }
}
