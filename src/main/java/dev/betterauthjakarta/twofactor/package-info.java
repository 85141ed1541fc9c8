/**
 * Use case: two-factor authentication (Better Auth's two-factor plugin). {@code POST
 * /two-factor/enable}, {@code /disable}, {@code /get-totp-uri}, {@code /verify-totp}, {@code
 * /send-otp}, {@code /verify-otp}, {@code /generate-backup-codes}, {@code /verify-backup-code}.
 *
 * <p>Rules: every first factor (password by email or username, a provider's callback, id token or
 * bearer-only exchange) of a user with two-factor on stops at the core's sign-in gate, which asks
 * {@link dev.betterauthjakarta.twofactor.TwoFactorGate}: no session, but a pending sign-in (10
 * minutes, its handle stored as SHA-256, single use, in the {@code better-auth.two_factor} cookie
 * and, for clients without cookies, the answer's {@code twoFactorToken}, sent back in {@code
 * X-Two-Factor-Token}); it grants nothing but the verify and send-otp routes, dies on sign-out,
 * after 5 wrong codes, and when used; ten failed codes in a row lock an account's sign-in
 * verifications for 15 minutes; a trusted device (30 days, signed {@code better-auth.trust_device}
 * cookie) skips the code until the password changes or two-factor is disabled; an identity provider
 * listed in {@code mfa-providers} whose id token says {@code amr: ["mfa"]} skips it too; TOTP is
 * RFC 6238 (SHA-1, 6 digits, 30 s, one step of drift) and an accepted code's step cannot be used
 * again; enrolment switches two-factor on only after a first code verifies; the TOTP secret is
 * sealed at rest, backup codes are kept as sealed SHA-256 hashes and work once, emailed codes as
 * hashes for 3 minutes; management routes need the password; a user's second factor changes only
 * under the user's row lock, so racing verifications of one code give one session.
 */
package dev.betterauthjakarta.twofactor;
