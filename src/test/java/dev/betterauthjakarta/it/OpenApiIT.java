package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Authenticated;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #11: the server's MicroProfile OpenAPI document ({@code GET /openapi}) is a valid OpenAPI
 * document (swagger-parser reads it without a message) that describes every JAX-RS resource method
 * of the WAR (found by reflection over the WAR's classes, so a new route without documentation
 * fails here), with its request record, its error answers and its security; and every operation it
 * documents exists on the running server. Runs on Payara and on WildFly.
 */
@ExtendWith(ArquillianExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private String document;
  private OpenAPI api;
  private List<String> parseMessages;

  /** Fetches and parses the document once (the URL is injected per test, not before all). */
  @BeforeEach
  void fetchTheDocument() {
    if (document != null) {
      return;
    }
    HttpResponse<String> reply = send("GET", "/openapi", "application/json", null, null);
    assertEquals(200, reply.statusCode(), "GET /openapi -> " + reply.body());
    document = reply.body();
    try {
      // kept for comparing the servers' documents: target/openapi-payara.json, -wildfly.json
      Files.writeString(
          java.nio.file.Path.of(
              "target", "openapi-" + System.getProperty("arquillian.launch", "payara") + ".json"),
          document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    api = result.getOpenAPI();
    parseMessages = result.getMessages() == null ? List.of() : result.getMessages();
  }

  @Test
  void theDocumentParsesWithoutAMessage() {
    assertNotNull(api, "not an OpenAPI document: " + parseMessages);
    assertEquals(List.of(), parseMessages);
    assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
  }

  @Test
  void everyResourceMethodOfTheWarIsDocumentedWithItsHttpMethod() {
    List<String> missing = new ArrayList<>();
    for (WarRoute route : warRoutes()) {
      if (operation(route.method(), route.path()) == null) {
        missing.add(route.toString());
      }
    }
    assertEquals(List.of(), missing, "resource methods missing from /openapi");
  }

  @Test
  void everyDocumentedOperationExistsOnTheServer() {
    Map<String, String> absent = new TreeMap<>();
    int checked = 0;
    for (var path : api.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        String method = op.getKey().name();
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        HttpResponse<String> reply =
            send(method, concrete, "application/json", body ? "application/json" : null, "{}");
        checked++;
        String code = codeOf(reply.body());
        if ((reply.statusCode() == 404 && (code == null || code.equals("NOT_FOUND")))
            || (reply.statusCode() == 405 && (code == null || code.equals("METHOD_NOT_ALLOWED")))) {
          absent.put(method + " " + path.getKey(), reply.statusCode() + " " + reply.body());
        }
      }
    }
    assertTrue(checked >= warRoutes().size() - 1, "only " + checked + " operations documented");
    assertEquals(Map.of(), absent, "documented, but the server does not serve them");
  }

  @Test
  void theBearerTokenAndTheSessionCookieAreSecuritySchemes() {
    assertNotNull(api.getComponents(), "no components");
    Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
    assertNotNull(schemes, "no security schemes");
    assertTrue(
        schemes.values().stream()
            .anyMatch(
                s ->
                    s.getType() == SecurityScheme.Type.HTTP
                        && "bearer".equalsIgnoreCase(s.getScheme())),
        "no HTTP bearer scheme: " + schemes);
    assertTrue(
        schemes.values().stream()
            .anyMatch(
                s ->
                    s.getType() == SecurityScheme.Type.APIKEY
                        && s.getIn() == SecurityScheme.In.COOKIE
                        // the default deployment's base URL is http: no __Secure- prefix
                        && "better-auth.session_token".equals(s.getName())),
        "no session cookie scheme: " + schemes);
  }

  @Test
  void routesThatNeedASessionRequireBearerOrCookieAndAnswer401() {
    Set<String> schemes = api.getComponents().getSecuritySchemes().keySet();
    List<String> wrong = new ArrayList<>();
    for (WarRoute route : warRoutes()) {
      Operation op = operation(route.method(), route.path());
      if (op == null || !route.authenticated()) {
        continue;
      }
      List<SecurityRequirement> security =
          op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
      if (security == null
          || security.isEmpty()
          || security.stream().anyMatch(Map::isEmpty)
          || !security.stream().allMatch(r -> schemes.containsAll(r.keySet()))) {
        wrong.add(route + " security " + security);
      }
      if (op.getResponses() == null || !op.getResponses().containsKey("401")) {
        wrong.add(route + " has no 401");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyOperationListsItsErrorAnswersWithBetterAuthCodes() {
    List<String> wrong = new ArrayList<>();
    for (var path : api.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        String name = op.getKey() + " " + path.getKey();
        var responses = op.getValue().getResponses();
        if (responses == null) {
          wrong.add(name + ": no responses");
          continue;
        }
        boolean anyError = false;
        for (var r : responses.entrySet()) {
          int status = r.getKey().matches("\\d{3}") ? Integer.parseInt(r.getKey()) : 0;
          if (status < 400) {
            continue;
          }
          anyError = true;
          checkError(name, status, r.getValue(), wrong);
        }
        if (!anyError) {
          wrong.add(name + ": no error answer");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** An error answer is {code, message} JSON with an example per Better Auth code it may carry. */
  private void checkError(String name, int status, ApiResponse response, List<String> wrong) {
    MediaType json = response.getContent() == null ? null : response.getContent().get(JSON);
    if (json == null || json.getSchema() == null) {
      wrong.add(name + " " + status + ": no JSON schema");
      return;
    }
    Schema<?> schema = resolve(json.getSchema());
    if (schema.getProperties() == null || !schema.getProperties().containsKey("code")) {
      wrong.add(name + " " + status + ": the schema has no code");
    }
    if (json.getExamples() == null || json.getExamples().isEmpty()) {
      wrong.add(name + " " + status + ": no example");
      return;
    }
    for (var example : json.getExamples().entrySet()) {
      Object value = example.getValue().getValue();
      // swagger-parser keeps an example's value as a JSON tree (or a map)
      String code =
          value instanceof Map<?, ?> m
              ? String.valueOf(m.get("code"))
              : codeOf(String.valueOf(value));
      if (!CODES.contains(code)) {
        wrong.add(
            name
                + " "
                + status
                + ": example "
                + example.getKey()
                + " has code "
                + code
                + ": "
                + value);
      }
    }
  }

  @Test
  void everyRequestRecordIsTheDocumentedBody() {
    List<String> wrong = new ArrayList<>();
    for (WarRoute route : warRoutes()) {
      Operation op = operation(route.method(), route.path());
      if (op == null || route.body() == null) {
        continue;
      }
      if (op.getRequestBody() == null
          || op.getRequestBody().getContent() == null
          || op.getRequestBody().getContent().get(JSON) == null) {
        wrong.add(route + ": no JSON request body");
        continue;
      }
      Schema<?> schema = resolve(op.getRequestBody().getContent().get(JSON).getSchema());
      Set<String> properties =
          schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
      for (RecordComponent c : route.body().getRecordComponents()) {
        if (!properties.contains(c.getName())) {
          wrong.add(route + ": the body's " + c.getName() + " is not documented");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  // --- helpers -------------------------------------------------------------------------------

  private static final String JSON = "application/json";

  private Operation operation(String method, String path) {
    PathItem item = api == null || api.getPaths() == null ? null : api.getPaths().get(path);
    if (item == null) {
      return null;
    }
    return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
  }

  private Schema<?> resolve(Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return api.getComponents().getSchemas().get(name);
    }
    return schema;
  }

  private static String codeOf(String body) {
    var m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private HttpResponse<String> send(
      String method, String path, String accept, String contentType, String body) {
    String b = base.toString();
    URI uri = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", accept);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        contentType == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return Http.send(HTTP, request.build());
  }

  /**
   * A resource method of the WAR: its HTTP method, its absolute path, whether it (or its class) is
   * {@link Authenticated}, and its request record (null for none or a hand-read body).
   */
  record WarRoute(String method, String path, boolean authenticated, Class<?> body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every resource method in the built WAR's classes, read by reflection. */
  private static List<WarRoute> warRoutes() {
    List<WarRoute> routes = new ArrayList<>();
    try (ZipFile war = new ZipFile("target/better-auth-jakarta.war")) {
      for (String name : war.stream().map(e -> e.getName()).toList()) {
        if (name.startsWith("WEB-INF/classes/")
            && name.endsWith(".class")
            && !name.contains("$")
            && !name.endsWith("package-info.class")) {
          String className =
              name.substring("WEB-INF/classes/".length(), name.length() - 6).replace('/', '.');
          routes.addAll(
              routesOf(Class.forName(className, false, OpenApiIT.class.getClassLoader())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      fail(e);
    }
    assertFalse(routes.isEmpty(), "no resource method found in the WAR");
    return routes;
  }

  private static List<WarRoute> routesOf(Class<?> type) {
    Path root = type.getAnnotation(Path.class);
    if (root == null) {
      return List.of();
    }
    List<WarRoute> routes = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      String http = null;
      for (Annotation a : m.getAnnotations()) {
        HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
        if (h != null) {
          http = h.value();
        }
      }
      if (http == null) {
        continue;
      }
      Path sub = m.getAnnotation(Path.class);
      String path =
          ("/api/auth/" + root.value() + "/" + (sub == null ? "" : sub.value()))
              .replaceAll("/+", "/")
              .replaceAll("/$", "");
      Class<?> body = null;
      for (Parameter p : m.getParameters()) {
        if (p.getType().isRecord() && p.getAnnotations().length <= 1) {
          body = p.getType();
        }
      }
      boolean authenticated =
          m.isAnnotationPresent(Authenticated.class)
              || type.isAnnotationPresent(Authenticated.class);
      routes.add(new WarRoute(http, path, authenticated, body));
    }
    return routes;
  }
}
