package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A browser for the redirect flows: a cookie jar for the service, the provider's authorization
 * endpoint reached over HTTP (the real OpenID Connect server answers with its redirect back), and
 * the service's callback followed with the jar's cookies. Redirects are followed by hand, so each
 * step can be checked.
 */
public final class Browser {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final String API = "/api/auth/";

  private final Api api;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(URL base) {
    this.api = new Api(base);
  }

  /**
   * A POST to the service as this browser (its cookies, a trusted Origin), optionally signed in.
   */
  public Api.Reply post(String path, String json, String bearer) {
    Api.Call call = api.post(path).json(json).header("Origin", BrowserIT.APP);
    if (bearer != null) {
      call.bearer(bearer);
    }
    return keep(withCookies(call).send());
  }

  /**
   * A GET of a service path (relative to /api/auth/, query included) with this browser's cookies.
   */
  public Api.Reply get(String pathAndQuery) {
    return keep(withCookies(api.get(pathAndQuery)).send());
  }

  /** The value of a cookie the service set, if the jar holds it. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** Forgets one cookie (a browser that never had it). */
  public void drop(String name) {
    cookies.remove(name);
  }

  /** Puts a cookie into the jar, as if the service had set it. */
  public void put(String name, String value) {
    cookies.put(name, value);
  }

  private Api.Call withCookies(Api.Call call) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      call.header("Cookie", header.toString());
    }
    return call;
  }

  private Api.Reply keep(Api.Reply reply) {
    for (String setCookie : reply.headers("set-cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      if (setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, pair.substring(eq + 1));
      }
    }
    return reply;
  }

  /** What the provider's authorization endpoint redirected to: the service's callback. */
  public record Authorized(URI location, String code, String state) {
    /** The callback as a path under /api/auth/ with its query. */
    public String servicePath() {
      String s = location.toString();
      int api = s.indexOf(API);
      return s.substring(api + API.length());
    }
  }

  /**
   * Follows the authorization URL at the provider, which signs the user in at once and redirects
   * back to the service's callback with a code.
   */
  public static Authorized authorize(String authorizationUrl) {
    HttpResponse<String> response =
        Http.send(HTTP, HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build());
    assertEquals(302, response.statusCode(), response.body());
    URI location = URI.create(response.headers().firstValue("location").orElseThrow());
    Map<String, String> query = query(location);
    assertTrue(query.containsKey("code"), location.toString());
    return new Authorized(location, query.get("code"), query.get("state"));
  }

  /** The decoded query parameters of a URI. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  /** The {@code url} of a sign-in/social or link-social answer. */
  public static String url(Api.Reply started) {
    assertEquals(200, started.status(), started.toString());
    JsonObject json = started.json();
    return json.getString("url");
  }
}
