package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** {@code POST /delete-user}: all optional, as Better Auth's client posts {@code {}}. */
public record DeleteUserRequest(
    String password,
    @Size(max = 256, message = Messages.TOO_BIG) String token,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL) {

  public Optional<String> givenPassword() {
    return Optional.ofNullable(password);
  }

  public Optional<String> givenToken() {
    return Optional.ofNullable(token);
  }

  public Optional<String> callback() {
    return Optional.ofNullable(callbackURL);
  }
}
