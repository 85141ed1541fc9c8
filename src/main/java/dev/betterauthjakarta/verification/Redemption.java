package dev.betterauthjakarta.verification;

import jakarta.json.JsonObject;

/** What a presented token turned out to be. Each route maps the failures to its own error. */
public sealed interface Redemption {
  record Valid(String purpose, JsonObject payload) implements Redemption {}

  record Expired() implements Redemption {}

  record Unknown() implements Redemption {}
}
