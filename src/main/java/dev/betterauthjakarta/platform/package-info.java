/**
 * What every route shares: the JAX-RS application at {@code /api/auth}; the bearer filter that
 * turns {@code Authorization: Bearer} into a caller (and the {@code @Authenticated} guard that
 * answers 401 without one); one domain exception and the mappers that write every error as
 * {@code {code, message}}; the JSON body reader (64 KiB cap, empty body is {@code {}}, malformed
 * JSON is a 400); JSON-B with Better Auth's dates; settings from MicroProfile Config; the clock;
 * Flyway migrations at deployment; advisory locks for uniqueness claims.
 */
package dev.betterauthjakarta.platform;
