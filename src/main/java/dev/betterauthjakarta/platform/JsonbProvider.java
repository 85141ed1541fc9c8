package dev.betterauthjakarta.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * JSON-B as the wire needs it: nullable fields are written as {@code null} (Better Auth clients
 * expect every user field) and instants in {@link WireDates} format.
 */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig().withNullValues(true).withAdapters(new InstantAdapter()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  public static Jsonb jsonb() {
    return JSONB;
  }

  public static final class InstantAdapter implements JsonbAdapter<Instant, String> {
    @Override
    public String adaptToJson(Instant instant) {
      return WireDates.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
      return WireDates.parse(text);
    }
  }
}
