/**
 * Changing the sign-in email. {@code POST /change-email}, {@code GET /verify-email}.
 *
 * <p>Rules: the same email is a 400; another user's email answers success and changes nothing;
 * an unverified email changes at once; a verified one changes only through a single-use link
 * (1 hour) mailed to the new address, after which it is verified; callback URLs must be trusted.
 */
package dev.betterauthjakarta.email;
