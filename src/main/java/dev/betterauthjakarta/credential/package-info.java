/**
 * Email and password. {@code POST /sign-up/email}, {@code POST /sign-in/email},
 * {@code POST /sign-out}.
 *
 * <p>Rules: sign-up creates user, credential account and session in one transaction; an email
 * (lower-cased) and a username belong to one user; an unknown email and a wrong password get the
 * same 401 after the same hashing work; new hashes are argon2id, Better Auth's scrypt hashes
 * verify and are upgraded at sign-in; a banned user gets 403 only after the right password.
 */
package dev.betterauthjakarta.credential;
