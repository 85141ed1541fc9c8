package dev.betterauthjakarta.verification;

import dev.betterauthjakarta.platform.AuthException;
import jakarta.json.JsonObject;
import java.util.function.Supplier;

/** What a presented token turned out to be. Each route maps the failures to its own error. */
public sealed interface Redemption {

  /** The payload, for routes where an expired and an unknown token are the same failure. */
  default JsonObject payloadOr(Supplier<AuthException> failure) {
    if (this instanceof Valid v) {
      return v.payload();
    }
    throw failure.get();
  }

  record Valid(String purpose, JsonObject payload) implements Redemption {}

  record Expired() implements Redemption {}

  record Unknown() implements Redemption {}
}
