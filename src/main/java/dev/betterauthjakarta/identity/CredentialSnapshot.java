package dev.betterauthjakarta.identity;

/**
 * A user's password hash as read at one moment, so that sign-in can verify it (slow) without a
 * transaction or lock, then lock the user and check that the credential is still the one it
 * verified ({@link IdentityService#lockForSignIn}).
 *
 * @param userId the user's id
 * @param accountId the credential account row's id
 * @param passwordHash the stored hash that was read
 */
public record CredentialSnapshot(String userId, String accountId, String passwordHash) {}
