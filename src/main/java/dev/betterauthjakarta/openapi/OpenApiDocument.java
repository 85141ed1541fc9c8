package dev.betterauthjakarta.openapi;

import dev.betterauthjakarta.openapi.ApiRoutes.ApiRoute;
import dev.betterauthjakarta.openapi.ApiRoutes.ErrorAnswer;
import dev.betterauthjakarta.openapi.ApiRoutes.Session;
import dev.betterauthjakarta.platform.ErrorBody;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.SessionCredentials;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The service's OpenAPI 3.1 document, built for MicroProfile OpenAPI 4 ({@code
 * mp.openapi.model.reader}, with annotation scanning off: {@code mp.openapi.scan.disable}), so
 * Payara and WildFly serve the same document at {@code /openapi}. Every route of {@link ApiRoutes}
 * with its parameters, its request record ({@link JsonSchemas}), its answer, a response per error
 * status listing each Better Auth code with an example {@code {code, message}}, and its security:
 * {@value #BEARER} (the session token as {@code Authorization: Bearer}) or {@value #COOKIE} (the
 * session cookie, named as the configured {@code better.auth.url} makes it).
 */
public class OpenApiDocument implements OASModelReader {
  /** The security scheme of the bearer token. */
  public static final String BEARER = "bearerAuth";

  /** The security scheme of the session cookie. */
  public static final String COOKIE = "sessionCookie";

  /**
   * The project declares no license yet; the document says so (SPDX's NOASSERTION) rather than
   * guess one.
   */
  private static final String LICENSE = "No license declared";

  private static final String JSON = MediaType.APPLICATION_JSON;
  private static final String ERROR = "ErrorBody";
  private static final Map<String, String> TAGS = new LinkedHashMap<>();

  static {
    TAGS.put("signin", "Sign-up and sign-in");
    TAGS.put("session", "Sessions");
    TAGS.put("password", "Passwords");
    TAGS.put("user", "User");
    TAGS.put("email", "Email");
    TAGS.put("accounts", "Account management");
    TAGS.put("oauth", "Identity providers");
    TAGS.put("twofactor", "Two-factor authentication");
    TAGS.put("admin", "Administration");
    TAGS.put("platform", "Health");
  }

  /**
   * The whole document, from the resource classes and {@link RouteDocs}; reads {@code
   * better.auth.url} (default {@code http://localhost:8080}) for the server and the cookie's name.
   *
   * @return the model the server serves as {@code /openapi}
   * @throws IllegalStateException when a resource method has no {@link RouteDocs} entry
   */
  @Override
  public OpenAPI buildModel() {
    Config config = ConfigProvider.getConfig(OpenApiDocument.class.getClassLoader());
    String baseUrl =
        config
            .getOptionalValue("better.auth.url", String.class)
            .orElse("http://localhost:8080")
            .replaceAll("/+$", "");
    boolean https = baseUrl.startsWith("https://");
    JsonSchemas schemas = new JsonSchemas();
    Paths paths = OASFactory.createPaths();
    for (ApiRoute route : ApiRoutes.all()) {
      PathItem item = paths.getPathItem(route.absolutePath());
      if (item == null) {
        item = OASFactory.createPathItem();
        paths.addPathItem(route.absolutePath(), item);
      }
      item.setOperation(PathItem.HttpMethod.valueOf(route.method()), operation(route, schemas));
    }
    Components components = OASFactory.createComponents();
    schemas.components().forEach(components::addSchema);
    components.addSchema(ERROR, errorBody());
    components.addSecurityScheme(
        BEARER,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description(
                "The session token from a sign-in answer's token or set-auth-token header: the raw"
                    + " token or its signed form token.signature (URL-encoded or not)."));
    components.addSecurityScheme(
        COOKIE,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name(SessionCredentials.sessionCookieName(https))
            .description(
                "Better Auth's session cookie (token.signature), set by every sign-in; a request"
                    + " that carries it and changes something must come from a trusted Origin."));
    OpenAPI api =
        OASFactory.createOpenAPI()
            .openapi("3.1.0")
            .info(
                OASFactory.createInfo()
                    .title("better-auth-jakarta")
                    .version("1.7")
                    .description(
                        "Better Auth's HTTP API (1.7, with 1.6's aliases and the username,"
                            + " two-factor and admin plugins) served by a Jakarta EE service. JSON"
                            + " in and out; dates as 2026-11-28T10:15:30.123Z; every error is"
                            + " {code, message} with Better Auth's codes. Any other path answers"
                            + " 404 NOT_FOUND, a wrong method 405 METHOD_NOT_ALLOWED with Allow,"
                            + " OPTIONS 204 with Allow.")
                    // WildFly's document always carries a license object, which must have a name
                    .license(OASFactory.createLicense().name(LICENSE).identifier("NOASSERTION")))
            .externalDocs(
                OASFactory.createExternalDocumentation()
                    .description("Better Auth's documentation: the API this service speaks")
                    .url("https://www.better-auth.com/docs"))
            .addServer(OASFactory.createServer().url(baseUrl))
            .paths(paths)
            .components(components);
    TAGS.values().forEach(t -> api.addTag(OASFactory.createTag().name(t)));
    return api;
  }

