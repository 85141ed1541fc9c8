package dev.betterauthjakarta.identity;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * The user on the wire: Better Auth's user object plus the seed's twoFactorEnabled and metadata.
 */
public record UserView(
    String id,
    String name,
    String email,
    boolean emailVerified,
    String image,
    Instant createdAt,
    Instant updatedAt,
    String username,
    String displayUsername,
    String role,
    boolean banned,
    String banReason,
    Instant banExpires,
    boolean twoFactorEnabled,
    JsonObject metadata) {

  public static UserView from(User u) {
    return new UserView(
        u.getId(),
        u.getName(),
        u.getEmail(),
        u.isEmailVerified(),
        u.getImage(),
        u.getCreatedAt(),
        u.getUpdatedAt(),
        u.getUsername(),
        u.getDisplayUsername(),
        u.getRole(),
        u.isBanned(),
        u.getBanReason(),
        u.getBanExpires(),
        u.isTwoFactorEnabled(),
        u.getMetadata());
  }
}
