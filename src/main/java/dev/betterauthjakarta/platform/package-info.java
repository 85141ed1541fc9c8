/**
 * The ground every feature stands on, knowing none of them: the JAX-RS application at {@code
 * /api/auth} (WADL off) and {@code GET /ok}; one domain exception ({@link AuthException} with an
 * {@link ErrorCode}) and the mappers that write every error as {@code {code, message}}, Bean
 * Validation failures included, and the WAR's error page and outside-the-API filter so that the
 * servlet container's own errors are that JSON too; the JSON body reader (64 KiB cap, empty body is
 * {@code {}}, malformed JSON 400 BAD_REQUEST) with {@link StrictJson}'s rules for any body (UTF-8,
 * at most 32 levels, numbers that read back ({@link JsonNumbers}), no U+0000 or unpaired surrogate
 * in any string or key ({@link SafeText})) and the same text rule for query parameters; the strict
 * record binder; constraints shared by features ({@link TrustedUrl}, {@link Length}, {@link
 * NotSettable}); JSON-B with Better Auth's dates; the clock; random tokens and their hashes;
 * encryption of secrets at rest ({@link SecretCipher}, reading Better Auth's encrypted values too);
 * trusted origins and redirects; advisory locks and unique-violation handling; HTTP filters (body
 * limit, empty body, query text, Content-Type and Accept repair, CORS, origin check (skipped for a
 * {@link CrossSitePost} route), OPTIONS as 204 with Allow, and the servlet filter that refuses an
 * ambiguous body length); a stalled or unreachable database turned into 503 with Retry-After
 * ({@link DatabaseFailures}); MicroProfile Health checks (readiness asks the database, liveness
 * does not); the settings all features share; Flyway migrations at deployment, free of the request
 * timeouts; the service's metrics ({@link Metrics}: features count sign-ins, sign-ups and resets
 * through it, {@link RouteMetrics} times every route under its template, {@link MetricsServlet}
 * serves them in the Prometheus format to the bearer of the metrics token); one log entry with an
 * incident id per failure of ours ({@link Incidents}).
 */
package dev.betterauthjakarta.platform;
