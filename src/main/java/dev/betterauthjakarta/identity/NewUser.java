package dev.betterauthjakarta.identity;

import jakarta.json.JsonObject;

/** What sign-up knows about a user before it exists; email and username already normalised. */
public record NewUser(
    String name,
    String email,
    String image,
    String username,
    String displayUsername,
    JsonObject metadata) {}
