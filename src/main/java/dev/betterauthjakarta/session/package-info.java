/**
 * Sessions. {@code GET /get-session}, {@code GET /list-sessions}, {@code POST /revoke-session},
 * {@code POST /revoke-sessions}, {@code POST /revoke-other-sessions}, {@code GET /ok}.
 *
 * <p>Rules: tokens are 32 random [A-Za-z0-9] characters stored only as SHA-256; sessions last 7
 * days (1 day with rememberMe false) and slide forward once a day of use; a token travels as a
 * bearer header (raw, signed or URL-encoded signed; a bad signature is no session) or as the
 * signed session cookie, and goes out in {@code set-auth-token} and the cookie; a banned user's
 * sessions stop working at once; expired sessions are deleted on sight; listing needs a fresh
 * session and shows hashes, not credentials; a caller can only revoke their own sessions.
 */
package dev.betterauthjakarta.session;
