package dev.betterauthjakarta.openapi;

import dev.betterauthjakarta.accounts.AccountResource;
import dev.betterauthjakarta.admin.AdminResource;
import dev.betterauthjakarta.email.EmailResource;
import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.oauth.OAuthResource;
import dev.betterauthjakarta.password.PasswordResource;
import dev.betterauthjakarta.platform.AuthApplication;
import dev.betterauthjakarta.platform.CrossSitePost;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.OkResource;
import dev.betterauthjakarta.platform.SignInRoute;
import dev.betterauthjakarta.platform.TrustedUrl;
import dev.betterauthjakarta.session.Authenticated;
import dev.betterauthjakarta.session.SessionResource;
import dev.betterauthjakarta.signin.SignInResource;
import dev.betterauthjakarta.twofactor.TwoFactorResource;
import dev.betterauthjakarta.user.UserResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every route the WAR serves under {@code /api/auth}, read by reflection from the JAX-RS resource
 * classes, joined with what {@link RouteDocs} says of it, and the complete set of error answers
 * each one can give: the route's own codes from {@link RouteDocs}, the codes its request record's
 * constraints name ({@link Length}, {@link TrustedUrl}, {@link EmailAddress}), and the codes the
 * feature-blind filters answer on every route of its kind (session, origin check, JSON body, query
 * text, rate limit, database). Pure Java, so unit tests check it without a server.
 */
public final class ApiRoutes {
  /**
   * The resource classes of the WAR. A new one must be added here; {@code OpenApiDocsTest} fails
   * until it is.
   */
  public static final List<Class<?>> RESOURCES =
      List.of(
          SignInResource.class,
          SessionResource.class,
          PasswordResource.class,
          UserResource.class,
          EmailResource.class,
          AccountResource.class,
          OAuthResource.class,
          TwoFactorResource.class,
          AdminResource.class,
          OkResource.class);

  /** Whether a route reads the caller's session. */
  public enum Session {
    /** Never looks at a session. */
    NONE,
    /** Answers with or without one (and differently). */
    OPTIONAL,
    /** Answers 401 UNAUTHORIZED without one. */
    REQUIRED
  }

  /** One error answer: the HTTP status and Better Auth's code in the {@code {code, message}}. */
  public record ErrorAnswer(int status, ErrorCode code) implements Comparable<ErrorAnswer> {
    private static final Comparator<ErrorAnswer> ORDER =
        Comparator.comparingInt(ErrorAnswer::status).thenComparing(e -> e.code().name());

    /** The code at its usual status. */
    public static ErrorAnswer of(ErrorCode code) {
      return new ErrorAnswer(code.status(), code);
    }