  private static Operation operation(ApiRoute route, JsonSchemas schemas) {
    RouteDocs.Doc doc = route.doc();
    Method first = route.javaMethods().getFirst();
    Operation op =
        OASFactory.createOperation()
            .operationId(route.feature() + "." + first.getName())
            .summary(doc.summary())
            .addTag(TAGS.getOrDefault(route.feature(), route.feature()));
    if (!doc.description().isEmpty()) {
      op.description(doc.description());
    }
    parameters(route).values().forEach(op::addParameter);
    requestBody(route, schemas).ifPresent(op::requestBody);
    op.responses(responses(route, schemas));
    op.security(security(route.session()));
    return op;
  }

  private static List<SecurityRequirement> security(Session session) {
    SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
    SecurityRequirement cookie = OASFactory.createSecurityRequirement().addScheme(COOKIE);
    return switch (session) {
      case REQUIRED -> List.of(bearer, cookie);
      case OPTIONAL -> List.of(OASFactory.createSecurityRequirement(), bearer, cookie);
      case NONE -> List.of();
    };
  }

  private static Map<String, Parameter> parameters(ApiRoute route) {
    Map<String, Parameter> parameters = new TreeMap<>();
    for (Method m : route.javaMethods()) {
      for (java.lang.reflect.Parameter p : m.getParameters()) {
        PathParam path = p.getAnnotation(PathParam.class);
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (path == null && query == null) {
          continue;
        }
        String name = path != null ? path.value() : query.value();
        Schema schema =
            List.class.isAssignableFrom(p.getType())
                ? JsonSchemas.typed(SchemaType.ARRAY).items(JsonSchemas.typed(SchemaType.STRING))
                : JsonSchemas.typed(SchemaType.STRING);
        Size size = p.getAnnotation(Size.class);
        if (size != null && size.max() != Integer.MAX_VALUE) {
          if (List.class.isAssignableFrom(p.getType())) {
            schema.maxItems(size.max());
          } else {
            schema.maxLength(size.max());
          }
        }
        parameters.putIfAbsent(
            (path != null ? "path:" : "query:") + name,
            OASFactory.createParameter()
                .name(name)
                .in(path != null ? Parameter.In.PATH : Parameter.In.QUERY)
                .required(path != null || p.isAnnotationPresent(NotNull.class))
                .schema(schema));
      }
    }
    return parameters;
  }

  private static Optional<org.eclipse.microprofile.openapi.models.parameters.RequestBody>
      requestBody(ApiRoute route, JsonSchemas schemas) {
    Content content = OASFactory.createContent();
    Class<?> shape = null;
    for (Method m : route.javaMethods()) {
      Optional<Class<?>> record = ApiRoutes.bodyRecord(m);
      boolean handRead =
          java.util.Arrays.stream(m.getParameters())
              .anyMatch(p -> ApiRoutes.isBody(p) && p.getType() == JsonObject.class);
      if (record.isPresent()) {
        shape = record.get();
      } else if (handRead && route.doc().body() != null) {
        shape = route.doc().body();
      }
    }
    if (shape == null && route.doc().body() != null) {
      shape = route.doc().body();
    }
    if (shape == null) {
      return Optional.empty();
    }
    boolean required = false;
    for (RecordComponent c : shape.getRecordComponents()) {
      required |=
          ApiRoutes.annotated(shape, c).stream()
              .anyMatch(e -> e.isAnnotationPresent(NotNull.class));
    }
    for (Method m : route.javaMethods()) {
      List<String> types = ApiRoutes.consumes(m).isEmpty() ? List.of(JSON) : ApiRoutes.consumes(m);
      for (String type : types) {
        var media = OASFactory.createMediaType().schema(schemas.request(shape));
        Map<String, Object> example = Examples.request(shape);
        if (type.equals(JSON) && !example.isEmpty()) {
          media.addExample("request", OASFactory.createExample().value(example));
        }
        content.addMediaType(type, media);
      }
    }
    return Optional.of(
        OASFactory.createRequestBody()
            .required(required)
            .description(required ? "JSON; see the schema" : "JSON; an empty body counts as {}")
            .content(content));
  }

