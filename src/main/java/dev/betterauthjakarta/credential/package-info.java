/**
 * Email and password. {@code POST /sign-up/email}, {@code POST /sign-in/email},
 * {@code POST /sign-in/username}, {@code POST /is-username-available}, {@code POST /sign-out},
 * {@code POST /change-password}, {@code POST /request-password-reset},
 * {@code GET /reset-password/{token}}, {@code POST /reset-password},
 * {@code POST /verify-password}, {@code POST /set-password}.
 *
 * <p>Rules: sign-up creates user, credential account and session in one transaction; an email
 * (lower-cased) and a username belong to one user; an unknown user and a wrong password get the
 * same 401 after the same hashing work; new hashes are argon2id (or Better Auth's scrypt when so
 * configured), Better Auth's hashes verify and are upgraded at sign-in; ban and verification are
 * told only after the right password; a reset link works once, within an hour, and ends every
 * session; changing the password with revokeOtherSessions rotates the caller's token.
 */
package dev.betterauthjakarta.credential;