    @Override
    public int compareTo(ErrorAnswer other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * One HTTP method on one path: the Java methods that serve it (two when one path takes JSON and a
   * form), its documentation, whether it needs a session, and every error it can answer.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param path the path under /api/auth without a leading slash, templates kept ({@code
   *     callback/{providerId}})
   */
  public record ApiRoute(
      String method,
      String path,
      List<Method> javaMethods,
      RouteDocs.Doc doc,
      Session session,
      SortedSet<ErrorAnswer> errors) {

    /** The absolute request path, e.g. {@code /api/auth/sign-in/email}. */
    public String absolutePath() {
      return AuthApplication.PATH + "/" + path;
    }

    /** The key {@link RouteDocs} knows the route by, e.g. {@code POST sign-in/email}. */
    public String key() {
      return method + " " + path;
    }

    /** The resource class's package name: the feature, e.g. {@code signin}. */
    public String feature() {
      return javaMethods
          .getFirst()
          .getDeclaringClass()
          .getPackage()
          .getName()
          .replaceAll(".*\\.", "");
    }
  }

  private ApiRoutes() {}

  /**
   * Every route of {@link #RESOURCES}, sorted by path, then method.
   *
   * @throws IllegalStateException for a resource method that {@link RouteDocs} does not document
   */
  public static List<ApiRoute> all() {
    Map<String, List<Method>> byKey = new LinkedHashMap<>();
    for (Class<?> resource : RESOURCES) {
      for (Method m : resourceMethods(resource)) {
        byKey
            .computeIfAbsent(httpMethod(m) + " " + pathOf(resource, m), k -> new ArrayList<>())
            .add(m);
      }
    }
    List<ApiRoute> routes = new ArrayList<>();
    for (var entry : byKey.entrySet()) {
      String key = entry.getKey();
      List<Method> methods = entry.getValue();
      methods.sort(Comparator.comparing(Method::getName));
      RouteDocs.Doc doc =
          Optional.ofNullable(RouteDocs.ROUTES.get(key))
              .orElseThrow(() -> new IllegalStateException(key + " is not in RouteDocs"));
      Session session =
          doc.session().orElse(authenticated(methods) ? Session.REQUIRED : Session.NONE);
      String[] parts = key.split(" ", 2);
      routes.add(
          new ApiRoute(
              parts[0],
              parts[1],
              List.copyOf(methods),
              doc,
              session,
              errors(methods, doc, session)));
    }
    routes.sort(Comparator.comparing(ApiRoute::path).thenComparing(ApiRoute::method));
    return routes;
  }

  /** The resource methods (those with an HTTP method annotation) of one class. */
  public static List<Method> resourceMethods(Class<?> resource) {
    return Arrays.stream(resource.getDeclaredMethods())
        .filter(m -> httpMethod(m) != null)
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  /** The HTTP method a resource method answers, or null for a plain method. */
  public static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** The class's and the method's {@code @Path} joined, without leading or trailing slashes. */
  public static String pathOf(Class<?> resource, Method m) {
    Path root = resource.getAnnotation(Path.class);
    Path sub = m.getAnnotation(Path.class);
    String joined = (root == null ? "" : root.value()) + "/" + (sub == null ? "" : sub.value());
    return joined.replaceAll("/+", "/").replaceAll("^/|/$", "");
  }

  /** The request record a resource method binds from its body, if any. */
  public static Optional<Class<?>> bodyRecord(Method m) {
    for (Parameter p : m.getParameters()) {
      if (p.getType().isRecord() && isBody(p)) {
        return Optional.of(p.getType());
      }
    }
    return Optional.empty();
  }

  /** Whether a parameter is the entity (no {@code @Context}, {@code @PathParam}, ...). */
  public static boolean isBody(Parameter p) {
    return Arrays.stream(p.getAnnotations())
        .noneMatch(
            a ->
                a.annotationType().getPackageName().equals("jakarta.ws.rs")
                    || a.annotationType().getPackageName().equals("jakarta.ws.rs.core"));
  }

  /** The media types a resource method reads, from its own or its class's {@code @Consumes}. */
  public static List<String> consumes(Method m) {
    Consumes c =
        Optional.ofNullable(m.getAnnotation(Consumes.class))
            .orElse(m.getDeclaringClass().getAnnotation(Consumes.class));
    return c == null ? List.of() : List.of(c.value());
  }

  private static boolean authenticated(List<Method> methods) {
    return methods.stream()
        .anyMatch(
            m ->
                m.isAnnotationPresent(Authenticated.class)
                    || m.getDeclaringClass().isAnnotationPresent(Authenticated.class));
  }

  private static SortedSet<ErrorAnswer> errors(
      List<Method> methods, RouteDocs.Doc doc, Session session) {
    SortedSet<ErrorAnswer> errors = new TreeSet<>(doc.errors());
    // Every route: the rate limiter, an unexpected failure, an unreachable database.
    errors.add(ErrorAnswer.of(ErrorCode.TOO_MANY_REQUESTS));
    errors.add(ErrorAnswer.of(ErrorCode.INTERNAL_SERVER_ERROR));
    errors.add(ErrorAnswer.of(ErrorCode.SERVICE_UNAVAILABLE));
    if (session == Session.REQUIRED) {
      errors.add(ErrorAnswer.of(ErrorCode.UNAUTHORIZED));
    }
    for (Method m : methods) {
      boolean write = !httpMethod(m).equals("GET");
      if (write && !m.isAnnotationPresent(CrossSitePost.class)) {
        // OriginCheckFilter: a cookie-bearing (or, for sign-in routes, a browser's) request.
        errors.add(ErrorAnswer.of(ErrorCode.INVALID_ORIGIN));
        errors.add(ErrorAnswer.of(ErrorCode.MISSING_OR_NULL_ORIGIN));
        if (m.isAnnotationPresent(SignInRoute.class)) {
          errors.add(ErrorAnswer.of(ErrorCode.CROSS_SITE_NAVIGATION_LOGIN_BLOCKED));
        }
      }
      if (write) {
        // Body limit, content type, JSON reader, record binder; a write that lost a race.
        errors.add(ErrorAnswer.of(ErrorCode.PAYLOAD_TOO_LARGE));
        errors.add(ErrorAnswer.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
        errors.add(ErrorAnswer.of(ErrorCode.BAD_REQUEST));
        errors.add(ErrorAnswer.of(ErrorCode.VALIDATION_ERROR));
        errors.add(ErrorAnswer.of(ErrorCode.CONFLICT));
      }
      if (Arrays.stream(m.getParameters()).anyMatch(p -> p.isAnnotationPresent(QueryParam.class))
          || consumes(m).contains(MediaType.APPLICATION_FORM_URLENCODED)) {
        errors.add(ErrorAnswer.of(ErrorCode.VALIDATION_ERROR)); // QueryTextFilter
      }
      bodyRecord(m).ifPresent(body -> constraintCodes(body, errors));
    }
    return errors;
  }

  /** The codes the record's own constraints answer with (Length, TrustedUrl, EmailAddress). */
  private static void constraintCodes(Class<?> record, SortedSet<ErrorAnswer> errors) {
    for (RecordComponent c : record.getRecordComponents()) {
      for (AnnotatedElement e : annotated(record, c)) {
        for (Length l : e.getAnnotationsByType(Length.class)) {
          errors.add(ErrorAnswer.of(l.code()));
        }
        Optional.ofNullable(e.getAnnotation(TrustedUrl.class))
            .ifPresent(t -> errors.add(ErrorAnswer.of(t.code())));
        Optional.ofNullable(e.getAnnotation(EmailAddress.class))
            .ifPresent(a -> errors.add(ErrorAnswer.of(a.code())));
      }
    }
  }

  /**
   * Where a record component's constraints are kept: Bean Validation's annotations do not target
   * record components, so Java puts them on the field and the accessor.
   */
  static List<AnnotatedElement> annotated(Class<?> record, RecordComponent c) {
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(c.getAccessor());
    try {
      elements.add(record.getDeclaredField(c.getName()));
    } catch (NoSuchFieldException e) {
      // a record always has the field; nothing more to read
    }
    return elements;
  }
}