  private static APIResponses responses(ApiRoute route, JsonSchemas schemas) {
    RouteDocs.Doc doc = route.doc();
    APIResponses responses = OASFactory.createAPIResponses();
    Method first = route.javaMethods().getFirst();
    Type returned = first.getGenericReturnType();
    Optional<Schema> answer =
        !doc.answers().isEmpty()
            ? Optional.of(schemas.answers(doc.answers()))
            : returned == Response.class || returned == void.class
                ? Optional.empty()
                : Optional.of(schemas.answer(returned));
    if (answer.isPresent()) {
      APIResponse ok =
          OASFactory.createAPIResponse()
              .description("OK")
              .content(
                  OASFactory.createContent()
                      .addMediaType(JSON, OASFactory.createMediaType().schema(answer.get())));
      if (doc.issuesSession()) {
        sessionHeaders(ok);
      }
      responses.addAPIResponse("200", ok);
    }
    if (doc.redirects()) {
      APIResponse found =
          OASFactory.createAPIResponse()
              .description("Found: the browser goes on to the Location")
              .addHeader(
                  "Location",
                  OASFactory.createHeader()
                      .required(true)
                      .schema(JsonSchemas.typed(SchemaType.STRING).format("uri")));
      if (doc.issuesSession()) {
        sessionHeaders(found);
      }
      responses.addAPIResponse("302", found);
    }
    Map<Integer, List<ErrorCode>> byStatus =
        route.errors().stream()
            .collect(
                Collectors.groupingBy(
                    ErrorAnswer::status,
                    TreeMap::new,
                    Collectors.mapping(ErrorAnswer::code, Collectors.toList())));
    byStatus.forEach(
        (status, codes) -> responses.addAPIResponse(String.valueOf(status), error(codes)));
    return responses;
  }

  private static void sessionHeaders(APIResponse response) {
    response.addHeader(
        "set-auth-token",
        OASFactory.createHeader()
            .description("The new session token, signed (token.signature), for bearer clients")
            .schema(JsonSchemas.typed(SchemaType.STRING)));
    response.addHeader(
        "Set-Cookie",
        OASFactory.createHeader()
            .description("The session cookie (HttpOnly, SameSite=Lax)")
            .schema(JsonSchemas.typed(SchemaType.STRING)));
  }

  private static APIResponse error(List<ErrorCode> codes) {
    var media = OASFactory.createMediaType().schema(JsonSchemas.ref(ERROR));
    for (ErrorCode code : codes) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("code", code.name());
      value.put("message", code.message());
      media.addExample(code.name(), OASFactory.createExample().value(value));
    }
    return OASFactory.createAPIResponse()
        .description(
            codes.stream()
                .map(c -> "`" + c.name() + "`: " + c.message())
                .collect(Collectors.joining("\n\n")))
        .content(OASFactory.createContent().addMediaType(JSON, media));
  }

  private static Schema errorBody() {
    return JsonSchemas.typed(SchemaType.OBJECT)
        .description(
            "Every error: Better Auth's code and a message ("
                + ErrorBody.class.getSimpleName()
                + ")")
        .addProperty(
            "code",
            JsonSchemas.typed(SchemaType.STRING)
                .enumeration(
                    java.util.Arrays.stream(ErrorCode.values())
                        .map(c -> (Object) c.name())
                        .toList()))
        .addProperty("message", JsonSchemas.typed(SchemaType.STRING))
        .required(List.of("code", "message"));
  }
}
