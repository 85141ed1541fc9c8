/**
 * Sessions. {@code GET /get-session}: the caller's session and user, or JSON {@code null}.
 * {@code GET /ok}: health check.
 *
 * <p>Rules: tokens are 32 random [A-Za-z0-9] characters stored only as SHA-256; sessions last 7
 * days (1 day with rememberMe false) and slide forward once a day of use; bearer tokens are
 * accepted raw, signed ({@code token.HMAC}) or URL-encoded signed, and a bad signature is no
 * session; a banned user's sessions stop working at once; expired sessions are deleted on sight.
 */
package dev.betterauthjakarta.session;
