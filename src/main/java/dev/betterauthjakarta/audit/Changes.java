package dev.betterauthjakarta.audit;

import dev.betterauthjakarta.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON diff an audit event carries: {@code {"field": {"from": old, "to": new}}} for each
 * changed field, plus notes such as {@code {"password": "changed"}}. Never a secret: callers pass
 * states without password hashes or tokens, and note a credential change by name only.
 */
public final class Changes {
  private final Map<String, JsonValue> fields = new LinkedHashMap<>();

  private Changes() {}

  public static Changes none() {
    return new Changes();
  }

  /** The fields whose values differ between two states (absent counts as null). */
  public static Changes between(JsonObject before, JsonObject after) {
    Changes changes = new Changes();
    java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      JsonValue from = before.getOrDefault(key, JsonValue.NULL);
      JsonValue to = after.getOrDefault(key, JsonValue.NULL);
      if (!Objects.equals(from, to)) {
        changes.change(key, from, to);
      }
    }
    return changes;
  }

  /** Everything in a state, as a change from nothing (a created user). */
  public static Changes created(JsonObject state) {
    return between(JsonValue.EMPTY_JSON_OBJECT, state);
  }

  public Changes change(String field, JsonValue from, JsonValue to) {
    fields.put(
        field,
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("from", from == null ? JsonValue.NULL : from)
            .add("to", to == null ? JsonValue.NULL : to)
            .build());
    return this;
  }

  /** A fact without values, e.g. {@code note("password", "changed")}. */
  public Changes note(String field, String value) {
    fields.put(field, value == null ? JsonValue.NULL : Jsons.PROVIDER.createValue(value));
    return this;
  }

  public Changes note(String field, boolean value) {
    fields.put(field, value ? JsonValue.TRUE : JsonValue.FALSE);
    return this;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  public JsonObject toJson() {
    JsonObjectBuilder builder = Jsons.PROVIDER.createObjectBuilder();
    fields.forEach(builder::add);
    return builder.build();
  }
}
