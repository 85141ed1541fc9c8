package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * {@code POST /sign-in/social} (Better Auth 1.7). With {@code idToken} it signs in at once;
 * without, it starts a redirect flow. {@code codeExchange} (ours) asks for the bearer-only finish:
 * the answer carries an {@code exchangeSecret}, and the callback hands the client an exchange code
 * instead of a session cookie.
 */
public record SocialSignInRequest(
    @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 64, message = Messages.TOO_BIG)
        String provider,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL,
    @Size(max = 2048, message = Messages.TOO_BIG)
        @TrustedUrl(code = ErrorCode.INVALID_NEW_USER_CALLBACK_URL)
        String newUserCallbackURL,
    @Size(max = 2048, message = Messages.TOO_BIG)
        @TrustedUrl(code = ErrorCode.INVALID_ERROR_CALLBACK_URL)
        String errorCallbackURL,
    Boolean disableRedirect,
    JsonObject idToken,
    JsonArray scopes,
    Boolean requestSignUp,
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
        newUserCallbackURL,
        errorCallbackURL,
        RequestParts.scopes(scopes),
        Boolean.TRUE.equals(requestSignUp),
        loginHint,
        RequestParts.params(additionalParams),
        Boolean.TRUE.equals(codeExchange));
  }

  boolean redirects() {
    return !Boolean.TRUE.equals(disableRedirect);
  }
}
