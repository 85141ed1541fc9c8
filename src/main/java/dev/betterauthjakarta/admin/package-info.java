/**
 * Use case: Better Auth's admin plugin. {@code POST /admin/create-user}, {@code GET
 * /admin/list-users}, {@code GET /admin/get-user}, {@code POST /admin/update-user}, {@code POST
 * /admin/set-role}, {@code POST /admin/ban-user}, {@code POST /admin/unban-user}, {@code POST
 * /admin/list-user-sessions}, {@code POST /admin/revoke-user-session}, {@code POST
 * /admin/revoke-user-sessions}, {@code POST /admin/impersonate-user}, {@code POST
 * /admin/stop-impersonating}, {@code POST /admin/remove-user}, {@code POST
 * /admin/set-user-password}, {@code POST /admin/has-permission}, and this service's {@code GET
 * /admin/list-audit-events}.
 *
 * <p>Rules: roles and their statements, the default role, admin roles and admin user ids come from
 * configuration ({@link AdminSettings}) and are checked as Better Auth checks them ({@link
 * AccessControl}); the first administrator is named by configuration (email or id), promoted at
 * sign-up or start-up; every change re-checks the caller's permission on its locked row under one
 * admin-set lock, so the last administrator can be neither removed, banned nor demoted, even by two
 * administrators racing; banning ends the user's sessions in the same transaction; an impersonation
 * session names its administrator, lasts the configured time (1 hour) without extension, and cannot
 * target an administrator or a banned user; every action writes its audit event in its own
 * transaction, naming the administrator behind an impersonation too.
 */
package dev.betterauthjakarta.admin;
