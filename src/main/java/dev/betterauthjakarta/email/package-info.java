/**
 * Use case: the email address. {@code POST /change-email}, {@code POST /send-verification-email},
 * {@code GET /verify-email}.
 *
 * <p>Rules: the same email is a 400; another user's email answers success and changes nothing; an
 * unverified email changes at once; a verified one changes only through a single-use link mailed to
 * the new address (after the current address approved, when so configured), and the old address is
 * told; anonymous requests get the same answer whether or not the address has an account; callback
 * URLs must be trusted and redirects go to the configured base URL.
 */
package dev.betterauthjakarta.email;
