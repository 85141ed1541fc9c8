/**
 * Core: users and their accounts (every way to sign in). {@link IdentityService} is the one owner
 * of user lookups, row locks, email and username claims, password checks and the rules about one
 * user's sign-in methods; use cases go through it.
 *
 * <p>Rules: an email (lower-cased) and a username (3–30 of [a-zA-Z0-9_.], lower-cased, display name
 * kept as typed) belong to one user, checked under an advisory lock and enforced by a unique
 * constraint; new password hashes are argon2id (or Better Auth's scrypt when so configured) and
 * both formats verify; a user keeps at least one account that can sign in (a credential row without
 * a password is none), even when two unlinks race, unless unlinking all is allowed; a provider
 * identity (providerId, accountId) belongs to one account, claimed under an advisory lock and a
 * unique index; provider tokens are stored sealed ({@link
 * dev.betterauthjakarta.platform.SecretCipher}), bound to their row and column, and sealed again
 * under the current secret whenever the row is written; metadata changes by JSON Merge Patch within
 * 16 KiB as stored (numbers in plain notation, as PostgreSQL keeps them) and 8 levels, and stored
 * metadata that cannot be read back reads as {@code {}} (logged, kept until the user sets metadata
 * again) instead of breaking every route; an expired ban is lifted wherever a ban is checked; the
 * user entity changes only through its behaviour methods.
 */
package dev.betterauthjakarta.identity;
