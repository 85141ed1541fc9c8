package dev.betterauthjakarta;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Better Auth 1.7.25 fixtures (copied from shared/fixtures into the test resources). */
public final class Fixtures {
  private Fixtures() {}

  public static JsonArray jsonArray(String name) {
    try (InputStream in = open(name);
        JsonReader reader = Json.createReader(in)) {
      return reader.readArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/fixtures/better-auth-1.7.25/" + name);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + name);
    }
    return in;
  }
}
