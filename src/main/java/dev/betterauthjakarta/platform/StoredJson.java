package dev.betterauthjakarta.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A JSON object stored in a {@code jsonb} column that an entity maps as its JSON text (a {@code
 * String} attribute), the one mapping both JPA providers bind and read alike: the datasource's
 * {@code stringtype=unspecified} (Payara's post-boot file, WildFly's configure.cli) lets PostgreSQL
 * cast the text to jsonb on write, Hibernate reads jsonb with {@code getString}, and EclipseLink
 * converts the driver's PGobject to its text. (An {@code AttributeConverter<JsonObject, Object>}
 * worked on EclipseLink only: Hibernate cannot bind an {@code Object}; one to {@code String} works
 * on Hibernate only: EclipseLink hands the converter the PGobject.)
 */
public final class StoredJson {
  private StoredJson() {}

  /**
   * The text to store for {@code value}.
   *
   * @param value a JSON object, or {@code null} for the empty object
   * @return its JSON text, never {@code null}
   */
  public static String write(JsonObject value) {
    return value == null ? "{}" : value.toString();
  }

  /**
   * Reads a stored value back.
   *
   * <p>A stored value that cannot be read back as a JSON object (another writer stored an array, a
   * number PostgreSQL widened past what Parsson reads, nesting past Parsson's limit) reads as
   * {@code null} instead of failing: loading the row must never fail, or every route that touches
   * it would answer 500 and the row could not even be deleted. The caller decides what null means.
   *
   * @param column the stored text; {@code null} (SQL NULL) reads as the empty object
   * @return the object, or {@code null} if the text is no readable JSON object
   */
  public static JsonObject read(String column) {
    if (column == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(column))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      // JsonException, or Parsson's runtime errors for numbers and depth past its limits.
      return null;
    }
  }
}
