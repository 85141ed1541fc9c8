package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /sign-in/email}. A password over the limit is refused before any hashing (Better Auth
 * reports too long, not too short, at sign-in); a malformed email is INVALID_EMAIL.
 */
public record SignInRequest(
    @NotNull(message = Messages.REQUIRED_STRING)
        @Size(max = 1024, message = Messages.TOO_BIG)
        @EmailAddress(code = ErrorCode.INVALID_EMAIL)
        String email,
    @NotNull(message = Messages.REQUIRED_STRING)
        @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
        String password,
    Boolean rememberMe,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL)
    implements SessionRequest {}
