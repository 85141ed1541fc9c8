/**
 * Use case: the password. {@code POST /change-password}, {@code POST /request-password-reset},
 * {@code GET /reset-password/{token}}, {@code POST /reset-password}, {@code POST /verify-password},
 * {@code POST /set-password}.
 *
 * <p>Rules: a change needs the current password, and with revokeOtherSessions rotates the caller's
 * token; a reset request answers the same whether or not the address has an account; a reset link
 * works once, within an hour, and ends every session; a new password's length is checked before a
 * token is used up; set-password adds a password only for a user without one, from a fresh session.
 */
package dev.betterauthjakarta.password;
