package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The bodies of Better Auth 1.6's generic-oauth routes, served as aliases of the 1.7 ones. */
final class LegacyRequests {
  private LegacyRequests() {}

  /** {@code POST /sign-in/oauth2}. */
  public record SignIn(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 64, message = Messages.TOO_BIG)
          String providerId,
      @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL,
      @Size(max = 2048, message = Messages.TOO_BIG)
          @TrustedUrl(code = ErrorCode.INVALID_ERROR_CALLBACK_URL)
          String errorCallbackURL,
      @Size(max = 2048, message = Messages.TOO_BIG)
          @TrustedUrl(code = ErrorCode.INVALID_NEW_USER_CALLBACK_URL)
          String newUserCallbackURL,
      Boolean disableRedirect,
      JsonArray scopes,
      Boolean requestSignUp,
      JsonObject additionalData) {

    FlowStart start() {
      return new FlowStart(
          providerId,
          callbackURL,
          newUserCallbackURL,
          errorCallbackURL,
          RequestParts.scopes(scopes),
          Boolean.TRUE.equals(requestSignUp),
          null,
          Map.of(),
          false);
    }
  }

  /** {@code POST /oauth2/link}: callbackURL is required there. */
  public record Link(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 64, message = Messages.TOO_BIG)
          String providerId,
      @NotNull(message = Messages.REQUIRED_STRING)
          @Size(max = 2048, message = Messages.TOO_BIG)
          @TrustedUrl
          String callbackURL,
      JsonArray scopes,
      @Size(max = 2048, message = Messages.TOO_BIG)
          @TrustedUrl(code = ErrorCode.INVALID_ERROR_CALLBACK_URL)
          String errorCallbackURL) {

    FlowStart start() {
      return new FlowStart(
          providerId,
          callbackURL,
          null,
          errorCallbackURL,
          RequestParts.scopes(scopes),
          false,
          null,
          Map.of(),
          false);
    }
  }
}
