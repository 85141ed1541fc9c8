/**
 * Use case: email and password sign-in. {@code POST /sign-up/email}, {@code POST /sign-in/email},
 * {@code POST /sign-in/username}, {@code POST /is-username-available}, {@code POST /sign-out}.
 *
 * <p>Rules: sign-up creates user, credential account and session in one transaction; a malformed
 * email is a VALIDATION_ERROR at sign-up and INVALID_EMAIL at sign-in; a password over 128
 * characters is refused before any hashing; an unknown user and a wrong password get the same 401
 * after the same hashing work; Better Auth's hashes are upgraded at sign-in; ban and verification
 * are told only after the right password; a 2FA user gets {@code twoFactorRedirect}, a pending
 * sign-in ({@code twoFactorToken} and the two_factor cookie) and no session; sign-out ends a
 * pending sign-in too; sign-in and sign-up check a browser's Origin (login CSRF).
 */
package dev.betterauthjakarta.signin;
