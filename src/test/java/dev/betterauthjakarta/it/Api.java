package dev.betterauthjakarta.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A small fluent HTTP client for the service's routes under /api/auth. */
public final class Api {
  private static final HttpClient HTTP =
      // HTTP/1.1 as curl and browsers speak it over plain http. (The JDK's default h2c upgrade
      // attempt sometimes hangs on a connection the server closed after an early 413.)
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI base;

  public Api(URL deployment) {
    String b = deployment.toString();
    this.base = URI.create((b.endsWith("/") ? b : b + "/") + "api/auth/");
  }

  public Call get(String path) {
    return new Call(path, "GET");
  }

  public Call post(String path) {
    return new Call(path, "POST");
  }

  public Call method(String method, String path) {
    return new Call(path, method);
  }

  public final class Call {
    private final HttpRequest.Builder request;
    private final String method;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String path, String method) {
      this.method = method;
      this.request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    public Call bearer(String token) {
      request.header("Authorization", "Bearer " + token);
      return this;
    }

    public Call header(String name, String value) {
      request.header(name, value);
      return this;
    }

    public Call json(JsonStructure json) {
      return json(json.toString());
    }

    public Call json(jakarta.json.JsonObjectBuilder json) {
      return json(json.build());
    }

    public Call json(String rawJson) {
      return body("application/json", rawJson);
    }

    /** A raw body; a null content type sends the body without a Content-Type header. */
    public Call body(String contentType, String raw) {
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      body = HttpRequest.BodyPublishers.ofString(raw);
      return this;
    }

    public Reply send() {
      return new Reply(Http.send(HTTP, request.method(method, body).build()));
    }

    public CompletableFuture<Reply> sendAsync() {
      return HTTP.sendAsync(
              request.method(method, body).build(), HttpResponse.BodyHandlers.ofString())
          .thenApply(Reply::new);
    }
  }

  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String text() {
      return response.body();
    }

    public JsonValue value() {
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readValue();
      }
    }

    public JsonObject json() {
      return value().asJsonObject();
    }

    public String code() {
      return json().getString("code");
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public List<String> headers(String name) {
      return response.headers().allValues(name);
    }

    @Override
    public String toString() {
      return status() + " " + response.body();
    }
  }
}
