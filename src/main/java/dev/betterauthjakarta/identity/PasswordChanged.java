package dev.betterauthjakarta.identity;

/**
 * A CDI event fired, inside the changing transaction, whenever a user's password is set or replaced
 * (change, reset, set). Features that hold trust derived from the old password observe it
 * (two-factor's trusted devices are revoked), so the core never needs to know them.
 *
 * @param userId the user whose password changed
 */
public record PasswordChanged(String userId) {}
