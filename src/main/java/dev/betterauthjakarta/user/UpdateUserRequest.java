package dev.betterauthjakarta.user;

import dev.betterauthjakarta.identity.ProfileChange;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import java.util.List;

/**
 * {@code POST /update-user}, read by hand because a merge patch must tell an absent field (leave
 * it) from {@code null} (clear it), which a bound record cannot. Unknown keys are ignored, as in
 * Better Auth, so entity fields such as emailVerified can never be mass-assigned.
 */
public final class UpdateUserRequest {
  /** Better Auth's input:false fields: set by the server or an admin, never by the user. */
  private static final List<String> SERVER_ONLY =
      List.of("role", "banned", "banReason", "banExpires", "twoFactorEnabled");

  private UpdateUserRequest() {}

  /**
   * The profile change the body asks for.
   *
   * @throws AuthException 400 EMAIL_CAN_NOT_BE_UPDATED, FIELD_NOT_ALLOWED, VALIDATION_ERROR (a
   *     wrong JSON type or a value over its limit) or NO_FIELDS_TO_UPDATE
   */
  public static ProfileChange from(Body body) {
    if (body.truthy("email")) {
      throw new AuthException(ErrorCode.EMAIL_CAN_NOT_BE_UPDATED);
    }
    for (String field : SERVER_ONLY) {
      if (body.truthy(field)) {
        throw new AuthException(ErrorCode.FIELD_NOT_ALLOWED, field + " is not allowed to be set");
      }
    }
    var change =
        new ProfileChange(
            body.string("name", 256),
            body.string("image", 2048),
            body.string("username", 1024),
            body.string("displayUsername", Usernames.MAX_DISPLAY_LENGTH),
            body.object("metadata"));
    if (change.isEmpty()) {
      throw new AuthException(ErrorCode.NO_FIELDS_TO_UPDATE);
    }
    return change;
  }
}
