package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.Field;
import jakarta.json.JsonObject;

/**
 * The profile fields an update-user request carries, each absent, {@code null} (clear) or a value.
 * {@code username} is as typed (it is validated and normalised by {@link
 * IdentityService#updateProfile}); {@code metadata} is a JSON Merge Patch (RFC 7396).
 */
public record ProfileChange(
    Field<String> name,
    Field<String> image,
    Field<String> username,
    Field<String> displayUsername,
    Field<JsonObject> metadata) {

  /** Whether any field is present. */
  public boolean isEmpty() {
    return !name.present()
        && !image.present()
        && !username.present()
        && !displayUsername.present()
        && !metadata.present();
  }
}
