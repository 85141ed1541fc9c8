package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Field;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code POST /update-user}. Only fields present in the body change; {@code null} clears a
 * field. Unknown keys are ignored, as in Better Auth, so entity fields such as emailVerified can
 * never be mass-assigned.
 */
public record UpdateUserRequest(
    Field<String> name,
    Field<String> image,
    Field<String> username,
    Field<String> displayUsername,
    Field<JsonObject> metadata) {

  /** Better Auth's input:false fields: set by the server or an admin, never by the user. */
  private static final List<String> SERVER_ONLY =
      List.of("role", "banned", "banReason", "banExpires", "twoFactorEnabled");

  public static UpdateUserRequest from(Body body) {
    if (body.truthy("email")) {
      throw new AuthException(ErrorCode.EMAIL_CAN_NOT_BE_UPDATED);
    }
    for (String field : SERVER_ONLY) {
      if (body.truthy(field)) {
        throw new AuthException(ErrorCode.FIELD_NOT_ALLOWED, field + " is not allowed to be set");
      }
    }
    var request =
        new UpdateUserRequest(
            body.string("name", 256),
            body.string("image", 2048),
            body.string("username", 1024),
            body.string("displayUsername", Usernames.MAX_DISPLAY_LENGTH),
            body.object("metadata"));
    if (!request.name.present()
        && !request.image.present()
        && !request.username.present()
        && !request.displayUsername.present()
        && !request.metadata.present()) {
      throw new AuthException(ErrorCode.NO_FIELDS_TO_UPDATE);
    }
    return request;
  }
}
