/**
 * Core: sessions. Issuing, resolving (the bearer/cookie filter and the {@link Caller} it puts on
 * the security context), sliding refresh and ending; how tokens travel in and out; and Better
 * Auth's session routes {@code GET /get-session} ({@code POST} is 405), {@code GET /list-sessions},
 * {@code POST /revoke-session}, {@code POST /revoke-sessions}, {@code POST /revoke-other-sessions}.
 *
 * <p>Rules: tokens are 32 random [A-Za-z0-9] characters stored only as SHA-256; sessions last 7
 * days (1 day with rememberMe false, never extended) and slide forward once a day of use; a token
 * travels as a bearer header (raw, signed or URL-encoded signed; a bad signature is no session) or
 * as the signed session cookie, and goes out in {@code set-auth-token} and the cookie (Max-Age the
 * configured lifetime; none plus the signed dont-remember cookie for rememberMe false); a banned
 * user's sessions stop working at once; expired sessions are deleted on sight; freshness is one
 * rule ({@link Caller#requireFresh()}); listing needs a fresh session and shows hashes, not
 * credentials; a caller can only revoke their own sessions; the User-Agent and IP address kept on a
 * session are cleaned of control characters and unpaired surrogates; every sign-in, whatever proved
 * the identity (a password, an identity provider), passes one gate ({@link SessionService#signIn}):
 * no session for a banned user, for an unverified email when verification is required, or before
 * the second factor.
 */
package dev.betterauthjakarta.session;
