package dev.betterauthjakarta.audit;

/**
 * What an audit event records. The wire name ({@link #wire()}, e.g. {@code admin.ban-user}) is what
 * the table stores and {@code list-audit-events} filters by.
 */
public enum AuditAction {
  SIGN_UP("user.sign-up"),
  SIGN_IN("session.sign-in"),
  SIGN_IN_FAILED("session.sign-in-failed"),
  SIGN_OUT("session.sign-out"),
  PASSWORD_CHANGE("password.change"),
  PASSWORD_RESET("password.reset"),
  PASSWORD_SET("password.set"),
  EMAIL_CHANGE("email.change"),
  ACCOUNT_LINK("account.link"),
  ACCOUNT_UNLINK("account.unlink"),
  USER_UPDATE("user.update"),
  USER_DELETE("user.delete"),
  ADMIN_CREATE_USER("admin.create-user"),
  ADMIN_UPDATE_USER("admin.update-user"),
  ADMIN_SET_ROLE("admin.set-role"),
  ADMIN_BAN_USER("admin.ban-user"),
  ADMIN_UNBAN_USER("admin.unban-user"),
  ADMIN_REVOKE_SESSION("admin.revoke-user-session"),
  ADMIN_REVOKE_SESSIONS("admin.revoke-user-sessions"),
  ADMIN_REMOVE_USER("admin.remove-user"),
  ADMIN_SET_PASSWORD("admin.set-user-password"),
  IMPERSONATION_START("admin.impersonate-user"),
  IMPERSONATION_STOP("admin.stop-impersonating"),
  ADMIN_BOOTSTRAP("admin.bootstrap");

  private final String wire;

  AuditAction(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
