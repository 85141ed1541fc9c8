package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /sign-in/username} (Better Auth's username plugin). A malformed username is a 422
 * there, checked by the service after the schema.
 */
public record UsernameSignInRequest(
    @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 1024, message = Messages.TOO_BIG)
        String username,
    @NotNull(message = Messages.REQUIRED_STRING)
        @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
        String password,
    Boolean rememberMe,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL)
    implements SessionRequest {}
