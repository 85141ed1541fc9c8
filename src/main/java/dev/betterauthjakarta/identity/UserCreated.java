package dev.betterauthjakarta.identity;

/**
 * Fired synchronously, inside the creating transaction, for every new user (sign-up, an
 * administrator's create-user, any later sign-up path), so that a feature can complete the row
 * before it commits: the admin feature gives it the configured default role, or names it the first
 * administrator. The core never imports the feature.
 */
public record UserCreated(User user) {}
