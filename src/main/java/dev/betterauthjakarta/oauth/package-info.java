/**
 * Use case: sign-in and account linking through identity providers (generic OpenID Connect, Google,
 * Microsoft Entra ID, GitLab, GitHub). {@code POST /sign-in/social} (redirect or id token), {@code
 * GET|POST /callback/{providerId}}, {@code POST /link-social}, {@code POST /get-access-token},
 * {@code POST /refresh-token}, {@code GET /account-info}, Better Auth 1.6's {@code POST
 * /sign-in/oauth2}, {@code GET /oauth2/callback/{providerId}} and {@code POST /oauth2/link}, the
 * bearer-only finish {@code POST /sign-in/social/exchange} and the error page {@code GET /error}.
 *
 * <p>Rules: a redirect flow's state is single-use, expires in 10 minutes, is stored as a hash, and
 * must come back with the browser's signed state cookie (or, for a flow started with {@code
 * codeExchange}, is finished only by the client holding the flow's secret); PKCE (S256) and a nonce
 * bind the code and the id token to the flow; id tokens are verified by Nimbus (signature against
 * the issuer's JWKS, issuer, audience, expiry, nonce); a new identity joins an existing user by
 * email only when the provider says the email is verified, the provider is trusted, implicit
 * linking is on and the local email is verified; link-social needs a fresh session and the same
 * email unless allow-different-emails; a provider identity belongs to one user (advisory lock and
 * unique index); a provider sign-in passes the same gate as a password sign-in (ban, required
 * verification, two-factor); tokens are sealed at rest and leave only through get-access-token and
 * refresh-token to their owner; a refresh holds the account row's lock so two callers never both
 * refresh; every provider failure is a redirect with {@code ?error=} or a JSON error, never a 500.
 */
package dev.betterauthjakarta.oauth;
