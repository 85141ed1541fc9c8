package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** {@code POST /link-social}: links a provider identity to the signed-in user. */
public record LinkSocialRequest(
    @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 64, message = Messages.TOO_BIG)
        String provider,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL,
    @Size(max = 2048, message = Messages.TOO_BIG)
        @TrustedUrl(code = ErrorCode.INVALID_ERROR_CALLBACK_URL)
        String errorCallbackURL,
    JsonArray scopes,
    JsonObject idToken,
    Boolean requestSignUp,
    Boolean disableRedirect,
    @Size(max = 1024, message = Messages.TOO_BIG) String loginHint,
    JsonObject additionalParams,
    JsonObject additionalData,
    Boolean codeExchange) {

  Optional<IdTokenRequest> idTokenRequest() {
    return Optional.ofNullable(idToken).map(IdTokenRequest::from);
  }

  FlowStart start() {
    return new FlowStart(
        provider,
        callbackURL,
        null,
        errorCallbackURL,
        RequestParts.scopes(scopes),
        false,
        loginHint,
        RequestParts.params(additionalParams),
        Boolean.TRUE.equals(codeExchange));
  }

  boolean redirects() {
    return !Boolean.TRUE.equals(disableRedirect);
  }
}
